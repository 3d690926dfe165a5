resource "aws_s3_bucket" "athena_results" {
  bucket        = "${var.prefix}-athena-results"
  force_destroy = true
}

resource "aws_athena_workgroup" "analysts" {
  name          = "${var.prefix}-analysts"
  force_destroy = true

  configuration {
    enforce_workgroup_configuration    = false
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.athena_bytes_scanned_cutoff

    result_configuration {
      output_location = "s3://${aws_s3_bucket.athena_results.bucket}/results/"

      encryption_configuration {
        encryption_option = "SSE_S3"
      }
    }

    engine_version {
      selected_engine_version = "Athena engine version 3"
    }
  }
}

resource "aws_athena_named_query" "daily_orders" {
  name      = "daily-orders"
  workgroup = aws_athena_workgroup.analysts.id
  database  = aws_glue_catalog_database.zone["curated"].name
  query     = <<-SQL
    -- Orders per day for the last 30 days
    SELECT dt,
           count(*)                      AS orders,
           sum(amount_cents) / 100.0     AS revenue_eur,
           approx_percentile(amount_cents, 0.99) AS p99_cents
    FROM   orders
    WHERE  dt >= date_format(current_date - interval '30' day, '%Y-%m-%d')
      AND  status <> 'cancelled'
    GROUP  BY dt
    ORDER  BY dt DESC;
  SQL
}

resource "aws_athena_named_query" "by_dataset" {
  for_each  = var.datasets
  name      = "preview-${each.key}"
  workgroup = aws_athena_workgroup.analysts.id
  database  = aws_glue_catalog_database.zone[each.value.zone].name
  query     = "SELECT ${join(", ", keys(each.value.columns))} FROM \"${each.key}\" LIMIT 100;"
}
