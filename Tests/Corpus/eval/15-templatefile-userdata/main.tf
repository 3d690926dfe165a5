variable "cluster_name" {
  type    = string
  default = "workers"
}

variable "buckets" {
  type    = list(string)
  default = ["assets-prod", "uploads-prod"]
}

locals {
  user_data = templatefile("${path.module}/templates/user_data.sh.tftpl", {
    cluster_name = var.cluster_name
    extra_config = {
      ECS_ENABLE_TASK_IAM_ROLE = "true"
      ECS_LOGLEVEL             = "warn"
    }
    enable_ssm = true
    data_dirs  = ["/data/cache", "/data/logs"]
  })

  policy = templatefile("templates/policy.json.tftpl", { buckets = var.buckets })
  banner = file("${path.module}/files/banner.txt")
}

resource "aws_key_pair" "deploy" {
  key_name   = "deploy"
  public_key = trimspace(file("${path.module}/files/deploy.pub"))
}

resource "aws_launch_template" "workers" {
  name_prefix   = "${var.cluster_name}-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "c6i.large"
  key_name      = aws_key_pair.deploy.key_name
  user_data     = base64encode(local.user_data)

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 40
      volume_type = "gp3"
      encrypted   = true
    }
  }

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  tag_specifications {
    resource_type = "instance"
    tags = {
      Cluster = var.cluster_name
    }
  }
}

resource "aws_iam_policy" "read_buckets" {
  name   = "${var.cluster_name}-read-buckets"
  policy = local.policy
}

resource "terraform_data" "rendered" {
  input = {
    user_data   = local.user_data
    policy      = jsondecode(local.policy)
    banner      = local.banner
    banner_line = split("\n", local.banner)[0]
    module_path = path.module
    root_path   = path.root
  }
}
