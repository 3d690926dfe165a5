variable "tables" {
  description = <<-EOT
    Map of DynamoDB tables to create. Example:

      tables = {
        orders = {
          hash_key  = "pk"
          range_key = "sk"
          attributes = [
            { name = "pk", type = "S" },
            { name = "sk", type = "S" },
          ]
        }
      }
  EOT
  type = map(object({
    hash_key       = string
    range_key      = optional(string)
    billing_mode   = optional(string, "PAY_PER_REQUEST")
    read_capacity  = optional(number)
    write_capacity = optional(number)
    stream_enabled = optional(bool, false)
    ttl_attribute  = optional(string)
    attributes = list(object({
      name = string
      type = string
    }))
    global_secondary_indexes = optional(list(object({
      name               = string
      hash_key           = string
      range_key          = optional(string)
      projection_type    = optional(string, "ALL")
      non_key_attributes = optional(list(string))
    })), [])
    replicas = optional(list(string), [])
  }))
}

variable "point_in_time_recovery" {
  type    = bool
  default = false
}

variable "server_side_encryption" { default = false }

variable "tags" {
  type    = map(string)
  default = {}
}
