import HCL
import Terraform

/// Logging and monitoring: CloudTrail, VPC flow logs, load balancer and API Gateway access
/// logs, CloudFront logs, CloudWatch log retention. (S3 access logging is in the S3 family.)
extension AWSChecks {
    static let logging: [Check] = [
        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDTRAIL-001", aliases: ["CKV_AWS_67"],
                title: "CloudTrail trail covers all regions",
                description: "A single-region trail (the default) records nothing of what happens in the other regions, which is exactly where an attacker with stolen keys starts crypto miners.",
                severity: .medium, category: .logging, service: "cloudtrail", resourceTypes: ["aws_cloudtrail"],
                remediation: "Set is_multi_region_trail = true (and include_global_service_events = true).",
                snippet: CloudTrailExamples.trail(),
                references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html"]),
            passing: CloudTrailExamples.trail(),
            failing: CloudTrailExamples.trail(omitting: "is_multi_region_trail")
        ) { trail, _ in
            AttributeRules.requireBool(trail, "is_multi_region_trail", is: true, default: false, otherwise: "Trail \(trail.address) records only its home region (is_multi_region_trail is not true).")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDTRAIL-002", aliases: ["CKV_AWS_36"],
                title: "CloudTrail log file validation is enabled",
                description: "Without digest files nobody can prove that delivered CloudTrail logs were not altered or deleted after the fact, which incident response and audits rely on. The default is off.",
                severity: .medium, category: .logging, service: "cloudtrail", resourceTypes: ["aws_cloudtrail"],
                remediation: "Set enable_log_file_validation = true.",
                snippet: CloudTrailExamples.trail(),
                references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html"]),
            passing: CloudTrailExamples.trail(),
            failing: CloudTrailExamples.trail(omitting: "enable_log_file_validation")
        ) { trail, _ in
            AttributeRules.requireBool(trail, "enable_log_file_validation", is: true, default: false, otherwise: "Trail \(trail.address) writes no digest files (enable_log_file_validation is not true): tampering with its logs cannot be detected.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDTRAIL-003", aliases: ["CKV_AWS_35"],
                title: "CloudTrail logs are encrypted with a KMS key",
                description: "Without kms_key_id, trail logs are protected by S3-managed keys only, so anyone who can read the bucket can read every API call of the account; a KMS key adds a second permission and an audit trail of decryptions.",
                severity: .medium, category: .logging, service: "cloudtrail", resourceTypes: ["aws_cloudtrail"],
                remediation: "Set kms_key_id to a customer managed KMS key whose policy lets cloudtrail.amazonaws.com generate data keys.",
                snippet: CloudTrailExamples.trail(),
                references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html"]),
            passing: CloudTrailExamples.trail(),
            failing: CloudTrailExamples.trail(omitting: "kms_key_id")
        ) { trail, _ in
            AttributeRules.requirePresent(trail, "kms_key_id", otherwise: "Trail \(trail.address) sets no kms_key_id: its logs are not encrypted with a KMS key.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDTRAIL-004", aliases: ["CKV_AWS_251"],
                title: "CloudTrail trail is logging",
                description: "enable_logging = false creates the trail but stops it from recording anything: the account looks audited and is not.",
                severity: .high, category: .logging, service: "cloudtrail", resourceTypes: ["aws_cloudtrail"],
                remediation: "Remove enable_logging or set it to true.",
                snippet: CloudTrailExamples.trail(),
                references: ["https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html"]),
            passing: CloudTrailExamples.trail(),
            failing: CloudTrailExamples.trail(extra: "  enable_logging                = false\n")
        ) { trail, _ in
            AttributeRules.requireBool(trail, "enable_logging", is: true, default: true, otherwise: "Trail \(trail.address) is created with logging turned off (enable_logging = false).")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-101", aliases: ["CKV2_AWS_11"],
                title: "VPC has flow logs",
                description: "Without flow logs there is no record of which addresses talked to what inside the VPC, so neither an intrusion nor a data exfiltration can be reconstructed. Judged by looking for an aws_flow_log that refers to the VPC.",
                severity: .medium, category: .logging, service: "vpc", resourceTypes: ["aws_vpc"],
                remediation: "Add an aws_flow_log with vpc_id = the VPC's id, sending to CloudWatch Logs or S3.",
                snippet: """
                    resource "aws_flow_log" "main" {
                      vpc_id               = aws_vpc.main.id
                      traffic_type         = "ALL"
                      log_destination_type = "s3"
                      log_destination      = aws_s3_bucket.flow_logs.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html"]),
            passing: """
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }
                resource "aws_flow_log" "main" {
                  vpc_id               = aws_vpc.main.id
                  traffic_type         = "ALL"
                  log_destination_type = "s3"
                  log_destination      = "arn:aws:s3:::flow-logs-111122223333"
                }
                """,
            failing: """
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }
                """
        ) { vpc, context in
            let logs = context.graph.referencing(vpc, types: ["aws_flow_log"])
            if logs.isEmpty {
                return .failed(path: "", message: "VPC \(vpc.address) has no aws_flow_log referring to it: its traffic is not recorded.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ELB-104", aliases: ["CKV_AWS_91"],
                title: "Load balancer access logs are enabled",
                description: "Access logs are the only record of every request a load balancer served (client address, path, status, TLS version); they are off by default, even when an access_logs block names a bucket.",
                severity: .low, category: .logging, service: "elb", resourceTypes: ["aws_lb", "aws_alb"],
                remediation: "Add access_logs { bucket = ..., enabled = true } with a bucket policy that lets Elastic Load Balancing write.",
                snippet: """
                    resource "aws_lb" "web" {
                      name    = "web"
                      subnets = var.public_subnet_ids
                      access_logs {
                        bucket  = aws_s3_bucket.lb_logs.id
                        prefix  = "web"
                        enabled = true
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html"]),
            passing: """
                resource "aws_lb" "web" {
                  name    = "web"
                  subnets = ["subnet-1", "subnet-2"]
                  access_logs {
                    bucket  = "lb-logs-111122223333"
                    enabled = true
                  }
                }
                """,
            failing: """
                resource "aws_lb" "web" {
                  name    = "web"
                  subnets = ["subnet-1", "subnet-2"]
                  access_logs {
                    bucket = "lb-logs-111122223333"
                  }
                }
                """
        ) { lb, _ in
            // Gateway Load Balancers have no access logs.
            guard let type = lb.valueOrProviderDefault("load_balancer_type", default: .string("application")), type.isKnown else {
                return AttributeRules.unknown(lb, "load_balancer_type")
            }
            if type.stringValue == "gateway" { return .notApplicable }
            return AttributeRules.requireBool(lb, "access_logs[0].enabled", is: true, default: false, otherwise: "Load balancer \(lb.address) writes no access logs (access_logs.enabled is not true).")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-APIGATEWAY-001", aliases: ["CKV_AWS_76"],
                title: "API Gateway stage writes access logs",
                description: "Without access logs an API's callers, their source addresses and the responses they got are not recorded anywhere, so abuse of a public API goes unseen.",
                severity: .low, category: .logging, service: "apigateway", resourceTypes: ["aws_api_gateway_stage", "aws_apigatewayv2_stage"],
                remediation: "Add access_log_settings with a CloudWatch log group ARN (or Firehose) and a format.",
                snippet: """
                    resource "aws_api_gateway_stage" "prod" {
                      rest_api_id   = aws_api_gateway_rest_api.api.id
                      deployment_id = aws_api_gateway_deployment.api.id
                      stage_name    = "prod"
                      access_log_settings {
                        destination_arn = aws_cloudwatch_log_group.api_access.arn
                        format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html"]),
            passing: """
                resource "aws_cloudwatch_log_group" "api_access" {
                  name              = "/apigateway/api/access"
                  retention_in_days = 365
                }
                resource "aws_api_gateway_stage" "prod" {
                  rest_api_id   = "a1b2c3d4e5"
                  deployment_id = "abc123"
                  stage_name    = "prod"
                  access_log_settings {
                    destination_arn = aws_cloudwatch_log_group.api_access.arn
                    format          = "$context.requestId $context.identity.sourceIp $context.status"
                  }
                }
                """,
            failing: """
                resource "aws_apigatewayv2_stage" "prod" {
                  api_id      = "a1b2c3d4e5"
                  name        = "prod"
                  auto_deploy = true
                }
                """
        ) { stage, _ in
            AttributeRules.requirePresent(stage, "access_log_settings[0].destination_arn", otherwise: "API Gateway stage \(stage.address) writes no access logs (no access_log_settings).")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDWATCH-002", aliases: ["CKV_AWS_338"],
                title: "CloudWatch log group keeps logs for at least a year",
                description: "Investigations often start months after the fact; a retention shorter than 365 days has already deleted the evidence. An unset retention (or 0) keeps logs for ever, which satisfies this check (AL-AWS-CLOUDWATCH-003 raises its cost). Checkov fails an unset retention here.",
                severity: .low, category: .logging, service: "cloudwatch", resourceTypes: ["aws_cloudwatch_log_group"],
                remediation: "Set retention_in_days to 365 or more (valid values include 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).",
                snippet: """
                    resource "aws_cloudwatch_log_group" "app" {
                      name              = "/app/api"
                      retention_in_days = 365
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html"]),
            passing: """
                resource "aws_cloudwatch_log_group" "app" {
                  name              = "/app/api"
                  retention_in_days = 400
                }
                """,
            failing: """
                resource "aws_cloudwatch_log_group" "app" {
                  name              = "/app/api"
                  retention_in_days = 14
                }
                """
        ) { group, _ in
            guard let v = group.value("retention_in_days") else { return .passed }
            guard v.isKnown else { return AttributeRules.unknown(group, "retention_in_days") }
            guard let days = v.numberValue?.double, days != 0 else { return .passed }
            return days >= 365 ? .passed : .failed(path: "retention_in_days", message: "Log group \(group.address) deletes logs after \(Int(days)) days, less than a year.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDFRONT-104", aliases: ["CKV_AWS_86"],
                title: "CloudFront distribution writes access logs",
                description: "Without standard logs there is no record of who requested what from the CDN. Legacy logging (logging_config) and CloudWatch log delivery (an aws_cloudwatch_log_delivery_source for the distribution) both count.",
                severity: .low, category: .logging, service: "cloudfront", resourceTypes: ["aws_cloudfront_distribution"],
                remediation: "Add a logging_config block naming an S3 bucket, or set up CloudWatch log delivery for the distribution.",
                snippet: """
                    logging_config {
                      bucket          = aws_s3_bucket.cdn_logs.bucket_domain_name
                      prefix          = "cdn/"
                      include_cookies = false
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html"]),
            passing: CloudFrontExamples.distribution(viewerPolicy: "redirect-to-https", logging: true),
            failing: CloudFrontExamples.distribution(viewerPolicy: "redirect-to-https")
        ) { dist, context in
            if !context.graph.referencing(dist, types: ["aws_cloudwatch_log_delivery_source"]).isEmpty { return .passed }
            return AttributeRules.requirePresent(dist, "logging_config[0].bucket", otherwise: "CloudFront distribution \(dist.address) writes no access logs (no logging_config).")
        },
    ].map(\.judgingManagedResourcesOnly)
}
