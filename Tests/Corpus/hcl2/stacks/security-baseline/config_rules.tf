resource "aws_config_configuration_recorder" "this" {
  name     = "default"
  role_arn = aws_iam_role.config.arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_iam_role" "config" {
  name = "aws-config-recorder"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "config.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"]
}

resource "aws_config_delivery_channel" "this" {
  name           = "default"
  s3_bucket_name = aws_s3_bucket.trail.bucket
  s3_key_prefix  = "config"

  snapshot_delivery_properties {
    delivery_frequency = "TwentyFour_Hours"
  }

  depends_on = [aws_config_configuration_recorder.this]
}

resource "aws_config_config_rule" "managed" {
  for_each = var.config_rules

  name             = each.key
  input_parameters = each.value.parameters == null ? null : jsonencode(each.value.parameters)

  source {
    owner             = "AWS"
    source_identifier = each.value.identifier
  }

  dynamic "scope" {
    for_each = length(each.value.resource_types) > 0 ? [each.value.resource_types] : []
    content {
      compliance_resource_types = scope.value
    }
  }

  depends_on = [aws_config_configuration_recorder.this]
}

resource "aws_config_config_rule" "custom_tag_check" {
  name = "required-tags-custom"

  source {
    owner = "CUSTOM_POLICY"

    source_detail {
      message_type = "ConfigurationItemChangeNotification"
    }

    custom_policy_details {
      policy_runtime = "guard-2.x.x"
      policy_text    = <<-GUARD
        rule tags_present when resourceType IN ['AWS::EC2::Instance', 'AWS::S3::Bucket'] {
          tags.CostCenter exists
          tags.Owner exists
          tags.Environment IN ['prod', 'staging', 'dev']
        }
      GUARD
    }
  }
}
