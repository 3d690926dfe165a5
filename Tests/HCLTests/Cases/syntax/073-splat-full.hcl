a = x[*]
b = x[*].y
c = x[*].y[0]
d = x[*].y.z
