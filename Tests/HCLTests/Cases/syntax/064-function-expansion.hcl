a = f(xs...)
b = g(1, ys...)
