output "table_names" {
  value = keys(module.tables.table_arns)
}

output "hello_url" {
  value = module.hello.function_url
}