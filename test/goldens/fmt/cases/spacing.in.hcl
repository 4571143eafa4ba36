a = "${-1}"
b = "${!x}"
c = [for x in y: -x]
d = {a=-1}
e = f( - 1 , x... )
g = x ? -1 : - 2
h = [ for k , v in m : v if v!=null ]
i = { for k, v in m: k => v... }
j = a[ 0 ][ * ] . b
k = "${ { a = 1 } }"
m = 1 / 2 * 3 - - 4
n = a.0.b
o = (x) - 1
p = [ - x , ! y ]
ünï = 1 # c1
ab = 2   # c2
