resource "aws_securityhub_account" "this" {}

resource "aws_securityhub_organization_configuration" "this" {
  auto_enable           = true
  auto_enable_standards = "DEFAULT"
  depends_on            = [aws_securityhub_account.this]
}

locals {
  standards = {
    cis  = "arn:aws:securityhub:${var.home_region}::standards/cis-aws-foundations-benchmark/v/1.4.0"
    fsbp = "arn:aws:securityhub:${var.home_region}::standards/aws-foundational-security-best-practices/v/1.0.0"
    pci  = "arn:aws:securityhub:${var.home_region}::standards/pci-dss/v/3.2.1"
  }

  disabled_controls = {
    "cis/1.14" = "Hardware MFA for root is handled by the break-glass process"
    "fsbp/EC2.19" = "Security groups with unrestricted high-risk ports: accepted risk RISK-42"
    "fsbp/S3.8"   = "Block public access: the marketing site needs public reads"
  }
}

resource "aws_securityhub_standards_subscription" "this" {
  for_each      = local.standards
  standards_arn = each.value
  depends_on    = [aws_securityhub_account.this]
}

resource "aws_securityhub_standards_control" "disabled" {
  for_each = local.disabled_controls

  standards_control_arn = format(
    "arn:aws:securityhub:%s:%s:control/%s",
    var.home_region,
    "111111111111",
    split("/", each.key)[0] == "cis" ? "cis-aws-foundations-benchmark/v/1.4.0/${split("/", each.key)[1]}" : "aws-foundational-security-best-practices/v/1.0.0/${split("/", each.key)[1]}",
  )
  control_status  = "DISABLED"
  disabled_reason = each.value

  depends_on = [aws_securityhub_standards_subscription.this]
}

resource "aws_securityhub_finding_aggregator" "this" {
  linking_mode      = "SPECIFIED_REGIONS"
  specified_regions = [for r in var.enabled_regions : r if r != var.home_region]
}
