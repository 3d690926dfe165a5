output "function_arn" {
  value = aws_lambda_function.this.arn
}

output "invoke_arn" {
  value = aws_lambda_function.this.invoke_arn
}

output "function_url" {
  value = aws_lambda_function_url.this.function_url
}

output "role_name" {
  value = aws_iam_role.this.name
}
