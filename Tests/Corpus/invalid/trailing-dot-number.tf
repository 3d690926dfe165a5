locals {
  ratio = 1.
}
