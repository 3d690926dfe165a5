variable "name" {
  description = "Bucket name."
  type        = string

  validation {
    condition     = length(var.name) >= 3 && length(var.name) <= 63
    error_message = "Bucket names must be between 3 and 63 characters."
  }
}

variable "versioning" {
  type    = bool
  default = false
}

variable "tags" {
  type    = map(string)
  default = {}
}
