variable "domain_aliases" {
  type    = list(string)
  default = []
}

variable "origins" {
  type = map(object({
    domain = string
    path   = optional(string, "")
    s3     = optional(bool, false)
  }))
  default = {
    site = { domain = "site-bucket.s3.us-east-1.amazonaws.com", s3 = true }
    api  = { domain = "api.example.com", path = "/v1" }
  }
}

variable "geo_blocklist" {
  type    = list(string)
  default = ["KP", "IR"]
}

resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site-oac"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "this" {
  enabled             = true
  is_ipv6_enabled     = true
  comment             = "Static site with API passthrough"
  default_root_object = "index.html"
  aliases             = var.domain_aliases
  price_class         = "PriceClass_100"

  dynamic "origin" {
    for_each = var.origins
    content {
      origin_id                = origin.key
      domain_name              = origin.value.domain
      origin_path              = origin.value.path
      origin_access_control_id = origin.value.s3 ? aws_cloudfront_origin_access_control.site.id : null

      dynamic "custom_origin_config" {
        for_each = origin.value.s3 ? [] : [1]
        content {
          http_port              = 80
          https_port             = 443
          origin_protocol_policy = "http-only"
          origin_ssl_protocols   = ["TLSv1", "TLSv1.2"]
        }
      }
    }
  }

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD", "OPTIONS"]
    cached_methods         = ["GET", "HEAD"]
    compress               = true

    forwarded_values {
      query_string = false
      cookies {
        forward = "none"
      }
    }

    min_ttl     = 0
    default_ttl = 3600
    max_ttl     = 86400
  }

  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods         = ["GET", "HEAD"]

    forwarded_values {
      query_string = true
      headers      = ["Authorization"]
      cookies {
        forward           = "whitelist"
        whitelisted_names = ["session"]
      }
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = length(var.geo_blocklist) > 0 ? "blacklist" : "none"
      locations        = var.geo_blocklist
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
    minimum_protocol_version       = "TLSv1"
  }

  custom_error_response {
    error_code         = 404
    response_code      = 200
    response_page_path = "/index.html"
  }
}
