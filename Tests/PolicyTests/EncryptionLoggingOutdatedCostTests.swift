import Foundation
import Policy
import Terraform
import Testing

/// Cases of the encryption, logging, outdated and cost families beyond each check's own
/// passing and failing example: provider defaults, unknown values, connections, settings.
struct FamilyCase: CustomTestStringConvertible, Sendable {
    var name: String
    var check: String
    var source: String
    /// Resource address (or module-check subject) → expected status. Every finding of the
    /// check must be listed; a resource the check must not judge is simply left out.
    var expected: [String: Finding.Status]
    var maxInstanceSize: String? = nil

    var testDescription: String { "\(check): \(name)" }
}

private func findings(_ c: FamilyCase) throws -> [Finding] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-family-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try c.source.write(toFile: dir + "/main.tf", atomically: true, encoding: .utf8)
    let result = TerraformEvaluator.evaluate(directory: dir)
    var settings = PolicySettings()
    if let size = c.maxInstanceSize { settings.maxInstanceSize = size }
    let checks = Catalog.all.filter { $0.metadata.id == c.check }
    let moduleChecks = Catalog.moduleChecks.filter { $0.metadata.id == c.check }
    let engine = PolicyEngine(checks: checks, moduleChecks: moduleChecks, settings: settings)
    return engine.run(result.instances, modules: result.modules)
}

