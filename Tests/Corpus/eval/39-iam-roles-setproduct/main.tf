data "aws_partition" "current" {}

variable "roles" {
  type = map(object({
    services        = list(string)
    managed_policies = list(string)
    max_session     = optional(number, 3600)
  }))
  default = {
    ecs-task = {
      services         = ["ecs-tasks.amazonaws.com"]
      managed_policies = ["AmazonS3ReadOnlyAccess", "CloudWatchLogsFullAccess"]
    }
    batch = {
      services         = ["batch.amazonaws.com", "ec2.amazonaws.com"]
      managed_policies = ["service-role/AWSBatchServiceRole"]
      max_session      = 7200
    }
  }
}

variable "shared_policies" {
  type    = list(string)
  default = ["AmazonSSMManagedInstanceCore"]
}

locals {
  partition = data.aws_partition.current.partition

  attachments = {
    for pair in setproduct(keys(var.roles), var.shared_policies) :
    "${pair[0]}:${pair[1]}" => { role = pair[0], policy = pair[1] }
  }

  own_attachments = merge([
    for role, cfg in var.roles : {
      for p in cfg.managed_policies : "${role}:${p}" => { role = role, policy = p }
    }
  ]...)

  all_attachments = merge(local.attachments, local.own_attachments)
}

data "aws_iam_policy_document" "assume" {
  for_each = var.roles

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = each.value.services
    }
  }
}

resource "aws_iam_role" "this" {
  for_each = var.roles

  name                 = each.key
  assume_role_policy   = data.aws_iam_policy_document.assume[each.key].json
  max_session_duration = each.value.max_session
  permissions_boundary = "arn:${local.partition}:iam::111122223333:policy/boundary"
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = local.all_attachments

  role       = aws_iam_role.this[each.value.role].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/${each.value.policy}"
}

resource "aws_iam_role_policy" "wildcard" {
  for_each = aws_iam_role.this

  name = "${each.key}-wildcard"
  role = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ec2:*", "iam:*"]
      Resource = "*"
    }]
  })
}

output "attachment_keys" {
  value = sort(keys(local.all_attachments))
}
