a = [for k, in m : k]
