a = [for k, v in m : v]
b = {for k, v in m : k => v}
