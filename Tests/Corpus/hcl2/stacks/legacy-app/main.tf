# =============================================================================
#  legacy-app: migrated from a CloudFormation template by hand in 2019.
#  Uses bare (unquoted) block labels in a few places — HCL accepts identifiers
#  as labels, although `terraform fmt` style uses quoted strings.
# =============================================================================

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider aws {
  region = "us-west-2"
}

locals {}

data aws_vpc default {
  default = true
}

data "aws_subnets" default {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }
}

resource aws_security_group legacy {
  name        = "legacy-app"
  description = "legacy app - wide open"
  vpc_id      = data.aws_vpc.default.id

  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = ["::/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" app {
  count = 2

  ami                    = "ami-0d70546e43a941d70"
  instance_type          = "m4.large"
  subnet_id              = element(data.aws_subnets.default.ids, count.index)
  vpc_security_group_ids = ["${aws_security_group.legacy.id}"]
  monitoring             = false
  ebs_optimized          = false
  user_data              = "${file("${path.module}/bootstrap.sh")}"

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = false
  }

  metadata_options {}

  tags = {
    Name = "legacy-app-${count.index + 1}"
  }
}

resource aws_elb legacy {
  name               = "legacy-app"
  availability_zones = ["us-west-2a", "us-west-2b"]
  instances          = aws_instance.app.*.id

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }

  health_check {
    healthy_threshold   = 2
    unhealthy_threshold = 2
    timeout             = 3
    target              = "HTTP:8080/"
    interval            = 30
  }

  access_logs {
    bucket  = "legacy-elb-logs"
    enabled = false
  }
}

resource "aws_db_instance" "legacy" {
  identifier           = "legacy-mysql"
  engine               = "mysql"
  engine_version       = "5.7"
  instance_class       = "db.m4.large"
  allocated_storage    = 100
  username             = "admin"
  password             = "changeme123"
  publicly_accessible  = true
  storage_encrypted    = false
  skip_final_snapshot  = true
  backup_retention_period = 0
  multi_az             = false
  iam_database_authentication_enabled = false
}

output "elb_dns" { value = "${aws_elb.legacy.dns_name}" }
output "app_ips" { value = ["${aws_instance.app.*.private_ip}"] }
output "first_ip" { value = "${aws_instance.app.0.private_ip}" }
output "db" { value = "${aws_db_instance.legacy.address}:${aws_db_instance.legacy.port}" }
