a = {
  list = [1, [2, 3], { x = [4] }]
  obj = { inner = { deep = [] } }
}
