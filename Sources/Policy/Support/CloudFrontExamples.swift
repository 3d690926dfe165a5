/// Terraform for the CloudFront examples, which need many required blocks.
enum CloudFrontExamples {
    static func distribution(viewerPolicy: String, defaultCertificate: Bool = false, originPolicy: String? = nil, logging: Bool = false) -> String {
        let origin: String
        if let originPolicy {
            origin = """
                  origin {
                    domain_name = "app.example.com"
                    origin_id   = "site"
                    custom_origin_config {
                      http_port              = 80
                      https_port             = 443
                      origin_protocol_policy = "\(originPolicy)"
                      origin_ssl_protocols   = ["TLSv1.2"]
                    }
                  }
                """
        } else {
            origin = """
                  origin {
                    domain_name              = "site.s3.us-east-1.amazonaws.com"
                    origin_id                = "site"
                    origin_access_control_id = "E2QWRUHAPOMQZL"
                  }
                """
        }
        let certificate = defaultCertificate
            ? "    cloudfront_default_certificate = true"
            : """
                    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000000"
                    ssl_support_method       = "sni-only"
                    minimum_protocol_version = "TLSv1.2_2021"
                """
        let loggingBlock = logging
            ? """
                  logging_config {
                    bucket = "logs.s3.amazonaws.com"
                    prefix = "cdn/"
                  }

                """
            : ""
        return """
            resource "aws_cloudfront_distribution" "site" {
              enabled             = true
              default_root_object = "index.html"
            \(origin)
            \(loggingBlock)  default_cache_behavior {
                target_origin_id       = "site"
                allowed_methods        = ["GET", "HEAD"]
                cached_methods         = ["GET", "HEAD"]
                viewer_protocol_policy = "\(viewerPolicy)"
                cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
              }
              restrictions {
                geo_restriction {
                  restriction_type = "none"
                }
              }
              viewer_certificate {
            \(certificate)
              }
            }
            """
    }
}
