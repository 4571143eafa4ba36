locals {
  obj = {
    a = {
      b = {
        c = 1
      }
    }
    list = [
      1,
      [2, 3],
      { x = 1 },
    ]
  }
  objs = [{
    a = 1
    }, {
    b = 2
  }]
  tuple = [[1, 2], [3, 4]]
  call = merge(
    { a = 1 },
    { b = 2 },
  )
  call2 = concat([1,
  2], [3])
  empty      = {}
  empty_list = []
  space_obj  = {}
  colon      = { "a" : 1, "b" : 2 }
  idx        = var.list[0].a[*].b
  sp         = var.x.*.id
  for1       = [for s in var.list : upper(s) if s != ""]
  for2       = { for k, v in var.map : k => v... }
  for3       = [for x in [1, 2] : x]
  cond       = var.a ? 1 : -1
  neg        = -1 - -2 * !true
  math       = (1 + 2) * 3 / 4 % 5
  cmp        = a >= b && c <= d || e == f && g != h
  str        = "abc" [0]
  expand     = f(var.list...)
}
