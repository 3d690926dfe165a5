variable "zone_name" {
  default = "example.com"
}

variable "records" {
  description = "Simple records: name => { type, ttl, values }"
  type = map(object({
    type   = string
    ttl    = optional(number, 300)
    values = list(string)
  }))
  default = {}
}

variable "mx_records" {
  type = list(object({ priority = number, host = string }))
  default = [
    { priority = 10, host = "aspmx.l.google.com." },
    { priority = 20, host = "alt1.aspmx.l.google.com." },
  ]
}

resource "aws_route53_zone" "this" {
  name = var.zone_name
}

resource "aws_route53_record" "simple" {
  for_each = var.records

  zone_id = aws_route53_zone.this.zone_id
  name    = each.key == "@" ? var.zone_name : "${each.key}.${var.zone_name}"
  type    = each.value.type
  ttl     = each.value.ttl
  records = each.value.type == "TXT" ? [for v in each.value.values : length(v) > 255 ? join("\"\"", regexall(".{1,255}", v)) : v] : each.value.values
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.this.zone_id
  name    = var.zone_name
  type    = "MX"
  ttl     = 3600
  records = [for r in var.mx_records : "${r.priority} ${r.host}"]
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.this.zone_id
  name    = var.zone_name
  type    = "TXT"
  ttl     = 3600
  records = ["v=spf1 include:_spf.google.com include:amazonses.com ~all"]
}

resource "aws_route53_record" "dmarc" {
  zone_id = aws_route53_zone.this.zone_id
  name    = "_dmarc.${var.zone_name}"
  type    = "TXT"
  ttl     = 3600
  records = ["v=DMARC1; p=none; rua=mailto:dmarc@${var.zone_name}; pct=100"]
}

resource "aws_route53_record" "weighted" {
  for_each = { blue = 90, green = 10 }

  zone_id        = aws_route53_zone.this.zone_id
  name           = "api.${var.zone_name}"
  type           = "CNAME"
  ttl            = 60
  set_identifier = each.key
  records        = ["api-${each.key}.${var.zone_name}"]

  weighted_routing_policy {
    weight = each.value
  }
}

output "name_servers" {
  value = aws_route53_zone.this.name_servers
}
