locals {
  a = "${var.a}-${var.b}"
  b = "%{if var.x}yes%{else}no%{endif}"
  c = "%{~for k, v in var.m~}${k}=${v} %{~endfor~}"
  d = "${ { a = 1 }.a}"
  e = "$${literal} %%{literal}"
  f = "${f(1, 2)}"
  g = <<EOT
%{for x in var.list}
  - ${x}
%{endfor}
EOT
  h = "${var.a}${var.b}%{if true}x%{endif}"
}