@Suite struct EncryptionLoggingOutdatedCostTests {
    static let cases: [FamilyCase] = [
        // Encryption at rest
        FamilyCase(
            name: "SQS queue with nothing set gets SSE-SQS from AWS", check: "AL-AWS-SQS-001",
            source: #"resource "aws_sqs_queue" "q" { name = "q" }"#, expected: ["aws_sqs_queue.q": .passed]),
        FamilyCase(
            name: "a KMS key reached through a local is unknown, not guessed", check: "AL-AWS-SNS-001",
            source: """
                resource "aws_kms_key" "k" {}
                locals { key = aws_kms_key.k.arn }
                resource "aws_sns_topic" "t" { kms_master_key_id = local.key }
                """,
            expected: ["aws_sns_topic.t": .unknown]),
        FamilyCase(
            name: "a direct reference to a counted key's ARN is set", check: "AL-AWS-SNS-001",
            source: """
                resource "aws_kms_key" "k" { count = 1 }
                resource "aws_sns_topic" "t" { kms_master_key_id = aws_kms_key.k[0].arn }
                """,
            expected: ["aws_sns_topic.t": .passed]),
        FamilyCase(
            name: "EFS encrypted through a variable", check: "AL-AWS-EFS-001",
            source: """
                variable "encrypted" { default = true }
                resource "aws_efs_file_system" "fs" { encrypted = var.encrypted }
                """,
            expected: ["aws_efs_file_system.fs": .passed]),
        FamilyCase(
            name: "asymmetric and HMAC keys cannot rotate and are not judged", check: "AL-AWS-KMS-101",
            source: """
                resource "aws_kms_key" "sign" {
                  key_usage                = "SIGN_VERIFY"
                  customer_master_key_spec = "RSA_2048"
                }
                resource "aws_kms_key" "mac" {
                  key_usage                = "GENERATE_VERIFY_MAC"
                  customer_master_key_spec = "HMAC_256"
                }
                resource "aws_kms_key" "data" { enable_key_rotation = false }
                """,
            expected: ["aws_kms_key.data": .failed]),
        FamilyCase(
            name: "registry-wide scanning counts for every repository", check: "AL-AWS-ECR-101",
            source: """
                resource "aws_ecr_registry_scanning_configuration" "this" {
                  scan_type = "ENHANCED"
                  rule {
                    scan_frequency = "CONTINUOUS_SCAN"
                    repository_filter {
                      filter      = "*"
                      filter_type = "WILDCARD"
                    }
                  }
                }
                resource "aws_ecr_repository" "api" { name = "api" }
                """,
            expected: ["aws_ecr_repository.api": .passed]),
        FamilyCase(
            name: "Secrets Manager's AWS managed key is not a CMK", check: "AL-AWS-SECRETSMANAGER-101",
            source: #"resource "aws_secretsmanager_secret" "s" { kms_key_id = "alias/aws/secretsmanager" }"#,
            expected: ["aws_secretsmanager_secret.s": .failed]),

        // Encryption in transit
        FamilyCase(
            name: "an unset protocol on an ALB is HTTP, on an NLB TCP", check: "AL-AWS-ELB-101",
            source: """
                resource "aws_lb" "app" { name = "app" }
                resource "aws_lb" "net" {
                  name               = "net"
                  load_balancer_type = "network"
                }
                resource "aws_lb_listener" "app" {
                  load_balancer_arn = aws_lb.app.arn
                  port              = 80
                  default_action {
                    type             = "forward"
                    target_group_arn = "arn:tg"
                  }
                }
                resource "aws_lb_listener" "net" {
                  load_balancer_arn = aws_lb.net.arn
                  port              = 5432
                  default_action {
                    type             = "forward"
                    target_group_arn = "arn:tg"
                  }
                }
                """,
            expected: ["aws_lb_listener.app": .failed]),
        FamilyCase(
            name: "HTTP listener with a fixed response is still plain HTTP", check: "AL-AWS-ELB-101",
            source: """
                resource "aws_lb_listener" "l" {
                  load_balancer_arn = "arn:lb"
                  port              = 80
                  protocol          = "HTTP"
                  default_action {
                    type = "fixed-response"
                    fixed_response {
                      content_type = "text/plain"
                      status_code  = "404"
                    }
                  }
                }
                """,
            expected: ["aws_lb_listener.l": .failed]),
        FamilyCase(
            name: "Network Load Balancers and ALBs without HTTP listeners", check: "AL-AWS-ELB-102",
            source: """
                resource "aws_lb" "net" {
                  name               = "net"
                  load_balancer_type = "network"
                }
                resource "aws_lb" "app" { name = "app" }
                resource "aws_lb_listener" "https" {
                  load_balancer_arn = aws_lb.app.arn
                  port              = 443
                  protocol          = "HTTPS"
                  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
                  certificate_arn   = "arn:cert"
                  default_action {
                    type             = "forward"
                    target_group_arn = "arn:tg"
                  }
                }
                """,
            expected: ["aws_lb.app": .passed]),
        FamilyCase(
            name: "TLS 1.3 policies that still accept TLS 1.0, the default policy, and good ones", check: "AL-AWS-ELB-103",
            source: """
                resource "aws_lb_listener" "tls13_10" {
                  load_balancer_arn = "arn:lb"
                  protocol          = "HTTPS"
                  ssl_policy        = "ELBSecurityPolicy-TLS13-1-0-2021-06"
                  default_action { type = "forward" }
                }
                resource "aws_lb_listener" "unset" {
                  load_balancer_arn = "arn:lb"
                  protocol          = "HTTPS"
                  default_action { type = "forward" }
                }
                resource "aws_lb_listener" "fs" {
                  load_balancer_arn = "arn:lb"
                  protocol          = "TLS"
                  ssl_policy        = "ELBSecurityPolicy-FS-1-2-Res-2020-10"
                  default_action { type = "forward" }
                }
                resource "aws_lb_listener" "http" {
                  load_balancer_arn = "arn:lb"
                  protocol          = "HTTP"
                  default_action { type = "forward" }
                }
                """,
            expected: ["aws_lb_listener.tls13_10": .failed, "aws_lb_listener.unset": .failed, "aws_lb_listener.fs": .passed]),
        FamilyCase(
            name: "an ordered cache behavior that allows HTTP", check: "AL-AWS-CLOUDFRONT-101",
            source: CloudFrontCase.withOrderedBehavior(policy: "allow-all"),
            expected: ["aws_cloudfront_distribution.site": .failed]),
        FamilyCase(
            name: "TLSv1.2_2019 passes, TLSv1.1_2016 fails", check: "AL-AWS-CLOUDFRONT-102",
            source: CloudFrontCase.withMinimumProtocol("TLSv1.2_2019", name: "good") + "\n" + CloudFrontCase.withMinimumProtocol("TLSv1.1_2016", name: "old"),
            expected: ["aws_cloudfront_distribution.good": .passed, "aws_cloudfront_distribution.old": .failed]),
        FamilyCase(
            name: "S3 origins are not custom origins", check: "AL-AWS-CLOUDFRONT-103",
            source: CloudFrontCase.withMinimumProtocol("TLSv1.2_2021", name: "s3"),
            expected: [:]),

        // Logging
        FamilyCase(
            name: "enable_logging unset means logging", check: "AL-AWS-CLOUDTRAIL-004",
            source: #"resource "aws_cloudtrail" "t" {"# + "\n  name = \"t\"\n  s3_bucket_name = \"b\"\n}",
            expected: ["aws_cloudtrail.t": .passed]),
        FamilyCase(
            name: "each VPC of a for_each needs its own flow log", check: "AL-AWS-VPC-101",
            source: """
                resource "aws_vpc" "this" {
                  for_each   = { app = "10.0.0.0/16", data = "10.1.0.0/16" }
                  cidr_block = each.value
                }
                resource "aws_flow_log" "this" {
                  for_each             = toset(["app"])
                  vpc_id               = aws_vpc.this[each.key].id
                  traffic_type         = "ALL"
                  log_destination_type = "s3"
                  log_destination      = "arn:aws:s3:::flow-logs"
                }
                """,
            expected: [#"aws_vpc.this["app"]"#: .passed, #"aws_vpc.this["data"]"#: .failed]),
        FamilyCase(
            name: "a data source reads a VPC made elsewhere and is not judged", check: "AL-AWS-VPC-101",
            source: #"data "aws_vpc" "default" { default = true }"#, expected: [:]),
        FamilyCase(
            name: "Gateway Load Balancers have no access logs", check: "AL-AWS-ELB-104",
            source: """
                resource "aws_lb" "gw" {
                  name               = "gw"
                  load_balancer_type = "gateway"
                }
                resource "aws_lb" "app" { name = "app" }
                """,
            expected: ["aws_lb.app": .failed]),
        FamilyCase(
            name: "a log group that never expires keeps logs a year", check: "AL-AWS-CLOUDWATCH-002",
            source: """
                resource "aws_cloudwatch_log_group" "unset" { name = "a" }
                resource "aws_cloudwatch_log_group" "zero" {
                  name              = "b"
                  retention_in_days = 0
                }
                resource "aws_cloudwatch_log_group" "short" {
                  name              = "c"
                  retention_in_days = 90
                }
                """,
            expected: ["aws_cloudwatch_log_group.unset": .passed, "aws_cloudwatch_log_group.zero": .passed, "aws_cloudwatch_log_group.short": .failed]),
        FamilyCase(
            name: "but costs for ever", check: "AL-AWS-CLOUDWATCH-003",
            source: """
                resource "aws_cloudwatch_log_group" "unset" { name = "a" }
                resource "aws_cloudwatch_log_group" "zero" {
                  name              = "b"
                  retention_in_days = 0
                }
                resource "aws_cloudwatch_log_group" "short" {
                  name              = "c"
                  retention_in_days = 90
                }
                """,
            expected: ["aws_cloudwatch_log_group.unset": .failed, "aws_cloudwatch_log_group.zero": .failed, "aws_cloudwatch_log_group.short": .passed]),

        // Cost
        FamilyCase(
            name: "sizes around the default maximum, metal, and types it cannot read", check: "AL-AWS-EC2-101",
            source: """
                resource "aws_instance" "at_limit" { instance_type = "m5.4xlarge" }
                resource "aws_instance" "above" { instance_type = "c6i.8xlarge" }
                resource "aws_instance" "metal" { instance_type = "c6g.metal" }
                resource "aws_instance" "metal_sized" { instance_type = "c7i.metal-24xl" }
                resource "aws_instance" "from_template" {
                  launch_template {
                    id = "lt-0123456789abcdef0"
                  }
                }
                resource "aws_launch_template" "no_type" { name = "lt" }
                resource "aws_launch_template" "big" { instance_type = "r6i.24xlarge" }
                """,
            expected: [
                "aws_instance.at_limit": .passed, "aws_instance.above": .failed, "aws_instance.metal": .failed,
                "aws_instance.metal_sized": .failed, "aws_launch_template.big": .failed,
            ]),
        FamilyCase(
            name: "the maximum comes from the settings", check: "AL-AWS-EC2-101",
            source: #"resource "aws_instance" "big" { instance_type = "m5.8xlarge" }"#,
            expected: ["aws_instance.big": .passed], maxInstanceSize: "8xlarge"),
        FamilyCase(
            name: "RDS classes, Aurora instances and serverless", check: "AL-AWS-RDS-101",
            source: """
                resource "aws_db_instance" "big" { instance_class = "db.m6i.12xlarge" }
                resource "aws_db_instance" "ok" { instance_class = "db.t4g.micro" }
                resource "aws_rds_cluster_instance" "aurora" {
                  cluster_identifier = "c"
                  engine             = "aurora-postgresql"
                  instance_class     = "db.r6g.16xlarge"
                }
                resource "aws_rds_cluster_instance" "serverless" {
                  cluster_identifier = "c"
                  engine             = "aurora-postgresql"
                  instance_class     = "db.serverless"
                }
                """,
            expected: ["aws_db_instance.big": .failed, "aws_db_instance.ok": .passed, "aws_rds_cluster_instance.aurora": .failed]),
        FamilyCase(
            name: "block devices: the AMI's type is not judged, written gp2 is", check: "AL-AWS-EBS-101",
            source: """
                resource "aws_instance" "ami_default" {
                  instance_type = "t3.micro"
                  root_block_device {
                    volume_size = 30
                  }
                }
                resource "aws_instance" "gp2_data" {
                  instance_type = "t3.micro"
                  root_block_device {
                    volume_type = "gp3"
                  }
                  ebs_block_device {
                    device_name = "/dev/sdf"
                    volume_type = "gp2"
                    volume_size = 100
                  }
                }
                resource "aws_launch_template" "lt" {
                  block_device_mappings {
                    device_name = "/dev/xvda"
                    ebs {
                      volume_type = "gp2"
                    }
                  }
                }
                """,
            expected: ["aws_instance.gp2_data": .failed, "aws_launch_template.lt": .failed]),
        FamilyCase(
            name: "io2 above what gp3 offers is fine, io1 never is", check: "AL-AWS-EBS-102",
            source: """
                resource "aws_ebs_volume" "io1_big" {
                  availability_zone = "us-east-1a"
                  type              = "io1"
                  iops              = 50000
                  size              = 1000
                }
                resource "aws_ebs_volume" "gp3" {
                  availability_zone = "us-east-1a"
                  type              = "gp3"
                }
                """,
            expected: ["aws_ebs_volume.io1_big": .failed, "aws_ebs_volume.gp3": .passed]),
        FamilyCase(
            name: "storage_type defaults to io1 when iops is set; Aurora is not judged", check: "AL-AWS-RDS-102",
            source: """
                resource "aws_db_instance" "piops" {
                  instance_class = "db.m6i.large"
                  iops           = 3000
                }
                resource "aws_db_instance" "aurora" {
                  instance_class = "db.r6g.large"
                  engine         = "aurora-mysql"
                }
                """,
            expected: ["aws_db_instance.piops": .passed]),

        // Outdated
        FamilyCase(
            name: "nodejs20.x is past end of support, nodejs22.x is not, images have no runtime", check: "AL-AWS-LAMBDA-101",
            source: """
                resource "aws_lambda_function" "old" {
                  function_name = "old"
                  role          = "arn:role"
                  runtime       = "nodejs20.x"
                }
                resource "aws_lambda_function" "current" {
                  function_name = "current"
                  role          = "arn:role"
                  runtime       = "nodejs22.x"
                }
                resource "aws_lambda_function" "image" {
                  function_name = "image"
                  role          = "arn:role"
                  package_type  = "Image"
                  image_uri     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/fn:1"
                }
                """,
            expected: ["aws_lambda_function.old": .failed, "aws_lambda_function.current": .passed]),
        FamilyCase(
            name: "a dynamic cors_rule block is inline too", check: "AL-AWS-S3-107",
            source: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                  dynamic "cors_rule" {
                    for_each = ["https://example.com"]
                    content {
                      allowed_methods = ["GET"]
                      allowed_origins = [cors_rule.value]
                    }
                  }
                }
                """,
            expected: ["aws_s3_bucket.b": .failed]),
        FamilyCase(
            name: "object lock written the v3 way", check: "AL-AWS-S3-109",
            source: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                  object_lock_configuration {
                    object_lock_enabled = "Enabled"
                  }
                }
                resource "aws_s3_bucket" "modern" {
                  bucket              = "m"
                  object_lock_enabled = true
                }
                """,
            expected: ["aws_s3_bucket.b": .failed, "aws_s3_bucket.modern": .passed]),
        FamilyCase(
            name: "groups with mixed instances policies use templates", check: "AL-AWS-EC2-103",
            source: """
                resource "aws_autoscaling_group" "g" {
                  min_size = 1
                  max_size = 2
                  mixed_instances_policy {
                    launch_template {
                      launch_template_specification {
                        launch_template_id = "lt-0123456789abcdef0"
                      }
                    }
                  }
                }
                """,
            expected: ["aws_autoscaling_group.g": .passed]),
        FamilyCase(
            name: "aliased provider blocks are named with their alias", check: "AL-AWS-TERRAFORM-001",
            source: """
                provider "aws" {
                  alias   = "west"
                  region  = "us-west-2"
                  version = "~> 2.0"
                }
                """,
            expected: ["provider.aws.west": .failed]),
        FamilyCase(
            name: "interpolation inside objects and nested blocks, and real templates", check: "AL-AWS-TERRAFORM-002",
            source: """
                variable "name" { default = "x" }
                resource "aws_s3_bucket" "b" {
                  bucket = "${var.name}-logs"
                  tags   = { Name = "${var.name}" }
                }
                resource "aws_security_group" "sg" {
                  ingress {
                    description = "${var.name}"
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                  }
                }
                """,
            expected: ["var.name": .passed, "aws_s3_bucket.b": .failed, "aws_security_group.sg": .failed]),
        FamilyCase(
            name: "legacy string constraints count; no terraform block at all does not", check: "AL-AWS-TERRAFORM-003",
            source: """
                terraform {
                  required_providers {
                    random = "~> 3.0"
                  }
                }
                resource "aws_s3_bucket" "b" { bucket = "b" }
                """,
            expected: ["terraform.required_providers.random": .passed, "terraform": .failed]),
        FamilyCase(
            name: "null_resource", check: "AL-AWS-TERRAFORM-005",
            source: #"resource "null_resource" "n" {}"#, expected: ["null_resource.n": .failed]),
    ]

    @Test(arguments: cases)
    func verdicts(_ c: FamilyCase) throws {
        let found = try findings(c)
        var actual: [String: [Finding.Status]] = [:]
        for f in found { actual[f.resource, default: []].append(f.status) }
        for (resource, status) in c.expected {
            #expect(actual[resource] == [status], "\(resource): expected \(status), got \(actual[resource].map { "\($0)" } ?? "nothing") — \(found.filter { $0.resource == resource }.map(\.message))")
        }
        let unexpected = Set(actual.keys).subtracting(c.expected.keys)
        #expect(unexpected.isEmpty, "judged but not expected: \(unexpected.sorted().map { "\($0) \(actual[$0]!)" })")
        for f in found where f.status == .failed {
            #expect(f.range != nil && f.file != nil, "\(f.resource) fails without a location")
        }
    }

    @Test func failuresPointAtTheAttributeAtFault() throws {
        let c = FamilyCase(
            name: "", check: "AL-AWS-EFS-001",
            source: "resource \"aws_efs_file_system\" \"fs\" {\n  creation_token = \"x\"\n  encrypted = false\n}\n", expected: [:])
        let f = try #require(try findings(c).first)
        #expect(f.status == .failed)
        #expect(f.path == "encrypted")
        #expect(f.range?.start.line == 3)
    }

    @Test func instanceSizesOrderByCapacity() {
        let order = ["t3.nano", "t3.micro", "t3.small", "t3.medium", "m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge", "c7i.metal-24xl", "m5.metal"]
        let capacities = order.map { name in InstanceSizeProbe.capacity(name) }
        #expect(capacities.allSatisfy { $0 != nil })
        #expect(zip(capacities, capacities.dropFirst()).allSatisfy { $0! < $1! }, "\(capacities)")
        #expect(InstanceSizeProbe.capacity("db.serverless") == nil)
    }
}

/// Reads capacities through the cost check itself, since the parser is internal to Policy.
private enum InstanceSizeProbe {
    static func capacity(_ name: String) -> Double? {
        // Each size is judged against a maximum of every other size; the number of sizes
        // it exceeds orders them the way capacity does.
        let sizes = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "24xlarge", "48xlarge", "96xlarge"]
        guard let check = Catalog.all.first(where: { $0.metadata.id == "AL-AWS-EC2-101" }) else { return nil }
        var exceeded = 0
        var judged = false
        for size in sizes {
            var settings = PolicySettings()
            settings.maxInstanceSize = size
            let instance = ResourceInstance(
                mode: .managed, type: "aws_instance", name: "x", values: .object(["instance_type": .string(name)]),
                origin: .state(path: "s"))
            switch check.evaluate(instance, CheckContext(graph: ResourceGraph([instance]), settings: settings)) {
            case .failed: exceeded += 1; judged = true
            case .passed: judged = true
            case .unknown, .notApplicable: break
            }
        }
        return judged ? Double(exceeded) : nil
    }
}

/// CloudFront distributions for the cases above.
private enum CloudFrontCase {
    static func withOrderedBehavior(policy: String) -> String {
        """
        resource "aws_cloudfront_distribution" "site" {
          enabled = true
          origin {
            domain_name = "site.s3.amazonaws.com"
            origin_id   = "site"
          }
          default_cache_behavior {
            target_origin_id       = "site"
            allowed_methods        = ["GET", "HEAD"]
            cached_methods         = ["GET", "HEAD"]
            viewer_protocol_policy = "redirect-to-https"
          }
          ordered_cache_behavior {
            path_pattern           = "/legacy/*"
            target_origin_id       = "site"
            allowed_methods        = ["GET", "HEAD"]
            cached_methods         = ["GET", "HEAD"]
            viewer_protocol_policy = "\(policy)"
          }
          restrictions {
            geo_restriction {
              restriction_type = "none"
            }
          }
          viewer_certificate {
            cloudfront_default_certificate = true
          }
        }
        """
    }

    static func withMinimumProtocol(_ version: String, name: String) -> String {
        """
        resource "aws_cloudfront_distribution" "\(name)" {
          enabled = true
          origin {
            domain_name = "site.s3.amazonaws.com"
            origin_id   = "site"
          }
          default_cache_behavior {
            target_origin_id       = "site"
            allowed_methods        = ["GET", "HEAD"]
            cached_methods         = ["GET", "HEAD"]
            viewer_protocol_policy = "redirect-to-https"
          }
          restrictions {
            geo_restriction {
              restriction_type = "none"
            }
          }
          viewer_certificate {
            acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/x"
            ssl_support_method       = "sni-only"
            minimum_protocol_version = "\(version)"
          }
        }
        """
    }
}
