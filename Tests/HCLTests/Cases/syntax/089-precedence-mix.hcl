a = x + y * z - w / v % u == t || s && r != q
b = 1 + 2 * 3 > 4 - 5
c = a || b && c || d
