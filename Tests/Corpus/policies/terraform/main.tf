# A small configuration for trying custom policies, suppressions and baselines:
#   airlock scan Tests/Corpus/policies/terraform --policy-dir Tests/Corpus/policies/checkov
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "website" {
  # airlock:ignore AL-AWS-S3-001 reason="static site, rebuilt from git on every deploy" expires=2099-12-31
  bucket = "example-website"
  tags = {
    Owner       = "web-team"
    Environment = "prod"
  }
}

resource "aws_s3_bucket_public_access_block" "website" {
  bucket            = aws_s3_bucket.website.id
  block_public_acls = true
}

// airlock:ignore CKV2_CUSTOM_TAG_1 reason="scratch bucket, deleted nightly"
resource "aws_s3_bucket" "scratch" {
  #checkov:skip=CKV_AWS_21:scratch data is disposable
  bucket = "example-scratch"
}

resource "aws_s3_bucket" "legacy" {
  # airlock:ignore AL-AWS-S3-001 reason="migrating in Q1" expires=2024-03-31
  #checkov:skip=CKV2_CUSTOM_S3_1
  bucket = "example-legacy"
  tags = {
    Owner = "data-team"
  }
}

resource "aws_security_group" "admin" {
  name = "admin"
  tags = {
    Owner       = "ops"
    Environment = "prod"
  }
  ingress {
    description = "SSH from anywhere # not a comment"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_kms_key" "data" {
  description = "data key"
}

resource "aws_db_instance" "app" {
  identifier              = "app"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "app"
  manage_master_user_password = true
  storage_encrypted       = true
  backup_retention_period = 3
  tags = {
    Owner       = "app-team"
    Environment = "qa"
  }
}
