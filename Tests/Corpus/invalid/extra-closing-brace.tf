resource "aws_security_group" "web" {
  name = "web"

  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
  }
  }
}
