a = x.0
b = x.0.y
c = x.1.y.2
