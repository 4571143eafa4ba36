a = <<EOT
plain ${x}
  kept indent
EOT
b = <<-EOT
    flush ${y}
      two more
    $${not} %%{interp}
    EOT
c = <<-EOT
  ${lead} at start
    indented
  EOT
d = <<EOT
  marker not alone EOT
  EOT
e = [<<EOT
inside a list
EOT
, 2]
