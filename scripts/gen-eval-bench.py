#!/usr/bin/env python3
"""Writes a generated Terraform configuration for the evaluation benchmark.

usage: gen-eval-bench.py DIR [RESOURCES]

The configuration has RESOURCES (default 1000) resource instances made with for_each and
count over locals computed from variables, string templates, conditionals, merges and for
expressions: the shapes real configurations use. It uses only `terraform_data`, so real
Terraform can plan it offline without a provider, which makes it the peer measurement.
"""
import os
import sys

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
os.makedirs(out, exist_ok=True)
services = total // 10
with open(os.path.join(out, "main.tf"), "w") as f:
    f.write('''variable "environment" {
  type    = string
  default = "prod"
}

variable "regions" {
  type    = list(string)
  default = ["us-east-1", "eu-west-1", "ap-south-1"]
}

variable "defaults" {
  type = object({
    retention = optional(number, 30)
    encrypted = optional(bool, true)
    tier      = optional(string, "standard")
  })
  default = {}
}

locals {
  common_tags = {
    Environment = var.environment
    ManagedBy   = "terraform"
  }
  services = { for i in range(%d) : format("svc-%%03d", i) => {
    index    = i
    replicas = i %% 5 + 1
    public   = i %% 7 == 0
    region   = element(var.regions, i)
  } }
}
''' % services)
    # Nine for_each resources over the services map, one count resource per service group.
    for n in range(9):
        f.write('''
resource "terraform_data" "layer_%d" {
  for_each = local.services
  input = {
    name      = "${each.key}-layer-%d-${var.environment}"
    region    = each.value.region
    replicas  = each.value.replicas * %d
    public    = each.value.public && var.environment != "prod"
    retention = var.defaults.retention + each.value.index
    tags      = merge(local.common_tags, { Service = each.key, Layer = "%d" })
    ports     = [for p in range(each.value.replicas) : 8000 + p]
    label     = upper(replace(each.key, "-", "_"))
  }
}
''' % (n, n, n + 1, n))
    f.write('''
resource "terraform_data" "summary" {
  count = %d
  input = {
    id       = count.index
    name     = "summary-${count.index}"
    services = length(local.services)
    tier     = var.defaults.tier
  }
}
''' % (total - 9 * services))
print(f"gen-eval-bench: {total} resource instances in {out}/main.tf")
