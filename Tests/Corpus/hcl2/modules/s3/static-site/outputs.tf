output "bucket" { value = aws_s3_bucket.site.bucket }
output "website_endpoint" { value = aws_s3_bucket_website_configuration.site.website_endpoint }
output "distribution_id" { value = aws_cloudfront_distribution.site.id }
output "url" {
  value = "https://${var.acm_certificate_arn != null ? var.domain_name : aws_cloudfront_distribution.site.domain_name}/"
}
