job "align" {
  a   = 1
  bbb = "two"
  cc  = true

  after_blank = 1
  x           = 2
  # comment breaks the run
  yyyy = 3
  z    = 4
  nested {
    k          = 1
    longer_key = 2
  }
  tail = 5
  m = {
    a     = 1
    bbbbb = 2
  }
  o             = { a = 1, bb = 2 }
  short         = 1
  heredoc       = <<EOT
text
EOT
  after_heredoc = 2
  ünïcode       = 1
  ab            = 2
}
