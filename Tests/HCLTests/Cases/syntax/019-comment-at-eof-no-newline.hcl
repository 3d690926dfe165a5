a = 1
# last line