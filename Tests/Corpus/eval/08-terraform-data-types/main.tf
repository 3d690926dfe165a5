# terraform_data only: no provider. Every variable type, given only by defaults.
variable "name" {
  type    = string
  default = "service-a"
}

variable "replicas" {
  type    = number
  default = 3
}

variable "ratio" {
  type    = number
  default = 0.25
}

variable "debug" {
  type    = bool
  default = false
}

variable "zones" {
  type    = list(string)
  default = ["b", "a", "c"]
}

variable "ports" {
  type    = set(number)
  default = [8080, 80, 443, 80]
}

variable "labels" {
  type = map(string)
  default = {
    tier = "web"
    app  = "shop"
  }
}

variable "limits" {
  type = object({
    cpu    = number
    memory = string
    burst  = bool
  })
  default = {
    cpu    = 1.5
    memory = "512Mi"
    burst  = true
  }
}

variable "pair" {
  type    = tuple([string, number, bool])
  default = ["x", 1, true]
}

variable "anything" {
  type    = any
  default = { a = [1, 2], b = "two" }
}

variable "untyped" {
  default = ["one", 2, true]
}

variable "nullable_note" {
  type    = string
  default = null
}

variable "numbers_as_strings" {
  type    = list(string)
  default = [1, 2.5, true]
}

variable "string_numbers" {
  type    = map(number)
  default = { a = "10", b = "0.5" }
}

resource "terraform_data" "scalars" {
  input = {
    name     = var.name
    replicas = var.replicas
    ratio    = var.ratio
    debug    = var.debug
    note     = var.nullable_note
  }
}

resource "terraform_data" "collections" {
  input = {
    zones   = var.zones
    ports   = var.ports
    labels  = var.labels
    limits  = var.limits
    pair    = var.pair
    untyped = var.untyped
  }
}

resource "terraform_data" "conversions" {
  input = {
    numbers_as_strings = var.numbers_as_strings
    string_numbers     = var.string_numbers
    anything           = var.anything
    sum                = var.replicas * var.ratio
    big                = 12345678901234567890
    division           = 10 / 4
    modulo             = 10 % 4
    negative           = -var.replicas
    tostring_num       = tostring(var.replicas)
    concat             = "${var.replicas}${var.ratio}"
  }
}

resource "terraform_data" "just_string" {
  input = var.name
}

resource "terraform_data" "just_number" {
  input = var.ratio * 4
}

resource "terraform_data" "just_list" {
  input = var.zones
}

resource "terraform_data" "no_input" {}

resource "terraform_data" "triggers" {
  triggers_replace = [var.name, var.replicas]
  input            = sort(var.zones)
}

output "ports" {
  value = var.ports
}

output "labels_keys" {
  value = keys(var.labels)
}

output "limits" {
  value = var.limits
}
