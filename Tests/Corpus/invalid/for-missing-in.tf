output "names" {
  value = { for k, v var.users : k => v.name }
}
