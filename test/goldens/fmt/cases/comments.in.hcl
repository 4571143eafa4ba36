# leading comment
   // slash comment
job "c" { # after brace
  a = 1 # one
  bbb = 2   // two
  cccccc = "three" # three
  /* block */ d = 4
  e = 5 /* trailing block */
  f = [ # open
    1, # first
    2 # second
  ]
    # indented comment
  g = 1
  /*
     multi
       line
  */
  h = 2
}
# eof comment without newline