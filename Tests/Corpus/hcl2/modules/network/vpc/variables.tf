# ---------------------------------------------------------------------------
# VPC module inputs
# ---------------------------------------------------------------------------

variable "name" {
  description = "Name prefix applied to every resource created by this module."
  type        = string
}

variable "cidr_block" {
  description = "Primary IPv4 CIDR for the VPC."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0))
    error_message = "The cidr_block must be a valid IPv4 CIDR, e.g. \"10.0.0.0/16\"."
  }
}

variable "azs" {
  description = "Availability zones to spread subnets across."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "public_subnet_newbits" { type = number }
variable "private_subnet_newbits" {
  type    = number
  default = 4
}

variable "enable_nat_gateway" {
  type    = bool
  default = true
}

variable "single_nat_gateway" {
  description = "Use one NAT gateway for all AZs (cheaper, less resilient)."
  type        = bool
  default     = false
}

variable "enable_flow_logs" {
  type    = bool
  default = false // TODO: flip to true once the log bucket exists in every account
}

variable "flow_log_retention_days" {
  type    = number
  default = 90
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "subnet_tags" {
  description = "Extra tags per tier, e.g. for the EKS load balancer controller."
  type = object({
    public   = optional(map(string), {})
    private  = optional(map(string), {})
    database = optional(map(string), {})
  })
  default = {}
}

variable "database_subnets_enabled" {
  type     = bool
  default  = true
  nullable = false
}

variable "custom_dhcp_options" {
  type = object({
    domain_name         = string
    domain_name_servers = list(string)
    ntp_servers         = optional(list(string))
  })
  default = null
}
