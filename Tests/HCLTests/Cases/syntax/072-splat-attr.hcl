a = x.*
b = x.*.y
c = x.*.y.z
