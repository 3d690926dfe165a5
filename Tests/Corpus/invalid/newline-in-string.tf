resource "aws_ssm_parameter" "motd" {
  name  = "/motd"
  type  = "String"
  value = "Welcome!
Authorised users only."
}
