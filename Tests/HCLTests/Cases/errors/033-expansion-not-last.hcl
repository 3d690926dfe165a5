a = f(xs..., y)
