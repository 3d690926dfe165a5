variable "name" {
  type = string
}

variable "amazon_side_asn" {
  type    = number
  default = 64512
}

variable "vpc_attachments" {
  type = map(object({
    vpc_id       = string
    subnet_ids   = list(string)
    routes       = optional(list(string), [])
    appliance_mode = optional(bool, false)
  }))
  default = {}
}

variable "share_with_principals" {
  description = "Organisation / OU ARNs to share the TGW with via RAM"
  type        = list(string)
  default     = []
}

resource "aws_ec2_transit_gateway" "this" {
  description                     = "Core TGW for ${var.name}"
  amazon_side_asn                 = var.amazon_side_asn
  auto_accept_shared_attachments  = "enable" # attachments from any account in the org are auto-accepted
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
  dns_support                     = "enable"
  vpn_ecmp_support                = "enable"

  tags = { Name = var.name }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "this" {
  for_each = var.vpc_attachments

  transit_gateway_id     = aws_ec2_transit_gateway.this.id
  vpc_id                 = each.value.vpc_id
  subnet_ids             = each.value.subnet_ids
  appliance_mode_support = each.value.appliance_mode ? "enable" : "disable"

  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "${var.name}-${each.key}"
  }
}

resource "aws_ec2_transit_gateway_route_table" "this" {
  transit_gateway_id = aws_ec2_transit_gateway.this.id
  tags               = { Name = "${var.name}-rt" }
}

resource "aws_ec2_transit_gateway_route_table_association" "this" {
  for_each                       = aws_ec2_transit_gateway_vpc_attachment.this
  transit_gateway_attachment_id  = each.value.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.this.id
}

locals {
  # one entry per (attachment, destination cidr)
  tgw_routes = merge([
    for att_key, att in var.vpc_attachments : {
      for cidr in att.routes : "${att_key}:${cidr}" => {
        attachment = att_key
        cidr       = cidr
      }
    }
  ]...)
}

resource "aws_ec2_transit_gateway_route" "static" {
  for_each = local.tgw_routes

  destination_cidr_block         = each.value.cidr
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.this[each.value.attachment].id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.this.id
}

resource "aws_ram_resource_share" "tgw" {
  count                     = length(var.share_with_principals) > 0 ? 1 : 0
  name                      = "${var.name}-tgw-share"
  allow_external_principals = false
}

resource "aws_ram_resource_association" "tgw" {
  count              = length(aws_ram_resource_share.tgw)
  resource_arn       = aws_ec2_transit_gateway.this.arn
  resource_share_arn = aws_ram_resource_share.tgw[count.index].arn
}

resource "aws_ram_principal_association" "tgw" {
  for_each           = toset(var.share_with_principals)
  principal          = each.value
  resource_share_arn = one(aws_ram_resource_share.tgw[*].arn)
}

output "transit_gateway_id" {
  value = aws_ec2_transit_gateway.this.id
}

output "attachment_ids" {
  value = { for k, a in aws_ec2_transit_gateway_vpc_attachment.this : k => a.id }
}
