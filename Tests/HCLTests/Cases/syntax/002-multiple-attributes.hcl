a = 1
bb = "two"
ccc = true
