variable "vpc_id" {
  type    = string
  default = "vpc-12345678"
}

variable "ingress_rules" {
  description = "Ingress rules for the application security group."
  type = list(object({
    description = string
    port        = number
    to_port     = optional(number)
    protocol    = optional(string, "tcp")
    cidr_blocks = optional(list(string), [])
  }))
  default = [
    { description = "http", port = 80, cidr_blocks = ["0.0.0.0/0"] },
    { description = "https", port = 443, cidr_blocks = ["0.0.0.0/0"] },
    { description = "node exporter", port = 9100, to_port = 9101, cidr_blocks = ["10.0.0.0/8"] },
    { description = "dns", port = 53, protocol = "udp", cidr_blocks = ["10.0.0.0/8", "172.16.0.0/12"] },
  ]
}

variable "egress_cidrs" {
  type    = map(string)
  default = {
    internet = "0.0.0.0/0"
    vpc      = "10.0.0.0/16"
  }
}
