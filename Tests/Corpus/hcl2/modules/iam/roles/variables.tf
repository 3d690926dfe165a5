variable "account_id" {
  type = string
}

variable "trusted_account_ids" {
  description = "Accounts allowed to assume the cross-account roles"
  type        = list(string)
  default     = []
}

variable "github_org" {
  type    = string
  default = "example-corp"
}

variable "github_repos" {
  type    = list(string)
  default = ["infra", "platform-api", "web"]
}

variable "roles" {
  type = map(object({
    description          = optional(string, "")
    managed_policy_arns  = optional(list(string), [])
    max_session_duration = optional(number, 3600)
    path                 = optional(string, "/")
    inline_policies      = optional(map(string), {})
  }))
  default = {}
}

variable "permissions_boundary_arn" {
  type    = string
  default = null
}
