# How Terraform converts values to the provider's schema types, and what null does.
variable "port" {
  type    = number
  default = 8080
}

variable "optional_description" {
  type    = string
  default = null
}

resource "aws_security_group" "conversions" {
  name        = "conversions"
  description = coalesce(var.optional_description, "managed by terraform")

  ingress {
    # strings given to number attributes
    from_port   = "443"
    to_port     = "443"
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  tags = {
    # numbers and bools given to a map(string)
    Port    = var.port
    Enabled = true
    Ratio   = 0.5
    Big     = 10000000000
    Null    = null
  }
}

resource "aws_sqs_queue" "conversions" {
  name                       = "conversions"
  delay_seconds              = "10"
  visibility_timeout_seconds = 30.0
  fifo_queue                 = "false"
  kms_master_key_id          = var.optional_description
  tags = {
    Name = "conversions"
  }
}

resource "aws_cloudwatch_log_group" "nulls" {
  name              = "nulls"
  retention_in_days = null
  kms_key_id        = null
  skip_destroy      = null
}

resource "aws_iam_user" "sets" {
  name = "sets"
  tags = {
    "z-last"  = "1"
    "A-first" = "2"
    "m-mid"   = "3"
  }
}

resource "aws_lb_target_group" "number_strings" {
  name     = "number-strings"
  port     = "80"
  protocol = "HTTP"
  vpc_id   = "vpc-0123"

  health_check {
    port     = 8080
    interval = "30"
    matcher  = 200
  }
}

resource "terraform_data" "types" {
  input = {
    set_numbers   = toset([10, 9, 100, 1.5])
    set_strings   = toset(["b", "B", "a", "10", "9"])
    set_bools     = toset([true, false, true])
    map_numbers   = tomap({ b = 2, a = 1 })
    object_order  = { zeta = 1, alpha = 2, Mid = 3 }
    list_mixed    = [1, "two", true]
    conditional   = true ? 1 : "x"
    null_in_list  = [null, "a"]
    null_in_map   = { a = null, b = "b" }
    empty_object  = {}
    empty_list    = []
    empty_string  = ""
    number_string = "007"
    to_number     = tonumber("007")
    float_string  = tostring(1.0)
  }
}

output "description" {
  value = aws_security_group.conversions.description
}
