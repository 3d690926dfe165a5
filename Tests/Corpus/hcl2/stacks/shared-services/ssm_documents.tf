variable "patch_baseline_approve_after_days" {
  type    = number
  default = 7
}

variable "maintenance_commands" {
  type    = list(string)
  default = ["sudo dnf -y update --security", "sudo needs-restarting -r || sudo reboot"]
}

variable "use_custom_runbook" {
  type    = bool
  default = false
}

resource "aws_ssm_document" "patch_now" {
  name            = "Acme-PatchNow"
  document_type   = "Command"
  document_format = "YAML"

  # The document body mixes SSM's own {{ parameter }} syntax with Terraform
  # interpolations; only ${...} and %{...} are processed by Terraform.
  content = <<-DOC
    schemaVersion: "2.2"
    description: "Patch now. Generated ${formatdate("YYYY-MM-DD", "2024-06-01T00:00:00Z")}"
    parameters:
      rebootOption:
        type: String
        default: "RebootIfNeeded"
        allowedValues: ["RebootIfNeeded", "NoReboot"]
    mainSteps:
      - action: aws:runShellScript
        name: patch
        inputs:
          runCommand:
          %{~ for c in var.maintenance_commands }
            - "${replace(c, "\"", "\\\"")}"
          %{~ endfor }
            - "echo reboot option: {{ rebootOption }}"
            - "echo literal template: $${NOT_TF} and %%{ NOT_TF }"
  DOC
}

resource "aws_ssm_document" "runbook" {
  name          = "Acme-Runbook"
  document_type = "Automation"

  content = (var.use_custom_runbook ? <<-CUSTOM
    {
      "schemaVersion": "0.3",
      "description": "custom runbook",
      "mainSteps": []
    }
    CUSTOM
    : jsonencode({
      schemaVersion = "0.3"
      description   = "default runbook"
      mainSteps = [{
        name   = "noop"
        action = "aws:sleep"
        inputs = { Duration = "PT1S" }
      }]
  }))
}

locals {
  empty_heredoc = <<EOT
EOT

  # Plain (non-dash) heredoc whose closing marker is indented: the marker may be
  # preceded by whitespace, but the body lines keep their indentation.
  plain_heredoc_indented_marker = <<EOT
#!/bin/sh
  echo "two spaces kept"
  EOT

  empty_indented_heredoc = <<-EOT
  EOT

  # A line that merely *contains* the marker does not terminate the heredoc.
  marker_in_body = <<-EOT
    EOT is only a terminator when it stands alone on a line
      EOTX is not the marker either
    neither is " EOT "
  EOT

  multiline_interpolation = <<-EOT
    approve_after = ${
      var.patch_baseline_approve_after_days > 14
      ? 14
      : var.patch_baseline_approve_after_days
    } days
    commands      = ${length(
      var.maintenance_commands
    )}
  EOT

  strip_markers = <<-EOT
    [${~ " left and right stripped " ~}]
    items:
    %{~ for i, c in var.maintenance_commands ~}
      ${i}: ${c}
    %{~ endfor ~}
    trailing text
  EOT

  # heredocs inside a collection
  policy_docs = {
    readonly = <<-JSON
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ssm:Get*", "ssm:Describe*"], "Resource": "*"}]}
    JSON
    admin    = <<-END_OF_POLICY
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:*", "Resource": "*"}]}
    END_OF_POLICY
  }

  script_list = [
    <<-SH
      #!/bin/sh
      echo first
    SH
    , <<-SH
      #!/bin/sh
      echo second
    SH
  ]

  # Indentation is stripped by the least-indented line, here the closing one.
  uneven_indent = <<-EOT
        deeply indented
      less indented
          back in
    EOT

  trimmed_heredoc = trimspace(<<-EOT

    surrounded by blank lines

  EOT
  )
}

resource "aws_ssm_patch_baseline" "al2023" {
  name             = "acme-al2023"
  operating_system = "AMAZON_LINUX_2023"

  approval_rule {
    approve_after_days = var.patch_baseline_approve_after_days
    compliance_level   = "HIGH"

    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security", "Bugfix"]
    }

    patch_filter {
      key    = "SEVERITY"
      values = ["Critical", "Important"]
    }
  }
}

resource "aws_iam_policy" "ssm" {
  for_each = local.policy_docs
  name     = "ssm-${each.key}"
  policy   = each.value
}

output "heredoc_samples" {
  value = [
    local.empty_heredoc,
    local.plain_heredoc_indented_marker,
    local.empty_indented_heredoc,
    local.marker_in_body,
    local.multiline_interpolation,
    local.strip_markers,
    local.script_list,
    local.uneven_indent,
    local.trimmed_heredoc,
  ]
}
