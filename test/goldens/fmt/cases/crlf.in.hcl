job "crlf" {
    a=1
  bbb = 2 # c
  t = <<EOT
  raw   text
EOT
  list = [
  1,
  ]
}
