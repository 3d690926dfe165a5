# Step 1 (applied against moto): the production orders database and a bucket.
resource "aws_db_instance" "orders" {
  identifier          = "orders-prod"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "orders"
  password            = "not-a-real-password"
  skip_final_snapshot = true
  tags                = { env = "prod" }
}

resource "aws_s3_bucket" "exports" {
  bucket = "airlock-orders-exports"
  tags   = { env = "prod" }
}
