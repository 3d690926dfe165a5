a = x[var.i]
b = x[i + 1]
