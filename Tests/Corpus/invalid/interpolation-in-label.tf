resource "aws_s3_bucket" "${var.name}" {
  bucket = var.name
}
