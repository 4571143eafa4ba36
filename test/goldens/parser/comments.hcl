# leading comment
job "x" { # after brace
  // slash comment
  a = 1 /* inline */ + 2 # trailing
  /* block
     comment */
  b = [
    1, # in list
    2, /* c */
  ]
  c = { # in object
    d = 1 // d
  }
}
/* eof comment */
