variable "domain_name" {
  description = "Apex domain, e.g. example.com"
  type        = string
}

variable "aliases" {
  type    = list(string)
  default = []
}

variable "hosted_zone_id" {
  type    = string
  default = ""
}

variable "acm_certificate_arn" {
  type    = string
  default = null
}

variable "price_class" {
  type    = string
  default = "PriceClass_100"
}

variable "index_document" { default = "index.html" }
variable "error_document" { default = "404.html" }

variable "cache_ttl" {
  type = object({
    min     = number
    default = number
    max     = number
  })
  default = {
    min     = 0
    default = 3600
    max     = 8.64e4
  }
}

variable "spa_mode" {
  description = "Route 403/404 to index.html for single page apps"
  type        = bool
  default     = true
}

variable "tags" {
  type    = map(string)
  default = {}
}
