output "buckets" {
  value = { for z, b in aws_s3_bucket.zone : z => b.bucket }
}

output "databases" {
  value = values(aws_glue_catalog_database.zone)[*].name
}

output "workgroup" {
  value = aws_athena_workgroup.analysts.name
}
