# Parameters consumed by legacy apps that read raw strings from SSM. Many of
# these contain characters that must be escaped in HCL string literals.

locals {
  ssm_prefix = "/shared/${var.environment}"
}

variable "environment" {
  type    = string
  default = "prod"
}

resource "aws_ssm_parameter" "banner" {
  name  = "${local.ssm_prefix}/motd"
  type  = "String"
  value = "Welcome to ACME!\nUnauthorised access is prohibited.\n\tContact: security@example.com\r\n"
}

resource "aws_ssm_parameter" "quoted_json" {
  name  = "${local.ssm_prefix}/feature-flags"
  type  = "String"
  value = "{\"checkout_v2\": true, \"dark_mode\": false, \"path\": \"C:\\\\Program Files\\\\ACME\"}"
}

resource "aws_ssm_parameter" "windows_path" {
  name  = "${local.ssm_prefix}/agent-install-dir"
  type  = "String"
  value = "C:\\ProgramData\\Amazon\\SSM\\"
}

resource "aws_ssm_parameter" "unicode_escapes" {
  name        = "${local.ssm_prefix}/greeting"
  type        = "String"
  value       = "Gr\u00fc\u00dfe aus M\u00fcnchen \u2014 caf\u00e9 \U0001F680 \U0001F1E9\U0001F1EA"
  description = "Escaped: \u00e9 \u00fc \u6771\u4eac (Tokyo)"
}

resource "aws_ssm_parameter" "literal_template_syntax" {
  # Grafana / Helm / shell templates that must reach the app verbatim.
  name  = "${local.ssm_prefix}/alert-template"
  type  = "String"
  value = "Alert {{ .Labels.alertname }} on $${HOSTNAME}: %%{not a directive} cost=$$5 pct=100%"
}

resource "aws_ssm_parameter" "regex" {
  name  = "${local.ssm_prefix}/log-filter-regex"
  type  = "String"
  value = "^\\[(?P<level>[A-Z]+)\\]\\s+(?P<msg>.*)$"
}

resource "aws_ssm_parameter" "tabs_and_cr" {
  name  = "${local.ssm_prefix}/tsv-header"
  type  = "String"
  value = "id\tname\temail\tcreated_at\r\n"
}

resource "aws_ssm_parameter" "empty_and_space" {
  for_each = {
    empty  = ""
    space  = " "
    quote  = "\""
    slash  = "\\"
    dollar = "$"
    pct    = "%"
    brace  = "{}"
  }

  name  = "${local.ssm_prefix}/edge/${each.key}"
  type  = "String"
  value = each.value == "" ? "(empty)" : each.value
}

resource "aws_ssm_parameter" "db_password" {
  name  = "${local.ssm_prefix}/db/password"
  type  = "String" # should be SecureString
  value = "p@ss\"w0rd\\with$pecial%chars"
}

resource "aws_ssm_parameter" "nul_free_control_chars" {
  name  = "${local.ssm_prefix}/control"
  type  = "String"
  value = "bell:\u0007 esc:\u001b[0m del:\u007f nbsp:\u00a0 zwsp:\u200b bom:\ufeff"
}

resource "aws_ssm_parameter" "literal_tab" {
  # The value below contains real TAB characters (copied from a spreadsheet),
  # not \t escapes.
  name  = "${local.ssm_prefix}/tsv-header-literal"
  type  = "String"
  value = "id	name	email"
}
