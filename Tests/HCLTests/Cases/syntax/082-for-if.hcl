a = [for x in xs : x if x > 0]
b = {for k, v in m : k => v if v != null}
