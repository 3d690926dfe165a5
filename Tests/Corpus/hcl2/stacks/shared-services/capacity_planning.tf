/*
   Capacity planning maths for the shared ingestion fleet.
   All numbers come from the 2024-Q2 load test (see docs/capacity.md).
*/

variable "peak_rps" {
  type    = number
  default = 12500
}

variable "rps_per_instance" {
  type    = number
  default = 850.5
}

variable "headroom" {
  description = "Fractional headroom on top of peak (0.25 = 25 %)."
  type        = number
  default     = 0.25
}

variable "spot_ratio" {
  type    = number
  default = 7.5e-1
}

variable "monthly_budget_usd" {
  type    = number
  default = 1.2E4
}

variable "is_peak_season" {
  type    = bool
  default = false
}

variable "min_instances" {
  type    = number
  default = 2
}

variable "max_instances" {
  type    = number
  default = 120
}

variable "override_count" {
  type    = number
  default = null
}

locals {
  hours_per_month = 730
  price_on_demand = 0.192  # m6i.xlarge eu-west-1
  price_spot      = 0.0576 # ~70 % discount
  tiny            = 1e-9
  big             = 1.5e+10
  negative_offset = -3
  neg_float       = -0.5
  neg_exp         = -2.5E-3
  zero            = 0
  zero_float      = 0.0
  leading_zero    = 007

  # precedence: * and / bind tighter than + and -, comparison tighter than ==
  raw_needed   = var.peak_rps / var.rps_per_instance * (1 + var.headroom)
  needed       = ceil(local.raw_needed) + (var.is_peak_season ? 4 : 0)
  clamped      = min(var.max_instances, max(var.min_instances, local.needed))
  final_count  = var.override_count != null ? var.override_count : local.clamped
  spot_count   = floor(local.final_count * var.spot_ratio)
  od_count     = local.final_count - local.spot_count
  is_even      = local.final_count % 2 == 0
  per_az       = ceil(local.final_count / 3)
  remainder    = local.final_count % 3

  monthly_cost = (local.od_count * local.price_on_demand + local.spot_count * local.price_spot) * local.hours_per_month
  over_budget  = local.monthly_cost > var.monthly_budget_usd
  near_budget  = !local.over_budget && local.monthly_cost >= var.monthly_budget_usd * 0.9
  under_half   = local.monthly_cost < var.monthly_budget_usd / 2 || local.monthly_cost <= 0

  # unary operators
  negated      = -local.final_count
  double_neg   = - -local.final_count
  not_not      = !!local.is_even
  neg_paren    = -(local.od_count - local.spot_count)
  minus_minus  = local.final_count - -1

  # a long boolean chain: && binds tighter than ||
  should_alert = local.over_budget || local.near_budget && var.is_peak_season || !local.is_even && local.final_count > 100
  explicit     = (local.over_budget || local.near_budget) && (var.is_peak_season || (!local.is_even && local.final_count > 100))

  # arithmetic precedence sanity checks (evaluate mentally: 2 + 3 * 4 - 6 / 2 % 4 = 11)
  check_a = 2 + 3 * 4 - 6 / 2 % 4
  check_b = (2 + 3) * (4 - 6) / 2
  check_c = 10 - 2 - 3
  check_d = 2 * 3 % 4
  check_e = 1 < 2 == true
  check_f = 1 + 2 >= 3 != false
  check_g = !(1 > 2) && 3 <= 3
  check_h = -5 + 3 * -2

  # nested conditionals
  tier = local.final_count > 100 ? "xl" : local.final_count > 50 ? "large" : local.final_count > 10 ? "medium" : "small"
  tier_parens = (
    local.final_count > 100
    ? "xl"
    : (local.final_count > 50 ? "large" : "small")
  )
  alert_level = local.over_budget ? (var.is_peak_season ? "warn" : "page") : local.near_budget ? "warn" : "ok"
}

resource "aws_autoscaling_group" "ingest" {
  name             = "ingest-${local.tier}"
  min_size         = var.min_instances
  max_size         = var.max_instances
  desired_capacity = local.final_count

  vpc_zone_identifier = ["subnet-0a1b2c3d", "subnet-1a2b3c4d", "subnet-2a3b4c5d"]

  mixed_instances_policy {
    instances_distribution {
      on_demand_base_capacity                  = local.od_count
      on_demand_percentage_above_base_capacity = floor((1 - var.spot_ratio) * 100)
    }
    launch_template {
      launch_template_specification {
        launch_template_name = "ingest"
        version              = "$Default"
      }
    }
  }
}

resource "aws_budgets_budget" "ingest" {
  name         = "ingest-monthly"
  budget_type  = "COST"
  limit_amount = format("%.2f", var.monthly_budget_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80.0
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = ["finops@example.com"]
  }
}

resource "terraform_data" "capacity_report" {
  input = {
    needed       = local.needed
    final        = local.final_count
    spot         = local.spot_count
    on_demand    = local.od_count
    cost         = local.monthly_cost
    alert        = local.should_alert
    alert_level  = local.alert_level
    explicit     = local.explicit
    checks       = [local.check_a, local.check_b, local.check_c, local.check_d, local.check_e, local.check_f, local.check_g, local.check_h]
    unary        = [local.negated, local.double_neg, local.not_not, local.neg_paren, local.minus_minus]
    literals     = [local.tiny, local.big, local.negative_offset, local.neg_float, local.neg_exp, local.zero, local.zero_float, local.leading_zero]
    tiers        = [local.tier, local.tier_parens]
    flags        = [true, false, null, !true, local.is_even == true, local.remainder != 0]
  }

  lifecycle {
    precondition {
      condition     = local.final_count >= var.min_instances && local.final_count <= var.max_instances
      error_message = "Computed count ${local.final_count} is outside [${var.min_instances}, ${var.max_instances}]."
    }
    postcondition {
      condition     = self.output.final > 0
      error_message = "Fleet must have at least one instance."
    }
  }
}
