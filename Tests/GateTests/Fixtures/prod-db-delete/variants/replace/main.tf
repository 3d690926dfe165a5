# plan-replace.json: the database is kept but its storage becomes encrypted, which forces
# replacement -> ["delete","create"] of aws_db_instance.orders; the bucket is a no-op.
# (A changed identifier would not do: provider 5.x renames a DB instance in place.)
resource "aws_db_instance" "orders" {
  identifier          = "orders-prod"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "orders"
  password            = "not-a-real-password"
  skip_final_snapshot = true
  storage_encrypted   = true # was false (the default): forces a new DB instance
  tags                = { env = "prod" }
}

resource "aws_s3_bucket" "exports" {
  bucket = "airlock-orders-exports"
  tags   = { env = "prod" }
}
