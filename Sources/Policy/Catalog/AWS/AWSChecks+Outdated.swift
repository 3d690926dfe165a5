import HCL
import Terraform

/// Outdated patterns: AWS provider v4+ deprecations that agents trained on old examples
/// still write, deprecated Lambda runtimes, and old Terraform syntax.
extension AWSChecks {
    static let outdated: [Check] = (s3InlineArguments + [
        Check(
            CheckMetadata(
                id: "AL-AWS-S3-110",
                title: "aws_s3_object is used instead of the deprecated aws_s3_bucket_object",
                description: "aws_s3_bucket_object is deprecated since AWS provider v4 and kept only for compatibility; aws_s3_object replaces it with the same arguments and gets the fixes.",
                severity: .info, category: .outdated, service: "s3", resourceTypes: ["aws_s3_bucket_object", "aws_s3_object"],
                remediation: "Rename the resource type to aws_s3_object and add a moved block (Terraform 1.8+ moves between these types) or import it.",
                snippet: """
                    resource "aws_s3_object" "index" {
                      bucket = aws_s3_bucket.site.id
                      key    = "index.html"
                      source = "site/index.html"
                    }

                    moved {
                      from = aws_s3_bucket_object.index
                      to   = aws_s3_object.index
                    }
                    """,
                references: ["https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade#s3-bucket-object"]),
            passing: """
                resource "aws_s3_object" "index" {
                  bucket  = "site-111122223333"
                  key     = "index.html"
                  content = "<h1>hello</h1>"
                }
                """,
            failing: """
                resource "aws_s3_bucket_object" "index" {
                  bucket  = "site-111122223333"
                  key     = "index.html"
                  content = "<h1>hello</h1>"
                }
                """
        ) { object, _ in
            object.type == "aws_s3_bucket_object"
                ? .failed(path: "", message: "\(object.address) uses the deprecated aws_s3_bucket_object; use aws_s3_object.")
                : .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-LAMBDA-101", aliases: ["CKV_AWS_363"],
                title: "Lambda function does not use a deprecated runtime",
                description: "Once a runtime reaches end of support Lambda stops patching it, then blocks creating and later updating functions that use it, so the next deploy fails. Judged against AWS's deprecation table as of \(LambdaRuntimes.asOf) (nodejs18.x, python3.9, java8, go1.x, dotnet6 and older are past it).",
                severity: .medium, category: .outdated, service: "lambda", resourceTypes: ["aws_lambda_function"],
                remediation: "Move to a supported runtime of the same language (nodejs24.x, python3.14, java25, dotnet10, ruby3.4, provided.al2023) and test the function on it.",
                snippet: """
                    resource "aws_lambda_function" "api" {
                      function_name = "api"
                      role          = aws_iam_role.api.arn
                      runtime       = "python3.13"
                      handler       = "app.handler"
                      filename      = "build/api.zip"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"]),
            passing: """
                resource "aws_lambda_function" "api" {
                  function_name = "api"
                  role          = "arn:aws:iam::111122223333:role/api"
                  runtime       = "python3.13"
                  handler       = "app.handler"
                  filename      = "api.zip"
                }
                """,
            failing: """
                resource "aws_lambda_function" "api" {
                  function_name = "api"
                  role          = "arn:aws:iam::111122223333:role/api"
                  runtime       = "python3.8"
                  handler       = "app.handler"
                  filename      = "api.zip"
                }
                """
        ) { function, _ in
            guard let v = function.value("runtime"), !v.isNull else { return .notApplicable }  // container image
            guard v.isKnown else { return AttributeRules.unknown(function, "runtime") }
            guard let runtime = v.stringValue else { return .notApplicable }
            if let day = LambdaRuntimes.deprecation(of: runtime) {
                return .failed(path: "runtime", message: "Lambda function \(function.address) uses \(runtime), out of support since \(day); move to \(LambdaRuntimes.successor(of: runtime)).")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EC2-103",
                title: "Auto Scaling uses launch templates, not launch configurations",
                description: "AWS no longer adds new instance types or features to launch configurations and has stopped accepting them in new accounts; launch templates replace them (versioning, mixed instances, IMDSv2 settings).",
                severity: .low, category: .outdated, service: "ec2", resourceTypes: ["aws_launch_configuration", "aws_autoscaling_group"],
                remediation: "Replace the aws_launch_configuration with an aws_launch_template and point the group's launch_template block at it.",
                snippet: """
                    resource "aws_launch_template" "web" {
                      name_prefix   = "web-"
                      image_id      = data.aws_ami.al2023.id
                      instance_type = "t3.small"
                      metadata_options {
                        http_tokens = "required"
                      }
                    }

                    resource "aws_autoscaling_group" "web" {
                      min_size            = 2
                      max_size            = 4
                      vpc_zone_identifier = var.private_subnet_ids
                      launch_template {
                        id      = aws_launch_template.web.id
                        version = "$Latest"
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html"]),
            passing: """
                resource "aws_launch_template" "web" {
                  name_prefix   = "web-"
                  image_id      = "ami-0123456789abcdef0"
                  instance_type = "t3.small"
                }
                resource "aws_autoscaling_group" "web" {
                  min_size            = 2
                  max_size            = 4
                  vpc_zone_identifier = ["subnet-1", "subnet-2"]
                  launch_template {
                    id      = aws_launch_template.web.id
                    version = "$Latest"
                  }
                }
                """,
            failing: """
                resource "aws_launch_configuration" "web" {
                  name_prefix   = "web-"
                  image_id      = "ami-0123456789abcdef0"
                  instance_type = "t3.small"
                }
                resource "aws_autoscaling_group" "web" {
                  min_size             = 2
                  max_size             = 4
                  vpc_zone_identifier  = ["subnet-1", "subnet-2"]
                  launch_configuration = aws_launch_configuration.web.name
                }
                """
        ) { resource, _ in
            if resource.type == "aws_launch_configuration" {
                return .failed(path: "", message: "\(resource.address) is a launch configuration, which AWS no longer develops; use aws_launch_template.")
            }
            switch resource.presence(of: "launch_configuration") {
            case .set: return .failed(path: "launch_configuration", message: "Auto Scaling group \(resource.address) launches from a launch configuration; use a launch template.")
            case .unset: return .passed
            case .unknown: return AttributeRules.unknown(resource, "launch_configuration")
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EC2-104",
                title: "Elastic IP uses domain = \"vpc\", not the deprecated vpc argument",
                description: "The vpc argument of aws_eip is deprecated since AWS provider v5 (EC2-Classic is gone) and will be removed; domain = \"vpc\" replaces it.",
                severity: .info, category: .outdated, service: "ec2", resourceTypes: ["aws_eip"],
                remediation: "Replace vpc = true with domain = \"vpc\".",
                snippet: """
                    resource "aws_eip" "nat" {
                      domain = "vpc"
                    }
                    """,
                references: ["https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade#resourceaws_eip"]),
            passing: """
                resource "aws_eip" "nat" {
                  domain = "vpc"
                }
                """,
            failing: """
                resource "aws_eip" "nat" {
                  vpc = true
                }
                """
        ) { eip, _ in
            guard let writes = eip.configurationWrites("vpc") else { return .notApplicable }
            return writes ? .failed(path: "vpc", message: "Elastic IP \(eip.address) uses the deprecated vpc argument; write domain = \"vpc\".") : .passed
        },
    ]).map(\.judgingManagedResourcesOnly)

    /// One check per argument of aws_s3_bucket that provider v4 split into its own
    /// resource: each points at the argument and shows the resource that replaces it.
    static let s3InlineArguments: [Check] = [
        S3InlineArgument(
            number: 101, argument: "acl", replacement: "aws_s3_bucket_acl",
            note: " Most buckets need no ACL at all: since April 2023 new buckets disable ACLs (object ownership BucketOwnerEnforced), so an ACL other than private makes the apply fail; prefer aws_s3_bucket_ownership_controls.",
            inline: "  acl = \"private\"",
            split: """
                resource "aws_s3_bucket_ownership_controls" "data" {
                  bucket = aws_s3_bucket.data.id
                  rule {
                    object_ownership = "BucketOwnerEnforced"
                  }
                }
                """),
        S3InlineArgument(
            number: 102, argument: "versioning", replacement: "aws_s3_bucket_versioning",
            inline: "  versioning {\n    enabled = true\n  }",
            split: """
                resource "aws_s3_bucket_versioning" "data" {
                  bucket = aws_s3_bucket.data.id
                  versioning_configuration {
                    status = "Enabled"
                  }
                }
                """),
        S3InlineArgument(
            number: 103, argument: "logging", replacement: "aws_s3_bucket_logging",
            inline: "  logging {\n    target_bucket = \"access-logs-111122223333\"\n    target_prefix = \"data/\"\n  }",
            split: """
                resource "aws_s3_bucket_logging" "data" {
                  bucket        = aws_s3_bucket.data.id
                  target_bucket = "access-logs-111122223333"
                  target_prefix = "data/"
                }
                """),
        S3InlineArgument(
            number: 104, argument: "server_side_encryption_configuration", replacement: "aws_s3_bucket_server_side_encryption_configuration",
            inline: """
                  server_side_encryption_configuration {
                    rule {
                      apply_server_side_encryption_by_default {
                        sse_algorithm = "aws:kms"
                      }
                    }
                  }
                """,
            split: """
                resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
                  bucket = aws_s3_bucket.data.id
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = "aws:kms"
                    }
                    bucket_key_enabled = true
                  }
                }
                """),
        S3InlineArgument(
            number: 105, argument: "lifecycle_rule", replacement: "aws_s3_bucket_lifecycle_configuration",
            inline: """
                  lifecycle_rule {
                    id      = "expire"
                    enabled = true
                    expiration {
                      days = 90
                    }
                  }
                """,
            split: """
                resource "aws_s3_bucket_lifecycle_configuration" "data" {
                  bucket = aws_s3_bucket.data.id
                  rule {
                    id     = "expire"
                    status = "Enabled"
                    filter {}
                    expiration {
                      days = 90
                    }
                  }
                }
                """),
        S3InlineArgument(
            number: 106, argument: "website", replacement: "aws_s3_bucket_website_configuration",
            inline: "  website {\n    index_document = \"index.html\"\n  }",
            split: """
                resource "aws_s3_bucket_website_configuration" "data" {
                  bucket = aws_s3_bucket.data.id
                  index_document {
                    suffix = "index.html"
                  }
                }
                """),
        S3InlineArgument(
            number: 107, argument: "cors_rule", replacement: "aws_s3_bucket_cors_configuration",
            inline: "  cors_rule {\n    allowed_methods = [\"GET\"]\n    allowed_origins = [\"https://example.com\"]\n  }",
            split: """
                resource "aws_s3_bucket_cors_configuration" "data" {
                  bucket = aws_s3_bucket.data.id
                  cors_rule {
                    allowed_methods = ["GET"]
                    allowed_origins = ["https://example.com"]
                  }
                }
                """),
        S3InlineArgument(
            number: 108, argument: "policy", replacement: "aws_s3_bucket_policy",
            inline: "  policy = jsonencode({ Version = \"2012-10-17\", Statement = [] })",
            split: """
                resource "aws_s3_bucket_policy" "data" {
                  bucket = aws_s3_bucket.data.id
                  policy = data.aws_iam_policy_document.data.json
                }
                """),
        S3InlineArgument(
            number: 109, argument: "replication_configuration", replacement: "aws_s3_bucket_replication_configuration",
            also: ["grant": "aws_s3_bucket_acl", "acceleration_status": "aws_s3_bucket_accelerate_configuration",
                   "request_payer": "aws_s3_bucket_request_payment_configuration",
                   "object_lock_configuration": "aws_s3_bucket_object_lock_configuration"],
            inline: "  request_payer = \"Requester\"",
            split: """
                resource "aws_s3_bucket_request_payment_configuration" "data" {
                  bucket = aws_s3_bucket.data.id
                  payer  = "Requester"
                }
                """),
    ].map(\.check)

    static let outdatedModule: [ModuleCheck] = [
        ModuleCheck(
            CheckMetadata(
                id: "AL-AWS-TERRAFORM-001",
                title: "Provider versions are constrained in required_providers, not in provider blocks",
                description: "The version argument of a provider block is deprecated since Terraform 0.13 and ignored by module installation logic; a child module's copy can even conflict with the root. Version constraints belong in terraform { required_providers }.",
                severity: .low, category: .outdated, service: "terraform", resourceTypes: [],
                remediation: "Remove version from the provider block and put the constraint in required_providers.",
                snippet: """
                    terraform {
                      required_providers {
                        aws = {
                          source  = "hashicorp/aws"
                          version = "~> 5.0"
                        }
                      }
                    }

                    provider "aws" {
                      region = "us-east-1"
                    }
                    """,
                references: ["https://developer.hashicorp.com/terraform/language/providers/configuration#version-deprecated"]),
            passing: """
                terraform {
                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "~> 5.0"
                    }
                  }
                }
                provider "aws" {
                  region = "us-east-1"
                }
                """,
            failing: """
                provider "aws" {
                  region  = "us-east-1"
                  version = "~> 3.0"
                }
                """
        ) { module in
            var verdicts: [ModuleVerdict] = []
            for file in module.files {
                for block in file.body.blocks(ofType: "provider") {
                    let subject = ModuleFacts.providerSubject(block)
                    if let version = block.body.attribute("version") {
                        verdicts.append(ModuleVerdict(
                            subject: subject, file: file.path, range: version.range, passed: false,
                            message: "The provider block \(subject) sets version, deprecated since Terraform 0.13; move the constraint to required_providers."))
                    } else {
                        verdicts.append(ModuleVerdict(subject: subject, file: file.path, range: block.headerRange, passed: true, message: "No version argument in the provider block."))
                    }
                }
            }
            return verdicts
        },

        ModuleCheck(
            CheckMetadata(
                id: "AL-AWS-TERRAFORM-002",
                title: "No interpolation-only expressions",
                description: "\"${var.name}\" is Terraform 0.11 syntax: since 0.12 an expression stands on its own, and wrapping it in a template only hides its type (a list inside \"${...}\" reads like a string). Terraform deprecated the form and terraform fmt rewrites it.",
                severity: .info, category: .outdated, service: "terraform", resourceTypes: [],
                remediation: "Write the expression without quotes and ${ }: bucket = var.name.",
                snippet: """
                    resource "aws_s3_bucket" "data" {
                      bucket = var.bucket_name
                      tags   = local.tags
                    }
                    """,
                references: ["https://developer.hashicorp.com/terraform/language/expressions/strings#interpolation"]),
            passing: """
                variable "bucket_name" {
                  type    = string
                  default = "data"
                }
                resource "aws_s3_bucket" "data" {
                  bucket = var.bucket_name
                  tags   = { Name = "${var.bucket_name}-bucket" }
                }
                """,
            failing: """
                variable "bucket_name" {
                  type    = string
                  default = "data"
                }
                resource "aws_s3_bucket" "data" {
                  bucket = "${var.bucket_name}"
                }
                """
        ) { module in
            var verdicts: [ModuleVerdict] = []
            for file in module.files {
                for block in file.body.blocks {
                    var found = false
                    for attribute in ExpressionWalk.attributes(in: block.body) {
                        for case .templateWrap(_, let range) in ExpressionWalk.all(in: attribute.expression) {
                            found = true
                            verdicts.append(ModuleVerdict(
                                subject: block.subjectName, file: file.path, range: range, passed: false,
                                message: "\(attribute.name) in \(block.subjectName) wraps a single expression in \"${...}\"; write the expression alone."))
                        }
                    }
                    if !found {
                        verdicts.append(ModuleVerdict(subject: block.subjectName, file: file.path, range: block.headerRange, passed: true, message: "No interpolation-only expressions."))
                    }
                }
            }
            return verdicts
        },

        ModuleCheck(
            CheckMetadata(
                id: "AL-AWS-TERRAFORM-003",
                title: "Required providers have version constraints",
                description: "Without a version constraint, terraform init takes the newest provider, so a major release (AWS v4's S3 split, v5's removals) lands in the next unrelated plan. A module that uses AWS resources should declare hashicorp/aws with a version in required_providers.",
                severity: .medium, category: .outdated, service: "terraform", resourceTypes: [],
                remediation: "Declare each provider in terraform { required_providers } with source and version (\"~> 5.0\" in a root module, a minimum \">= 5.0\" in a shared module).",
                snippet: """
                    terraform {
                      required_version = ">= 1.5"
                      required_providers {
                        aws = {
                          source  = "hashicorp/aws"
                          version = "~> 5.0"
                        }
                      }
                    }
                    """,
                references: ["https://developer.hashicorp.com/terraform/language/providers/requirements"]),
            passing: """
                terraform {
                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "~> 5.0"
                    }
                  }
                }
                resource "aws_s3_bucket" "data" {
                  bucket = "data"
                }
                """,
            failing: """
                terraform {
                  required_providers {
                    aws = {
                      source = "hashicorp/aws"
                    }
                  }
                }
                resource "aws_s3_bucket" "data" {
                  bucket = "data"
                }
                """
        ) { module in
            ModuleFacts.judgeRequiredProviders(module)
        },

        ModuleCheck(
            CheckMetadata(
                id: "AL-AWS-TERRAFORM-004",
                title: "No template provider data sources",
                description: "The hashicorp/template provider is archived and has no builds for Apple silicon or new platforms, so init fails there. data \"template_file\" is replaced by the built-in templatefile() function, and template_cloudinit_config by the hashicorp/cloudinit provider.",
                severity: .low, category: .outdated, service: "terraform", resourceTypes: [],
                remediation: "Replace data.template_file.x.rendered with templatefile(\"path\", { ... }); use cloudinit_config for cloud-init.",
                snippet: """
                    resource "aws_instance" "web" {
                      ami           = data.aws_ami.al2023.id
                      instance_type = "t3.small"
                      user_data     = templatefile("${path.module}/user_data.sh.tftpl", { region = var.region })
                    }
                    """,
                references: ["https://registry.terraform.io/providers/hashicorp/template/latest/docs", "https://developer.hashicorp.com/terraform/language/functions/templatefile"]),
            passing: """
                resource "aws_instance" "web" {
                  ami           = "ami-0123456789abcdef0"
                  instance_type = "t3.small"
                  user_data     = templatestring("region=$${region}", { region = "us-east-1" })
                }
                """,
            failing: """
                data "template_file" "user_data" {
                  template = "region=$${region}"
                  vars = {
                    region = "us-east-1"
                  }
                }
                """
        ) { module in
            var verdicts: [ModuleVerdict] = []
            for file in module.files {
                for block in file.body.blocks(ofType: "data") {
                    guard let type = block.labels.first, type == "template_file" || type == "template_cloudinit_config" else { continue }
                    let replacement = type == "template_file" ? "the templatefile() function" : "cloudinit_config (hashicorp/cloudinit)"
                    verdicts.append(ModuleVerdict(
                        subject: block.subjectName, file: file.path, range: block.headerRange, passed: false,
                        message: "\(block.subjectName) uses the archived template provider; use \(replacement)."))
                }
            }
            return verdicts
        },

        ModuleCheck(
            CheckMetadata(
                id: "AL-AWS-TERRAFORM-005",
                title: "terraform_data is used instead of null_resource",
                description: "Since Terraform 1.4 the built-in terraform_data resource does what null_resource did (triggers_replace, provisioners) without the hashicorp/null provider to download and pin.",
                severity: .info, category: .outdated, service: "terraform", resourceTypes: [],
                remediation: "Replace null_resource with terraform_data, triggers with triggers_replace, and add a moved block.",
                snippet: """
                    resource "terraform_data" "migrate" {
                      triggers_replace = [aws_db_instance.app.id]
                      provisioner "local-exec" {
                        command = "./migrate.sh"
                      }
                    }
                    """,
                references: ["https://developer.hashicorp.com/terraform/language/resources/terraform-data"]),
            passing: """
                resource "terraform_data" "migrate" {
                  triggers_replace = ["v1"]
                }
                """,
            failing: """
                resource "null_resource" "migrate" {
                  triggers = {
                    version = "v1"
                  }
                }
                """
        ) { module in
            var verdicts: [ModuleVerdict] = []
            for file in module.files {
                for block in file.body.blocks(ofType: "resource") where block.labels.first == "null_resource" {
                    verdicts.append(ModuleVerdict(
                        subject: block.subjectName, file: file.path, range: block.headerRange, passed: false,
                        message: "\(block.subjectName) uses null_resource; the built-in terraform_data needs no provider."))
                }
            }
            return verdicts
        },
    ]
}
