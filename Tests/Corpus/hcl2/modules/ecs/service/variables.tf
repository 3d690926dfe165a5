variable "cluster_arn" { type = string }
variable "service_name" { type = string }
variable "image" {
  type = string
}
variable "image_tag" {
  type    = string
  default = "latest"
}
variable "cpu" {
  type    = number
  default = 512
}
variable "memory" {
  type    = number
  default = 1024
}
variable "desired_count" {
  type    = number
  default = 2
}
variable "container_port" {
  type    = number
  default = 8080
}
variable "subnet_ids" { type = list(string) }
variable "security_group_ids" { type = list(string) }
variable "assign_public_ip" {
  type    = bool
  default = false
}
variable "target_group_arn" {
  type    = string
  default = null
}
variable "environment" {
  type    = map(string)
  default = {}
}
variable "secrets" {
  description = "env var name => Secrets Manager / SSM ARN"
  type        = map(string)
  default     = {}
}
variable "sidecars" {
  type = list(object({
    name      = string
    image     = string
    essential = optional(bool, false)
    port      = optional(number)
  }))
  default = []
}
variable "enable_exec" {
  type    = bool
  default = true
}
variable "autoscaling" {
  type = object({
    min        = number
    max        = number
    cpu_target = optional(number, 60)
  })
  default = null
}
