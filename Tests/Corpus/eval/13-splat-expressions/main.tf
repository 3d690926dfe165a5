variable "instance_names" {
  type    = list(string)
  default = ["api", "worker", "cron"]
}

variable "disks" {
  type = list(object({
    device = string
    size   = number
  }))
  default = [
    { device = "/dev/sdf", size = 50 },
    { device = "/dev/sdg", size = 100 },
  ]
}

resource "aws_instance" "app" {
  count = length(var.instance_names)

  ami           = "ami-0abcdef1234567890"
  instance_type = count.index == 0 ? "t3.medium" : "t3.small"

  tags = {
    Name = var.instance_names[count.index]
  }
}

resource "aws_eip" "app" {
  count    = length(aws_instance.app)
  instance = aws_instance.app[count.index].id
  domain   = "vpc"
}

resource "aws_ebs_volume" "data" {
  for_each = { for d in var.disks : d.device => d }

  availability_zone = "us-east-1a"
  size              = each.value.size
  type              = "gp3"
}

locals {
  disk_sizes        = var.disks[*].size
  disk_devices      = var.disks.*.device
  name_tags         = aws_instance.app[*].tags.Name
  instance_types    = aws_instance.app.*.instance_type
  volume_sizes      = values(aws_ebs_volume.data)[*].size
  single_splat      = var.instance_names[0][*]
  null_splat        = length(var.no_value[*])
  object_splat_attr = [for d in var.disks : d.size][*]
}

variable "no_value" {
  type    = string
  default = null
}

resource "terraform_data" "splats" {
  input = {
    disk_sizes     = local.disk_sizes
    disk_devices   = local.disk_devices
    name_tags      = local.name_tags
    instance_types = local.instance_types
    volume_sizes   = local.volume_sizes
    single_splat   = local.single_splat
    null_splat     = local.null_splat
    total_size     = sum(local.disk_sizes)
  }
}

resource "terraform_data" "unknown_splat" {
  input = {
    ids     = aws_instance.app[*].id
    eip_ids = aws_eip.app[*].id
    first   = aws_instance.app[0].ami
  }
}

output "instance_types" {
  value = aws_instance.app[*].instance_type
}

output "instance_ids" {
  value = aws_instance.app[*].id
}
