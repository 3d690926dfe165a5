variable "vpc_id" { type = string }
variable "name_prefix" {
  type    = string
  default = "app"
}

variable "allowed_cidrs" {
  description = "CIDRs allowed to reach the load balancer"
  type        = list(string)
  default     = ["0.0.0.0/0"] # FIXME: public by default, narrow this down
}

variable "ingress_rules" {
  description = "Map of ingress rules keyed by a human readable name."
  type = map(object({
    from_port   = number
    to_port     = number
    protocol    = optional(string, "tcp")
    cidr_blocks = optional(list(string), [])
    description = optional(string)
  }))
  default = {
    https = { from_port = 443, to_port = 443, cidr_blocks = ["0.0.0.0/0"] }
    http  = { from_port = 80, to_port = 80, cidr_blocks = ["0.0.0.0/0"], description = "redirect only" }
  }
}

variable "app_ports" {
  type    = list(number)
  default = [8080, 8443, 9090]
}

variable "enable_ssh" {
  type    = bool
  default = true
}

variable "tags" {
  type    = map(string)
  default = {}
}
