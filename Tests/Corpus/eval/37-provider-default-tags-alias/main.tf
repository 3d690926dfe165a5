data "aws_region" "primary" {}

data "aws_region" "dr" {
  provider = aws.dr
}

resource "aws_s3_bucket" "primary" {
  bucket = "tags-primary-${data.aws_region.primary.name}"

  tags = {
    Name  = "primary"
    Owner = "resource-wins"
  }
}

resource "aws_s3_bucket" "dr" {
  provider = aws.dr
  bucket   = "tags-dr-${data.aws_region.dr.name}"
}

resource "aws_sqs_queue" "no_tags" {
  name = "tags-queue"
}

resource "aws_sqs_queue" "empty_tags" {
  name = "tags-queue-empty"
  tags = {}
}

resource "aws_dynamodb_table" "locks" {
  name         = "terraform-locks"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }

  tags = {
    Name        = "locks"
    Environment = "prod"
  }
}

resource "aws_instance" "tagged" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  tags = {
    Name = "tagged"
  }

  volume_tags = {
    Backup = "daily"
  }
}

output "regions" {
  value = [data.aws_region.primary.name, data.aws_region.dr.name]
}
