output "role_arns" {
  value = { for name, r in aws_iam_role.this : name => r.arn }
}

output "github_deploy_role_arn" {
  value = aws_iam_role.github_deploy.arn
}

output "policy_arns" {
  value = [
    aws_iam_policy.ci_wildcard.arn,
    aws_iam_policy.read_only_plus.arn,
    aws_iam_policy.s3_read_write.arn,
    aws_iam_policy.pass_role_any.arn,
  ]
}
