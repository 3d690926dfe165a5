resource "aws_s3_object" "bin" {
  key     = "data.bin"
  content = "ÿþ broken"
}
