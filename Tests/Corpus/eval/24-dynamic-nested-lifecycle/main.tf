variable "lifecycle_rules" {
  type = list(object({
    id          = string
    prefix      = optional(string)
    tags        = optional(map(string), {})
    transitions = optional(list(object({
      days          = number
      storage_class = string
    })), [])
    expiration_days = optional(number)
  }))
  default = [
    {
      id     = "logs"
      prefix = "logs/"
      transitions = [
        { days = 30, storage_class = "STANDARD_IA" },
        { days = 90, storage_class = "GLACIER" },
      ]
      expiration_days = 365
    },
    {
      id   = "tmp"
      tags = { Temporary = "true" }
      expiration_days = 7
    },
    {
      id          = "archive"
      prefix      = "archive/"
      transitions = [{ days = 1, storage_class = "DEEP_ARCHIVE" }]
    },
  ]
}

variable "cors" {
  type = list(object({
    origins = list(string)
    methods = list(string)
    headers = optional(list(string), ["*"])
  }))
  default = [
    { origins = ["*"], methods = ["GET", "HEAD"] },
    { origins = ["https://app.example.com"], methods = ["PUT", "POST"], headers = ["Content-Type"] },
  ]
}

resource "aws_s3_bucket" "data" {
  bucket = "dynamic-lifecycle-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  dynamic "rule" {
    for_each = var.lifecycle_rules

    content {
      id     = rule.value.id
      status = "Enabled"

      filter {
        dynamic "and" {
          for_each = length(rule.value.tags) > 0 ? [rule.value] : []
          content {
            prefix = and.value.prefix
            tags   = and.value.tags
          }
        }
        prefix = length(rule.value.tags) == 0 ? rule.value.prefix : null
      }

      dynamic "transition" {
        for_each = rule.value.transitions
        iterator = t
        content {
          days          = t.value.days
          storage_class = t.value.storage_class
        }
      }

      dynamic "expiration" {
        for_each = rule.value.expiration_days == null ? [] : [rule.value.expiration_days]
        content {
          days = expiration.value
        }
      }
    }
  }
}

resource "aws_s3_bucket_cors_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  dynamic "cors_rule" {
    for_each = { for i, c in var.cors : tostring(i) => c }
    content {
      id              = "cors-${cors_rule.key}"
      allowed_origins = cors_rule.value.origins
      allowed_methods = cors_rule.value.methods
      allowed_headers = cors_rule.value.headers
      max_age_seconds = 3000
    }
  }
}
