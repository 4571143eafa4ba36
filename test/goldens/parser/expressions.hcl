prec   = !a && b || c == d != e < f + g * -h % i
cond   = a ? b : c ? d : e
neg    = -x.y[0] - -2
splat1 = a.*.b.c[0]
splat2 = a[*].b[0].c
splat3 = a.0.b
fors   = [for i, v in list : upper(v) if v != ""]
forobj = {for k, v in m : k => v... if true}
call   = ns::fn(1, [2, 3]...)
multi  = fn(
  1,
  2,
)
obj    = {
  a = 1, b = 2
  "c d" : 3
  (var.k) = 4
}
paren  = (
  1 +
  2
)
num    = 1.5e-3
kw     = [true, false, null]
idx    = a["k"][0]
