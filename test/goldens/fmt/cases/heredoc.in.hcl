job "h" {
    task "t" {
  template {
        data = <<EOH
  keep   this    spacing
	tabs too
{{ range service "x" }}  ${ var.a }   ${var.b}
{{ end }}
    EOH
    destination = "local/x"
      }
    config {
   args = [<<-EOT
      indented
        more
      EOT
   , "x"]
   other = f(<<EOT
a
EOT
   )
   }
  }
}
