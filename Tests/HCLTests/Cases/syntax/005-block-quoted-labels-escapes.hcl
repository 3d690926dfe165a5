resource "a\"b" "c\\d\n\u00e9" {
  x = 1
}
