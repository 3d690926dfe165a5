a = {
  (var.k) = 1
  ("lit") = 2
}
