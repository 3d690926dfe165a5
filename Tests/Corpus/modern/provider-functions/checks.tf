check "role_arns_are_iam" {
  assert {
    condition = alltrue([
      for a in var.role_arns : provider::aws::arn_parse(a).service == "iam"
    ])
    error_message = "Not IAM ARNs: ${join(", ", [for a in var.role_arns : a if provider::aws::arn_parse(a).service != "iam"])}"
  }
}

resource "terraform_data" "arn_summary" {
  input = <<-EOT
    %{ for a in var.role_arns ~}
    ${provider::aws::trim_iam_role_path(a)} @ ${provider::aws::arn_parse(a).account_id}
    %{ endfor ~}
    bucket: ${provider::aws::arn_build("aws", "s3", "", "", "acme-prod-logs")}
  EOT
}
