a = !x
b = !a && b
c = !!y
