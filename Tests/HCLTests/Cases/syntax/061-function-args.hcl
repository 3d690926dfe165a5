a = f(1, "two", x)
