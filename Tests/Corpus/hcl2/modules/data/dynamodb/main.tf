resource "aws_dynamodb_table" "this" {
  for_each = var.tables

  name           = each.key
  billing_mode   = each.value.billing_mode
  hash_key       = each.value.hash_key
  range_key      = each.value.range_key
  read_capacity  = each.value.billing_mode == "PROVISIONED" ? coalesce(each.value.read_capacity, 5) : null
  write_capacity = each.value.billing_mode == "PROVISIONED" ? coalesce(each.value.write_capacity, 5) : null

  stream_enabled   = each.value.stream_enabled || length(each.value.replicas) > 0
  stream_view_type = each.value.stream_enabled || length(each.value.replicas) > 0 ? "NEW_AND_OLD_IMAGES" : null

  dynamic "attribute" {
    for_each = each.value.attributes
    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  dynamic "global_secondary_index" {
    for_each = { for gsi in each.value.global_secondary_indexes : gsi.name => gsi }
    iterator = gsi
    content {
      name               = gsi.key
      hash_key           = gsi.value.hash_key
      range_key          = gsi.value.range_key
      projection_type    = gsi.value.projection_type
      non_key_attributes = gsi.value.projection_type == "INCLUDE" ? gsi.value.non_key_attributes : null
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttl_attribute != null ? [each.value.ttl_attribute] : []
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  dynamic "replica" {
    for_each = toset(each.value.replicas)
    content {
      region_name = replica.key
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled = var.server_side_encryption
  }

  tags = merge(var.tags, { Table = each.key })

  lifecycle {
    ignore_changes = [read_capacity, write_capacity]
  }
}

resource "aws_appautoscaling_target" "read" {
  for_each = {
    for name, t in var.tables : name => t
    if t.billing_mode == "PROVISIONED"
  }

  max_capacity       = each.value.read_capacity * 10
  min_capacity       = each.value.read_capacity
  resource_id        = "table/${aws_dynamodb_table.this[each.key].name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  service_namespace  = "dynamodb"
}

resource "aws_appautoscaling_policy" "read" {
  for_each = aws_appautoscaling_target.read

  name               = "DynamoDBReadCapacityUtilization:${each.value.resource_id}"
  policy_type        = "TargetTrackingScaling"
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.scalable_dimension
  service_namespace  = each.value.service_namespace

  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
    target_value       = 70.0
    scale_in_cooldown  = 60
    scale_out_cooldown = 6e1
  }
}

output "table_arns" {
  value = { for k, t in aws_dynamodb_table.this : k => t.arn }
}

output "stream_arns" {
  value = {
    for k, t in aws_dynamodb_table.this : k => t.stream_arn if t.stream_enabled
  }
}
