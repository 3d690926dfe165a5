variable "org_id" {
  type = string
}

variable "trail_bucket_name" {
  type = string
}

variable "home_region" {
  type    = string
  default = "eu-west-1"
}

variable "enabled_regions" {
  type    = set(string)
  default = ["eu-west-1", "eu-central-1", "us-east-1"]
}

variable "notification_email" {
  type    = string
  default = "security@example.com"
}

variable "config_rules" {
  description = "AWS managed Config rules to enable, with optional JSON parameters"
  type = map(object({
    identifier  = string
    parameters  = optional(map(string))
    resource_types = optional(list(string), [])
  }))
  default = {
    s3-public-read = { identifier = "S3_BUCKET_PUBLIC_READ_PROHIBITED" }
    s3-public-write = { identifier = "S3_BUCKET_PUBLIC_WRITE_PROHIBITED" }
    encrypted-volumes = { identifier = "ENCRYPTED_VOLUMES", resource_types = ["AWS::EC2::Volume"] }
    restricted-ssh = { identifier = "INCOMING_SSH_DISABLED" }
    iam-password-policy = {
      identifier = "IAM_PASSWORD_POLICY"
      parameters = {
        RequireUppercaseCharacters = "true"
        RequireLowercaseCharacters = "true"
        MinimumPasswordLength      = "14"
        MaxPasswordAge             = "90"
      }
    }
    root-mfa = { identifier = "ROOT_ACCOUNT_MFA_ENABLED" }
  }
}
