resource "aws_glue_catalog_database" "zone" {
  for_each = toset(var.zones)
  name     = replace("${var.prefix}_${each.key}", "-", "_")
}

resource "aws_glue_catalog_table" "dataset" {
  for_each = var.datasets

  name          = each.key
  database_name = aws_glue_catalog_database.zone[each.value.zone].name
  table_type    = "EXTERNAL_TABLE"

  parameters = {
    EXTERNAL              = "TRUE"
    "parquet.compression" = each.value.format == "parquet" ? "SNAPPY" : null
    classification        = each.value.format
  }

  storage_descriptor {
    location      = "s3://${aws_s3_bucket.zone[each.value.zone].bucket}/${each.key}/"
    input_format  = each.value.format == "parquet" ? "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat" : "org.apache.hadoop.mapred.TextInputFormat"
    output_format = each.value.format == "parquet" ? "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat" : "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"

    ser_de_info {
      name                  = "${each.key}-serde"
      serialization_library = each.value.format == "parquet" ? "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" : "org.openx.data.jsonserde.JsonSerDe"
      parameters = {
        "serialization.format" = 1
      }
    }

    dynamic "columns" {
      for_each = each.value.columns
      content {
        name = columns.key
        type = columns.value
      }
    }
  }

  dynamic "partition_keys" {
    for_each = each.value.partitions
    content {
      name = partition_keys.value
      type = "string"
    }
  }
}

resource "aws_glue_crawler" "dataset" {
  for_each = { for k, d in var.datasets : k => d if d.crawl_cron != null }

  name          = "${var.prefix}-${each.key}"
  database_name = aws_glue_catalog_database.zone[each.value.zone].name
  role          = aws_iam_role.glue.arn
  schedule      = "cron(${each.value.crawl_cron})"

  s3_target {
    path       = "s3://${aws_s3_bucket.zone[each.value.zone].bucket}/${each.key}/"
    exclusions = ["**/_SUCCESS", "**/*.crc"]
  }

  schema_change_policy {
    delete_behavior = "LOG"
    update_behavior = "UPDATE_IN_DATABASE"
  }

  configuration = jsonencode({
    Version = 1.0
    Grouping = {
      TableGroupingPolicy = "CombineCompatibleSchemas"
    }
    CrawlerOutput = {
      Partitions = { AddOrUpdateBehavior = "InheritFromTable" }
    }
  })
}

resource "aws_iam_role" "glue" {
  name = "${var.prefix}-glue"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "glue.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "glue_s3" {
  role = aws_iam_role.glue.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*"]
      Resource = flatten([for b in aws_s3_bucket.zone : [b.arn, "${b.arn}/*"]])
    }]
  })
}
