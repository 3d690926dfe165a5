import HCL
import Terraform

/// Encryption at rest (SNS, SQS, EFS, Kinesis, CloudWatch Logs, KMS, ECR, Secrets Manager)
/// and in transit (load balancer listeners, CloudFront).
extension AWSChecks {
    static let encryption: [Check] = [
        Check(
            CheckMetadata(
                id: "AL-AWS-SNS-001", aliases: ["CKV_AWS_26"],
                title: "SNS topic is encrypted with KMS",
                description: "An SNS topic without kms_master_key_id stores messages unencrypted at rest while they wait for delivery; notifications often carry order, user or alert data.",
                severity: .medium, category: .encryption, service: "sns", resourceTypes: ["aws_sns_topic"],
                remediation: "Set kms_master_key_id to a KMS key: a customer managed key, or alias/aws/sns for the AWS managed one.",
                snippet: """
                    resource "aws_sns_topic" "alerts" {
                      name              = "alerts"
                      kms_master_key_id = aws_kms_key.sns.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html"]),
            passing: """
                resource "aws_sns_topic" "alerts" {
                  name              = "alerts"
                  kms_master_key_id = "alias/aws/sns"
                }
                """,
            failing: """
                resource "aws_sns_topic" "alerts" {
                  name = "alerts"
                }
                """
        ) { topic, _ in
            AttributeRules.requirePresent(topic, "kms_master_key_id", otherwise: "SNS topic \(topic.address) sets no kms_master_key_id: messages are stored unencrypted.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-SQS-001", aliases: ["CKV_AWS_27"],
                title: "SQS queue is encrypted at rest",
                description: "Messages in a queue without server-side encryption are stored in the clear. AWS enables SQS-managed encryption (SSE-SQS) on new queues by default, so the usual mistake is turning it off explicitly (sqs_managed_sse_enabled = false) without setting a KMS key. Checkov fails a queue that sets neither; Airlock counts the AWS default as encrypted.",
                severity: .medium, category: .encryption, service: "sqs", resourceTypes: ["aws_sqs_queue"],
                remediation: "Set kms_master_key_id to a KMS key, or leave sqs_managed_sse_enabled unset or true.",
                snippet: """
                    resource "aws_sqs_queue" "jobs" {
                      name                    = "jobs"
                      sqs_managed_sse_enabled = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html"]),
            passing: """
                resource "aws_sqs_queue" "jobs" {
                  name              = "jobs"
                  kms_master_key_id = "alias/aws/sqs"
                }
                """,
            failing: """
                resource "aws_sqs_queue" "jobs" {
                  name                    = "jobs"
                  sqs_managed_sse_enabled = false
                }
                """
        ) { queue, _ in
            let kms = queue.presence(of: "kms_master_key_id")
            if kms == .set { return .passed }
            // Since October 2022 AWS creates queues with SSE-SQS unless told otherwise.
            guard let sse = queue.valueOrProviderDefault("sqs_managed_sse_enabled", default: .true), sse.isKnown else {
                return AttributeRules.unknown(queue, "sqs_managed_sse_enabled")
            }
            if sse.boolValue == true { return .passed }
            if kms == .unknown { return AttributeRules.unknown(queue, "kms_master_key_id") }
            return .failed(path: "sqs_managed_sse_enabled", message: "SQS queue \(queue.address) turns off SQS-managed encryption and sets no kms_master_key_id: messages are stored unencrypted.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EFS-001", aliases: ["CKV_AWS_42"],
                title: "EFS file system is encrypted at rest",
                description: "EFS encryption can only be chosen when the file system is created; the API's default is unencrypted, and fixing it later means copying every file to a new file system.",
                severity: .high, category: .encryption, service: "efs", resourceTypes: ["aws_efs_file_system"],
                remediation: "Set encrypted = true (and kms_key_id for a customer managed key).",
                snippet: """
                    resource "aws_efs_file_system" "shared" {
                      creation_token = "shared"
                      encrypted      = true
                      kms_key_id     = aws_kms_key.efs.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"]),
            passing: """
                resource "aws_efs_file_system" "shared" {
                  creation_token = "shared"
                  encrypted      = true
                }
                """,
            failing: """
                resource "aws_efs_file_system" "shared" {
                  creation_token = "shared"
                }
                """
        ) { fs, _ in
            AttributeRules.requireBool(fs, "encrypted", is: true, default: false, otherwise: "EFS file system \(fs.address) is not encrypted at rest (encrypted is not true), and this cannot be changed after creation.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-KINESIS-001", aliases: ["CKV_AWS_43"],
                title: "Kinesis stream is encrypted with KMS",
                description: "A Kinesis data stream's records sit unencrypted for the whole retention period unless encryption_type is KMS; the default is NONE.",
                severity: .medium, category: .encryption, service: "kinesis", resourceTypes: ["aws_kinesis_stream"],
                remediation: "Set encryption_type = \"KMS\" and kms_key_id (alias/aws/kinesis or a customer managed key).",
                snippet: """
                    resource "aws_kinesis_stream" "events" {
                      name            = "events"
                      encryption_type = "KMS"
                      kms_key_id      = "alias/aws/kinesis"
                      stream_mode_details {
                        stream_mode = "ON_DEMAND"
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html"]),
            passing: """
                resource "aws_kinesis_stream" "events" {
                  name            = "events"
                  shard_count     = 1
                  encryption_type = "KMS"
                  kms_key_id      = "alias/aws/kinesis"
                }
                """,
            failing: """
                resource "aws_kinesis_stream" "events" {
                  name        = "events"
                  shard_count = 1
                }
                """
        ) { stream, _ in
            AttributeRules.requireString(
                stream, "encryption_type", default: "NONE",
                otherwise: { "Kinesis stream \(stream.address) has encryption_type \($0 ?? "unset"): records are stored unencrypted." },
                accept: { $0 == "KMS" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDWATCH-001", aliases: ["CKV_AWS_158"],
                title: "CloudWatch log group is encrypted with a KMS key",
                description: "CloudWatch Logs encrypts log data with a service key; a customer managed KMS key adds control over who may read logs that often hold tokens, personal data and stack traces, and lets access be revoked.",
                severity: .low, category: .encryption, service: "cloudwatch", resourceTypes: ["aws_cloudwatch_log_group"],
                remediation: "Set kms_key_id to a customer managed KMS key whose policy allows the logs service principal of the region.",
                snippet: """
                    resource "aws_cloudwatch_log_group" "app" {
                      name              = "/app/api"
                      retention_in_days = 365
                      kms_key_id        = aws_kms_key.logs.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html"]),
            passing: """
                resource "aws_kms_key" "logs" {
                  description         = "log encryption"
                  enable_key_rotation = true
                }
                resource "aws_cloudwatch_log_group" "app" {
                  name              = "/app/api"
                  retention_in_days = 365
                  kms_key_id        = aws_kms_key.logs.arn
                }
                """,
            failing: """
                resource "aws_cloudwatch_log_group" "app" {
                  name              = "/app/api"
                  retention_in_days = 365
                }
                """
        ) { group, _ in
            AttributeRules.requirePresent(group, "kms_key_id", otherwise: "Log group \(group.address) sets no kms_key_id: its logs are encrypted only with a key AWS controls.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-KMS-101", aliases: ["CKV_AWS_7"],
                title: "KMS key rotation is enabled",
                description: "Without automatic rotation a symmetric KMS key keeps the same key material for ever, so one exposure compromises everything it ever encrypted. The provider's default is no rotation. Asymmetric and HMAC keys, and keys in custom key stores, cannot rotate automatically and are not judged.",
                severity: .medium, category: .encryption, service: "kms", resourceTypes: ["aws_kms_key"],
                remediation: "Set enable_key_rotation = true (rotation_period_in_days defaults to 365).",
                snippet: """
                    resource "aws_kms_key" "data" {
                      description         = "data encryption"
                      enable_key_rotation = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"]),
            passing: """
                resource "aws_kms_key" "data" {
                  description         = "data encryption"
                  enable_key_rotation = true
                }
                """,
            failing: """
                resource "aws_kms_key" "data" {
                  description = "data encryption"
                }
                """
        ) { key, _ in
            // Automatic rotation exists only for symmetric encryption keys with AWS-made material.
            guard let spec = key.valueOrProviderDefault("customer_master_key_spec", default: .string("SYMMETRIC_DEFAULT")),
                let usage = key.valueOrProviderDefault("key_usage", default: .string("ENCRYPT_DECRYPT")),
                spec.isKnown, usage.isKnown
            else { return AttributeRules.unknown(key, "customer_master_key_spec", "key_usage") }
            if spec.stringValue != "SYMMETRIC_DEFAULT" || usage.stringValue != "ENCRYPT_DECRYPT" || key.isSet("custom_key_store_id") {
                return .notApplicable
            }
            return AttributeRules.requireBool(key, "enable_key_rotation", is: true, default: false, otherwise: "KMS key \(key.address) does not rotate its key material (enable_key_rotation is not true).")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ECR-101", aliases: ["CKV_AWS_163"],
                title: "ECR repository scans images on push",
                description: "Images pushed to a repository that does not scan them reach production with known CVEs unnoticed. A registry-wide scanning configuration (aws_ecr_registry_scanning_configuration) counts as scanning.",
                severity: .low, category: .general, service: "ecr", resourceTypes: ["aws_ecr_repository"],
                remediation: "Add image_scanning_configuration { scan_on_push = true }, or configure scanning for the whole registry.",
                snippet: """
                    resource "aws_ecr_repository" "api" {
                      name                 = "api"
                      image_tag_mutability = "IMMUTABLE"
                      image_scanning_configuration {
                        scan_on_push = true
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html"]),
            passing: """
                resource "aws_ecr_repository" "api" {
                  name = "api"
                  image_scanning_configuration {
                    scan_on_push = true
                  }
                }
                """,
            failing: """
                resource "aws_ecr_repository" "api" {
                  name = "api"
                }
                """
        ) { repo, context in
            // Registry-level scanning rules override the repository setting.
            if context.graph.instances(ofType: "aws_ecr_registry_scanning_configuration").contains(where: { !$0.blocks("rule").isEmpty }) {
                return .passed
            }
            return AttributeRules.requireBool(repo, "image_scanning_configuration[0].scan_on_push", is: true, default: false, otherwise: "ECR repository \(repo.address) does not scan images on push.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ECR-102", aliases: ["CKV_AWS_51"],
                title: "ECR image tags are immutable",
                description: "With mutable tags anyone who can push can replace the image behind `v1.4.2` or `latest` that deployments pull, silently changing what runs. The default is MUTABLE.",
                severity: .low, category: .general, service: "ecr", resourceTypes: ["aws_ecr_repository"],
                remediation: "Set image_tag_mutability = \"IMMUTABLE\" (or IMMUTABLE_WITH_EXCLUSION for a few moving tags).",
                snippet: """
                    resource "aws_ecr_repository" "api" {
                      name                 = "api"
                      image_tag_mutability = "IMMUTABLE"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html"]),
            passing: """
                resource "aws_ecr_repository" "api" {
                  name                 = "api"
                  image_tag_mutability = "IMMUTABLE"
                }
                """,
            failing: """
                resource "aws_ecr_repository" "api" {
                  name                 = "api"
                  image_tag_mutability = "MUTABLE"
                }
                """
        ) { repo, _ in
            AttributeRules.requireString(
                repo, "image_tag_mutability", default: "MUTABLE",
                otherwise: { _ in "ECR repository \(repo.address) lets pushed tags be overwritten (image_tag_mutability is MUTABLE)." },
                accept: { $0.hasPrefix("IMMUTABLE") })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ELB-101", aliases: ["CKV_AWS_2"],
                title: "Load balancer listener uses HTTPS or redirects to it",
                description: "A plain HTTP listener that forwards requests sends credentials, cookies and data unencrypted. An HTTP listener whose default action redirects to HTTPS is fine. For an Application Load Balancer an unset protocol means HTTP.",
                severity: .high, category: .encryption, service: "elb", resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
                remediation: "Serve HTTPS with a certificate, and make the port 80 listener redirect to it.",
                snippet: """
                    resource "aws_lb_listener" "http" {
                      load_balancer_arn = aws_lb.web.arn
                      port              = 80
                      protocol          = "HTTP"
                      default_action {
                        type = "redirect"
                        redirect {
                          port        = "443"
                          protocol    = "HTTPS"
                          status_code = "HTTP_301"
                        }
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html"]),
            passing: """
                resource "aws_lb" "web" {
                  name    = "web"
                  subnets = ["subnet-1", "subnet-2"]
                }
                resource "aws_lb_listener" "http" {
                  load_balancer_arn = aws_lb.web.arn
                  port              = 80
                  protocol          = "HTTP"
                  default_action {
                    type = "redirect"
                    redirect {
                      port        = "443"
                      protocol    = "HTTPS"
                      status_code = "HTTP_301"
                    }
                  }
                }
                """,
            failing: """
                resource "aws_lb" "web" {
                  name    = "web"
                  subnets = ["subnet-1", "subnet-2"]
                }
                resource "aws_lb_listener" "http" {
                  load_balancer_arn = aws_lb.web.arn
                  port              = 80
                  protocol          = "HTTP"
                  default_action {
                    type             = "forward"
                    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"
                  }
                }
                """
        ) { listener, context in
            ListenerFacts.judgePlainHTTP(listener, context)
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ELB-102", aliases: ["CKV2_AWS_20"],
                title: "Application Load Balancer redirects HTTP to HTTPS",
                description: "Judged on the load balancer: every HTTP listener attached to an Application Load Balancer must redirect to HTTPS, so no client ever talks to it in the clear.",
                severity: .medium, category: .encryption, service: "elb", resourceTypes: ["aws_lb", "aws_alb"],
                remediation: "Give each HTTP listener of the load balancer a default action of type redirect with protocol HTTPS.",
                snippet: """
                    resource "aws_lb_listener" "http" {
                      load_balancer_arn = aws_lb.web.arn
                      port              = 80
                      protocol          = "HTTP"
                      default_action {
                        type = "redirect"
                        redirect {
                          port        = "443"
                          protocol    = "HTTPS"
                          status_code = "HTTP_301"
                        }
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html"]),
            passing: """
                resource "aws_lb" "web" {
                  name    = "web"
                  subnets = ["subnet-1", "subnet-2"]
                }
                resource "aws_lb_listener" "http" {
                  load_balancer_arn = aws_lb.web.arn
                  port              = 80
                  protocol          = "HTTP"
                  default_action {
                    type = "redirect"
                    redirect {
                      port        = "443"
                      protocol    = "HTTPS"
                      status_code = "HTTP_301"
                    }
                  }
                }
                """,
            failing: """
                resource "aws_lb" "web" {
                  name    = "web"
                  subnets = ["subnet-1", "subnet-2"]
                }
                resource "aws_lb_listener" "http" {
                  load_balancer_arn = aws_lb.web.arn
                  port              = 80
                  default_action {
                    type             = "forward"
                    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"
                  }
                }
                """
        ) { lb, context in
            guard let type = lb.valueOrProviderDefault("load_balancer_type", default: .string("application")), type.isKnown else {
                return AttributeRules.unknown(lb, "load_balancer_type")
            }
            guard type.stringValue == "application" else { return .notApplicable }
            var unknownPaths: [String] = []
            for listener in context.graph.referencing(lb, types: ["aws_lb_listener", "aws_alb_listener"]) {
                switch ListenerFacts.judgePlainHTTP(listener, context) {
                case .failed:
                    return .failed(path: "", message: "Application Load Balancer \(lb.address) serves plain HTTP without redirecting to HTTPS on \(listener.address).")
                case .unknown(let paths, _):
                    unknownPaths += paths.map { "\(listener.address).\($0)" }
                case .passed, .notApplicable:
                    continue
                }
            }
            if !unknownPaths.isEmpty {
                return .unknown(paths: unknownPaths, message: "Whether every HTTP listener of \(lb.address) redirects to HTTPS is known only after apply.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ELB-103", aliases: ["CKV_AWS_103"],
                title: "HTTPS and TLS listeners accept only TLS 1.2 or later",
                description: "Security policies such as ELBSecurityPolicy-2016-08 (the provider's default when ssl_policy is unset) and ELBSecurityPolicy-TLS-1-1-2017-01 still accept TLS 1.0 and 1.1, which PCI DSS and most baselines forbid.",
                severity: .high, category: .encryption, service: "elb", resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
                remediation: "Set ssl_policy to ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.2 and 1.3) or a stricter TLS 1.2+ policy.",
                snippet: """
                    resource "aws_lb_listener" "https" {
                      load_balancer_arn = aws_lb.web.arn
                      port              = 443
                      protocol          = "HTTPS"
                      ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
                      certificate_arn   = aws_acm_certificate.web.arn
                      default_action {
                        type             = "forward"
                        target_group_arn = aws_lb_target_group.web.arn
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html"]),
            passing: """
                resource "aws_lb_listener" "https" {
                  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef"
                  port              = 443
                  protocol          = "HTTPS"
                  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
                  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000000"
                  default_action {
                    type             = "forward"
                    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"
                  }
                }
                """,
            failing: """
                resource "aws_lb_listener" "https" {
                  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef"
                  port              = 443
                  protocol          = "HTTPS"
                  ssl_policy        = "ELBSecurityPolicy-2016-08"
                  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000000"
                  default_action {
                    type             = "forward"
                    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef"
                  }
                }
                """
        ) { listener, context in
            guard let proto = listener.value("protocol"), proto.isKnown else {
                // An unset protocol is HTTP or TCP, never TLS; a written unknown one may be.
                return listener.configurationWrites("protocol") == false ? .notApplicable : AttributeRules.unknown(listener, "protocol")
            }
            guard let p = proto.stringValue, p == "HTTPS" || p == "TLS" else { return .notApplicable }
            return AttributeRules.requireString(
                listener, "ssl_policy", default: TLSPolicies.loadBalancerDefault,
                otherwise: { "\(p) listener \(listener.address) uses \($0 ?? "no") security policy, which accepts TLS versions older than 1.2." },
                accept: TLSPolicies.loadBalancerPolicyRequiresTLS12)
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDFRONT-101", aliases: ["CKV_AWS_34"],
                title: "CloudFront does not serve viewers over plain HTTP",
                description: "viewer_protocol_policy = \"allow-all\" lets browsers and clients use HTTP, so cookies and content travel unencrypted and can be altered in transit.",
                severity: .medium, category: .encryption, service: "cloudfront", resourceTypes: ["aws_cloudfront_distribution"],
                remediation: "Set viewer_protocol_policy to redirect-to-https (or https-only) in the default and every ordered cache behavior.",
                snippet: """
                    default_cache_behavior {
                      target_origin_id       = "site"
                      allowed_methods        = ["GET", "HEAD"]
                      cached_methods         = ["GET", "HEAD"]
                      viewer_protocol_policy = "redirect-to-https"
                      cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html"]),
            passing: CloudFrontExamples.distribution(viewerPolicy: "redirect-to-https"),
            failing: CloudFrontExamples.distribution(viewerPolicy: "allow-all")
        ) { dist, _ in
            var paths = ["default_cache_behavior[0].viewer_protocol_policy"]
            paths += dist.blocks("ordered_cache_behavior").indices.map { "ordered_cache_behavior[\($0)].viewer_protocol_policy" }
            var unknown: [String] = []
            for path in paths {
                guard let v = dist.value(path) else { continue }
                guard v.isKnown else { unknown.append(path); continue }
                if v.stringValue == "allow-all" {
                    return .failed(path: path, message: "CloudFront distribution \(dist.address) serves viewers over plain HTTP (\(path) = \"allow-all\").")
                }
            }
            return unknown.isEmpty ? .passed : .unknown(paths: unknown, message: "The viewer protocol policy is known only after apply.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDFRONT-102", aliases: ["CKV_AWS_174"],
                title: "CloudFront requires TLS 1.2 or later from viewers",
                description: "A distribution on the default *.cloudfront.net certificate, or with a minimum_protocol_version below TLSv1.2_2019 (the default is TLSv1), negotiates TLS 1.0 and 1.1 with clients.",
                severity: .medium, category: .encryption, service: "cloudfront", resourceTypes: ["aws_cloudfront_distribution"],
                remediation: "Use an ACM certificate with ssl_support_method = \"sni-only\" and minimum_protocol_version = \"TLSv1.2_2021\".",
                snippet: """
                    viewer_certificate {
                      acm_certificate_arn      = aws_acm_certificate.site.arn
                      ssl_support_method       = "sni-only"
                      minimum_protocol_version = "TLSv1.2_2021"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html"]),
            passing: CloudFrontExamples.distribution(viewerPolicy: "redirect-to-https"),
            failing: CloudFrontExamples.distribution(viewerPolicy: "redirect-to-https", defaultCertificate: true)
        ) { dist, _ in
            guard let defaultCert = dist.valueOrProviderDefault("viewer_certificate[0].cloudfront_default_certificate", default: .false),
                defaultCert.isKnown
            else { return AttributeRules.unknown(dist, "viewer_certificate[0].cloudfront_default_certificate") }
            if defaultCert.boolValue == true {
                return .failed(path: "viewer_certificate[0].cloudfront_default_certificate", message: "CloudFront distribution \(dist.address) uses the default *.cloudfront.net certificate, which accepts TLS 1.0.")
            }
            return AttributeRules.requireString(
                dist, "viewer_certificate[0].minimum_protocol_version", default: TLSPolicies.cloudFrontDefault,
                otherwise: { "CloudFront distribution \(dist.address) accepts viewers on \($0 ?? "TLSv1"), older than TLS 1.2." },
                accept: TLSPolicies.cloudFrontPolicyRequiresTLS12)
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDFRONT-103", aliases: ["CKV2_AWS_72"],
                title: "CloudFront fetches from custom origins over HTTPS only",
                description: "With origin_protocol_policy http-only or match-viewer, CloudFront carries viewer traffic to the origin unencrypted across the internet even when the viewer used HTTPS.",
                severity: .medium, category: .encryption, service: "cloudfront", resourceTypes: ["aws_cloudfront_distribution"],
                remediation: "Set custom_origin_config.origin_protocol_policy = \"https-only\" with origin_ssl_protocols = [\"TLSv1.2\"].",
                snippet: """
                    custom_origin_config {
                      http_port              = 80
                      https_port             = 443
                      origin_protocol_policy = "https-only"
                      origin_ssl_protocols   = ["TLSv1.2"]
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html"]),
            passing: CloudFrontExamples.distribution(viewerPolicy: "redirect-to-https", originPolicy: "https-only"),
            failing: CloudFrontExamples.distribution(viewerPolicy: "redirect-to-https", originPolicy: "http-only")
        ) { dist, _ in
            var unknown: [String] = []
            var judged = false
            for (i, origin) in dist.blocks("origin").enumerated() {
                guard let configs = origin.attributes?["custom_origin_config"]?.elements, !configs.isEmpty else { continue }
                judged = true
                let path = "origin[\(i)].custom_origin_config[0].origin_protocol_policy"
                guard let policy = configs[0].attributes?["origin_protocol_policy"], policy.isKnown else { unknown.append(path); continue }
                if policy.stringValue != "https-only" {
                    let domain = origin.attributes?["domain_name"]?.stringValue.map { " (\($0))" } ?? ""
                    return .failed(path: path, message: "CloudFront distribution \(dist.address) fetches from origin\(domain) with origin_protocol_policy \"\(policy.stringValue ?? "")\": traffic to the origin can be unencrypted.")
                }
            }
            if !unknown.isEmpty { return .unknown(paths: unknown, message: "The origin protocol policy is known only after apply.") }
            return judged ? .passed : .notApplicable
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-SECRETSMANAGER-101", aliases: ["CKV_AWS_149"],
                title: "Secrets Manager secret is encrypted with a customer managed key",
                description: "A secret without kms_key_id (or with alias/aws/secretsmanager) uses the AWS managed key, whose policy lets every principal in the account with Secrets Manager access decrypt it; it cannot be shared across accounts or restricted by key policy.",
                severity: .low, category: .encryption, service: "secretsmanager", resourceTypes: ["aws_secretsmanager_secret"],
                remediation: "Set kms_key_id to a customer managed KMS key whose policy names who may decrypt.",
                snippet: """
                    resource "aws_secretsmanager_secret" "db" {
                      name       = "prod/db"
                      kms_key_id = aws_kms_key.secrets.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html"]),
            passing: """
                resource "aws_kms_key" "secrets" {
                  description         = "secrets"
                  enable_key_rotation = true
                }
                resource "aws_secretsmanager_secret" "db" {
                  name       = "prod/db"
                  kms_key_id = aws_kms_key.secrets.arn
                }
                """,
            failing: """
                resource "aws_secretsmanager_secret" "db" {
                  name = "prod/db"
                }
                """
        ) { secret, _ in
            if let key = secret.string("kms_key_id"), key.contains("alias/aws/") {
                return .failed(path: "kms_key_id", message: "Secret \(secret.address) is encrypted with the AWS managed key \(key), not a customer managed key.")
            }
            return AttributeRules.requirePresent(secret, "kms_key_id", otherwise: "Secret \(secret.address) sets no kms_key_id: it is encrypted with the AWS managed key aws/secretsmanager.")
        },
    ].map(\.judgingManagedResourcesOnly)
}
