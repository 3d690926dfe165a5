resource "aws_ssm_parameter" "path" {
  name  = "/windows/install-dir"
  type  = "String"
  value = "C:\Program Files\Acme"
}
