variable "instances" {
  type = map(object({
    type      = string
    root_size = number
    data_disks = optional(map(number), {})
    public    = optional(bool, false)
  }))
  default = {
    web-1 = { type = "t3.large", root_size = 30, public = true }
    db-1 = {
      type      = "r6i.xlarge"
      root_size = 50
      data_disks = {
        "/dev/sdf" = 200
        "/dev/sdg" = 500
      }
    }
  }
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0123", "subnet-4567"]
}

resource "aws_instance" "this" {
  for_each = var.instances

  ami                         = "ami-0b5eea76982371e91"
  instance_type               = each.value.type
  subnet_id                   = element(var.subnet_ids, index(keys(var.instances), each.key))
  associate_public_ip_address = each.value.public
  monitoring                  = true
  ebs_optimized               = true

  root_block_device {
    volume_size           = each.value.root_size
    volume_type           = "gp3"
    encrypted             = false
    delete_on_termination = true
  }

  dynamic "ebs_block_device" {
    for_each = each.value.data_disks
    content {
      device_name = ebs_block_device.key
      volume_size = ebs_block_device.value
      volume_type = "io2"
      iops        = ebs_block_device.value * 10
      encrypted   = true
    }
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = each.value.public ? "optional" : "required"
    http_put_response_hop_limit = 2
  }

  credit_specification {
    cpu_credits = "unlimited"
  }

  tags = {
    Name = each.key
    Role = split("-", each.key)[0]
  }

  volume_tags = {
    Owner = each.key
  }
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1b"
  size              = 10
  encrypted         = false
}

resource "aws_volume_attachment" "scratch" {
  device_name = "/dev/sdh"
  volume_id   = aws_ebs_volume.scratch.id
  instance_id = aws_instance.this["web-1"].id
}
