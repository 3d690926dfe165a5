variable "name" { default = "edge" }

variable "blocked_countries" {
  type    = list(string)
  default = ["KP", "IR"]
}

variable "rate_limits" {
  type = map(object({
    limit    = number
    path     = string
    priority = number
  }))
  default = {
    login  = { limit = 100, path = "/login", priority = 10 }
    signup = { limit = 50, path = "/signup", priority = 11 }
    api    = { limit = 2000, path = "/api/", priority = 12 }
  }
}

variable "managed_rule_groups" {
  type = list(object({
    name            = string
    vendor          = optional(string, "AWS")
    priority        = number
    count_only      = optional(bool, false)
    excluded_rules  = optional(list(string), [])
  }))
  default = [
    { name = "AWSManagedRulesCommonRuleSet", priority = 1, excluded_rules = ["SizeRestrictions_BODY", "GenericRFI_BODY"] },
    { name = "AWSManagedRulesKnownBadInputsRuleSet", priority = 2 },
    { name = "AWSManagedRulesSQLiRuleSet", priority = 3, count_only = true },
  ]
}

resource "aws_wafv2_ip_set" "allow" {
  name               = "${var.name}-allow"
  scope              = "REGIONAL"
  ip_address_version = "IPV4"
  addresses          = ["203.0.113.0/24", "198.51.100.7/32"]
}

resource "aws_wafv2_web_acl" "this" {
  name  = "${var.name}-acl"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "allow-office"
    priority = 0

    action {
      allow {}
    }

    statement {
      ip_set_reference_statement {
        arn = aws_wafv2_ip_set.allow.arn
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "allow-office"
      sampled_requests_enabled   = true
    }
  }

  dynamic "rule" {
    for_each = var.managed_rule_groups
    content {
      name     = rule.value.name
      priority = rule.value.priority

      override_action {
        dynamic "count" {
          for_each = rule.value.count_only ? [1] : []
          content {}
        }
        dynamic "none" {
          for_each = rule.value.count_only ? [] : [1]
          content {}
        }
      }

      statement {
        managed_rule_group_statement {
          name        = rule.value.name
          vendor_name = rule.value.vendor

          dynamic "rule_action_override" {
            for_each = rule.value.excluded_rules
            iterator = excluded
            content {
              name = excluded.value
              action_to_use {
                count {}
              }
            }
          }
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = rule.value.name
        sampled_requests_enabled   = true
      }
    }
  }

  # Block a specific bot unless it comes with the partner header: five levels deep.
  rule {
    name     = "block-bad-bot"
    priority = 5

    action {
      block {
        custom_response {
          response_code = 403
          response_header {
            name  = "x-blocked-by"
            value = "waf"
          }
        }
      }
    }

    statement {
      and_statement {
        statement {
          byte_match_statement {
            search_string         = "BadBot"
            positional_constraint = "CONTAINS"
            field_to_match {
              single_header {
                name = "user-agent"
              }
            }
            text_transformation {
              priority = 0
              type     = "LOWERCASE"
            }
          }
        }
        statement {
          not_statement {
            statement {
              byte_match_statement {
                search_string         = "partner-secret-123"
                positional_constraint = "EXACTLY"
                field_to_match {
                  single_header { name = "x-partner-key" }
                }
                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "block-bad-bot"
      sampled_requests_enabled   = false
    }
  }

  rule {
    name     = "geo-block"
    priority = 6
    action {
      block {}
    }
    statement {
      geo_match_statement {
        country_codes = var.blocked_countries
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "geo-block"
      sampled_requests_enabled   = true
    }
  }

  dynamic "rule" {
    for_each = var.rate_limits
    content {
      name     = "rate-${rule.key}"
      priority = rule.value.priority
      action {
        block {}
      }
      statement {
        rate_based_statement {
          limit              = rule.value.limit
          aggregate_key_type = "IP"
          scope_down_statement {
            byte_match_statement {
              search_string         = rule.value.path
              positional_constraint = "STARTS_WITH"
              field_to_match {
                uri_path {}
              }
              text_transformation {
                priority = 0
                type     = "URL_DECODE"
              }
            }
          }
        }
      }
      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "rate-${rule.key}"
        sampled_requests_enabled   = true
      }
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name}-acl"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_logging_configuration" "this" {
  log_destination_configs = ["arn:aws:firehose:eu-west-1:111111111111:deliverystream/aws-waf-logs-${var.name}"]
  resource_arn            = aws_wafv2_web_acl.this.arn

  redacted_fields {
    single_header {
      name = "authorization"
    }
  }

  logging_filter {
    default_behavior = "DROP"
    filter {
      behavior    = "KEEP"
      requirement = "MEETS_ANY"
      condition {
        action_condition {
          action = "BLOCK"
        }
      }
      condition {
        label_name_condition {
          label_name = "awswaf:managed:aws:bot-control:bot:verified"
        }
      }
    }
  }
}
