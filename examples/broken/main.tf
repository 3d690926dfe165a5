# What an agent's half-finished edit can look like: Airlock reports each problem with
# file, line and column, and exits 1.

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m5.24xlarge",
  user_data     = <<-EOT
    #!/bin/bash
    echo "hello from ${var.name}"
  EOT

  tags = {
    Name = "web"
    Owner = 'platform'
  }
}

output "url" {
  value = "http://${aws_instance.web.public_ip"
}
