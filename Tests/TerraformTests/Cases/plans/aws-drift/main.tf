# Planned after: steps/1 created the resources; after-step-1.py put an object in the
# bucket; steps/2 renamed the bucket under create_before_destroy, and destroying the old,
# non-empty bucket failed, leaving it deposed; after-step-2.py changed the role's tags
# behind Terraform's back and created a bucket that is imported here.
# plan.json: deposed delete, drift, update back, import. refresh-only.plan.json: drift only.
import {
  to = aws_s3_bucket.adopted
  id = "airlock-unmanaged"
}

resource "aws_s3_bucket" "adopted" {
  bucket = "airlock-unmanaged"
}

resource "aws_db_instance" "db" {
  identifier          = "airlock-db"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "airlock"
  password            = "not-a-real-password" # sensitive in the provider's schema
  skip_final_snapshot = true
}
