a = "x${var.a}y"
b = "${~ var.b ~}  z"
c = "  %{~ if cond ~}  yes  %{~ else ~}  no  %{~ endif ~}  "
d = "%{ for k, v in m }${k}=${v};%{ endfor }"
e = "${ "nested ${ "deep ${x}" }" }"
f = "${ {a = 1}.a }"
g = "\n\t\"\\\u00e9\U0001F600 $${x} %%{y} 50% $HOME"
h = "${a ? "b" : "c"}"
i = "${a}${b}$${c}%%{d}"
j = "x${ upper(<<EOT
heredoc ${y}
EOT
) }z"
k = "${ join(",",
  ["a", "b"]) }"
l = "${ "${~ x ~}" } \\ ${y}"
