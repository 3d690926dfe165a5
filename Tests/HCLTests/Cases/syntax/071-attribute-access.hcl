a = var.foo
b = x.y.z
c = f().y
