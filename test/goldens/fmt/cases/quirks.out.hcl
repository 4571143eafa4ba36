n = [{
  a = 1
  }, {
  b = 2
}]
c = [{
  x = 1
}]
deep = f(g(h(
  1
)))
x          = a-1
y          = a - 1
z          = [-1, -2]
w          = 2 - -x
v          = (-1)
u          = !a
for_in     = [for x in [foo] : x]
attr_splat = a.*.b
