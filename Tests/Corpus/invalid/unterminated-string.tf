variable "region" {
  type        = string
  description = "AWS region for the stack