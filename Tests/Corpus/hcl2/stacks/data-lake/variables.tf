variable "prefix" {
  type    = string
  default = "acme-lake"
}

variable "zones" {
  description = "Lake zones, in processing order"
  type        = list(string)
  default     = ["raw", "clean", "curated"]
}

variable "datasets" {
  type = map(object({
    zone        = string
    format      = string
    partitions  = optional(list(string), ["dt"])
    columns     = map(string)
    crawl_cron  = optional(string)
  }))
}

variable "analyst_role_arns" {
  type    = list(string)
  default = []
}

variable "athena_bytes_scanned_cutoff" {
  description = "Per-query limit, bytes (10 GB)"
  type        = number
  default     = 1.0e10
}
