resource "aws_s3_bucket" "trail" {
  bucket = var.trail_bucket_name
}

# NOTE: no SSE config, no versioning and no object lock for the trail bucket.

resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "AWSCloudTrailAclCheck",
          "Effect": "Allow",
          "Principal": { "Service": "cloudtrail.amazonaws.com" },
          "Action": "s3:GetBucketAcl",
          "Resource": "${aws_s3_bucket.trail.arn}"
        },
        {
          "Sid": "AWSCloudTrailWrite",
          "Effect": "Allow",
          "Principal": { "Service": "cloudtrail.amazonaws.com" },
          "Action": "s3:PutObject",
          "Resource": "${aws_s3_bucket.trail.arn}/AWSLogs/*",
          "Condition": {
            "StringEquals": { "s3:x-amz-acl": "bucket-owner-full-control" }
          }
        }
      ]
    }
  POLICY
}

resource "aws_cloudtrail" "org" {
  name                          = "org-trail"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_organization_trail         = true
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = false
  kms_key_id                    = null

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }

    data_resource {
      type   = "AWS::Lambda::Function"
      values = ["arn:aws:lambda"]
    }
  }

  advanced_event_selector {
    name = "Log DynamoDB data events except for the sessions table"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::DynamoDB::Table"]
    }
    field_selector {
      field           = "resources.ARN"
      not_starts_with = ["arn:aws:dynamodb:${var.home_region}:111111111111:table/sessions"]
    }
  }

  depends_on = [aws_s3_bucket_policy.trail]
}
