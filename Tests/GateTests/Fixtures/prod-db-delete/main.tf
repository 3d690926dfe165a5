# plan.json: the database is removed from the configuration -> delete of aws_db_instance.orders;
# the bucket stays as applied (no-op).
resource "aws_s3_bucket" "exports" {
  bucket = "airlock-orders-exports"
  tags   = { env = "prod" }
}
