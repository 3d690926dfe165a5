import HCL
import Terraform

/// S3: a bucket judged together with the resources that configure it (provider v4+ split
/// versioning, encryption, public access blocks, logging, lifecycle, ACLs and policies into
/// their own resources; the v3 inline arguments still count), plus the account-level
/// public access block and object ACLs.
extension AWSChecks {
    static let s3: [Check] = [
        Check(
            CheckMetadata(
                id: "AL-AWS-S3-001", aliases: ["CKV_AWS_21"],
                title: "S3 bucket versioning is enabled",
                description: "Without versioning, an overwrite or delete (by a person, a bug or ransomware) destroys the only copy of an object.",
                severity: .medium, category: .resilience, service: "s3", resourceTypes: ["aws_s3_bucket"],
                remediation: "Add an aws_s3_bucket_versioning resource for the bucket with status = \"Enabled\".",
                snippet: """
                    resource "aws_s3_bucket_versioning" "this" {
                      bucket = aws_s3_bucket.this.id
                      versioning_configuration {
                        status = "Enabled"
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"]),
            passing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "data"
                }
                resource "aws_s3_bucket_versioning" "data" {
                  bucket = aws_s3_bucket.data.id
                  versioning_configuration {
                    status = "Enabled"
                  }
                }
                """,
            failing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "data"
                }
                """
        ) { bucket, context in
            S3Rules.bucketSetting(
                bucket, context, what: "versioning",
                inline: "versioning", { v in S3Rules.bool(v, "enabled") },
                linked: "aws_s3_bucket_versioning", { v in (S3Rules.equals(v, "versioning_configuration[0].status", "Enabled"), "versioning_configuration[0].status") },
                missing: "Bucket \(bucket.address) has no aws_s3_bucket_versioning resource enabling versioning.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-002", aliases: ["CKV_AWS_19"],
                title: "S3 bucket declares default encryption",
                description: "A bucket should say how objects are encrypted at rest. Since January 2023 AWS encrypts new objects with SSE-S3 even without a configuration, so this is low severity: it makes the choice explicit and reviewable, and it is where a KMS key would go. Checkov's CKV_AWS_19 passes a bucket with no encryption configuration for that reason; Airlock reports it.",
                severity: .low, category: .encryption, service: "s3", resourceTypes: ["aws_s3_bucket"],
                remediation: "Add an aws_s3_bucket_server_side_encryption_configuration resource with a default rule (AES256, or aws:kms with a key).",
                snippet: """
                    resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
                      bucket = aws_s3_bucket.this.id
                      rule {
                        apply_server_side_encryption_by_default {
                          sse_algorithm = "AES256"
                        }
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html"]),
            passing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
                  bucket = aws_s3_bucket.data.id
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = "AES256"
                    }
                  }
                }
                """,
            failing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                """
        ) { bucket, context in
            S3Rules.bucketSetting(
                bucket, context, what: "default encryption",
                inline: "server_side_encryption_configuration", { v in S3Rules.sseAlgorithm(inInline: v, S3Rules.anySSE) },
                linked: "aws_s3_bucket_server_side_encryption_configuration", { c in (S3Rules.sseAlgorithm(c, S3Rules.anySSE), "rule") },
                missing: "Bucket \(bucket.address) has no aws_s3_bucket_server_side_encryption_configuration: the encryption at rest is whatever the account default is.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-003", aliases: ["CKV_AWS_145"],
                title: "S3 bucket encrypts with KMS by default",
                description: "SSE-S3 keys are managed and usable by S3 alone; SSE-KMS adds a key policy, CloudTrail records of every use, and the option to revoke access by disabling the key. Worth it for buckets holding personal or regulated data.",
                severity: .low, category: .encryption, service: "s3", resourceTypes: ["aws_s3_bucket"],
                remediation: "Set sse_algorithm = \"aws:kms\" (or \"aws:kms:dsse\") with a kms_master_key_id in the bucket's encryption configuration.",
                snippet: """
                    resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
                      bucket = aws_s3_bucket.this.id
                      rule {
                        apply_server_side_encryption_by_default {
                          sse_algorithm     = "aws:kms"
                          kms_master_key_id = aws_kms_key.s3.arn
                        }
                        bucket_key_enabled = true
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html"]),
            passing: """
                resource "aws_kms_key" "s3" {
                  description         = "S3 data key"
                  enable_key_rotation = true
                }
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
                  bucket = aws_s3_bucket.data.id
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm     = "aws:kms"
                      kms_master_key_id = aws_kms_key.s3.arn
                    }
                    bucket_key_enabled = true
                  }
                }
                """,
            failing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
                  bucket = aws_s3_bucket.data.id
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = "AES256"
                    }
                  }
                }
                """
        ) { bucket, context in
            S3Rules.bucketSetting(
                bucket, context, what: "KMS default encryption",
                inline: "server_side_encryption_configuration", { v in S3Rules.sseAlgorithm(inInline: v, S3Rules.kmsSSE) },
                linked: "aws_s3_bucket_server_side_encryption_configuration", { c in (S3Rules.sseAlgorithm(c, S3Rules.kmsSSE), "rule") },
                missing: "Bucket \(bucket.address) is not encrypted with a KMS key by default.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-004", aliases: ["CKV2_AWS_6"],
                title: "S3 bucket has a public access block with all four settings on",
                description: "The public access block is the guard rail that keeps a later ACL or bucket policy from making the bucket public. Without one (or with any of its four settings off) a single mistaken policy exposes every object. An account-level block with all four settings on protects every bucket.",
                severity: .high, category: .publicExposure, service: "s3", resourceTypes: ["aws_s3_bucket"],
                remediation: "Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true.",
                snippet: """
                    resource "aws_s3_bucket_public_access_block" "this" {
                      bucket                  = aws_s3_bucket.this.id
                      block_public_acls       = true
                      block_public_policy     = true
                      ignore_public_acls      = true
                      restrict_public_buckets = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"]),
            passing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                resource "aws_s3_bucket_public_access_block" "data" {
                  bucket                  = aws_s3_bucket.data.id
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                }
                """,
            failing: """
                resource "aws_s3_bucket" "site" {
                  bucket = "company-site"
                }
                resource "aws_s3_bucket_public_access_block" "site" {
                  bucket                  = aws_s3_bucket.site.id
                  block_public_acls       = false
                  block_public_policy     = false
                  ignore_public_acls      = false
                  restrict_public_buckets = false
                }
                """
        ) { bucket, context in
            guard bucket.mode == .managed else { return .notApplicable }
            // An account-wide block covers every bucket.
            if context.graph.instances(ofType: "aws_s3_account_public_access_block").contains(where: { S3Rules.allFourBlocks($0) == .yes }) {
                return .passed
            }
            return S3Rules.bucketSetting(
                bucket, context, what: "all four public access block settings",
                inline: nil, { _ in .no },
                linked: "aws_s3_bucket_public_access_block", { c in
                    let missing = S3Rules.publicAccessSettings.first { c.bool($0) != true && !c.isUnknown($0) }
                    if let missing { return (.no, missing) }
                    let unknown = S3Rules.publicAccessSettings.first { c.isUnknown($0) }
                    return (unknown == nil ? .yes : .maybe, unknown ?? "")
                },
                missing: "Bucket \(bucket.address) has no aws_s3_bucket_public_access_block: nothing stops a later ACL or policy from making it public.")
        },

        S3Rules.publicAccessSetting(
            id: "AL-AWS-S3-005", alias: "CKV_AWS_53", setting: "block_public_acls",
            title: "S3 public access block blocks public ACLs",
            effect: "S3 rejects PUT requests (bucket or object ACLs) that would grant public access."),
        S3Rules.publicAccessSetting(
            id: "AL-AWS-S3-006", alias: "CKV_AWS_54", setting: "block_public_policy",
            title: "S3 public access block blocks public bucket policies",
            effect: "S3 rejects a bucket policy that grants public access."),
        S3Rules.publicAccessSetting(
            id: "AL-AWS-S3-007", alias: "CKV_AWS_55", setting: "ignore_public_acls",
            title: "S3 public access block ignores public ACLs",
            effect: "S3 ignores public ACLs already on the bucket and its objects."),
        S3Rules.publicAccessSetting(
            id: "AL-AWS-S3-008", alias: "CKV_AWS_56", setting: "restrict_public_buckets",
            title: "S3 public access block restricts public buckets",
            effect: "Only AWS services and principals of the bucket owner's account can reach a bucket whose policy is public."),

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-009", aliases: ["CKV_AWS_20"],
                title: "S3 bucket ACL does not grant public read",
                description: "A public-read (or public-read-write) canned ACL, or a grant to the AllUsers group, lets anyone on the internet list the bucket's objects and, through object ACLs, read them: the classic S3 data leak.",
                severity: .critical, category: .publicExposure, service: "s3", resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_acl"],
                remediation: "Use the private canned ACL (or better, disable ACLs with object_ownership = \"BucketOwnerEnforced\") and serve public content through CloudFront with origin access control.",
                snippet: """
                    resource "aws_s3_bucket_ownership_controls" "this" {
                      bucket = aws_s3_bucket.this.id
                      rule {
                        object_ownership = "BucketOwnerEnforced"
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl"]),
            passing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                resource "aws_s3_bucket_acl" "data" {
                  bucket = aws_s3_bucket.data.id
                  acl    = "private"
                }
                """,
            failing: """
                resource "aws_s3_bucket" "site" {
                  bucket = "company-site"
                }
                resource "aws_s3_bucket_acl" "site" {
                  bucket = aws_s3_bucket.site.id
                  acl    = "public-read"
                }
                """
        ) { r, _ in
            S3Rules.acl(r, grantee: S3Rules.allUsers, cannedACLs: ["public-read", "public-read-write"], permissions: ["READ", "FULL_CONTROL"], exposure: "public read")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-010", aliases: ["CKV_AWS_57"],
                title: "S3 bucket ACL does not grant public write",
                description: "public-read-write, or a WRITE / FULL_CONTROL grant to AllUsers, lets anyone upload, overwrite and (without versioning) destroy objects, and turns the bucket into free hosting for malware at the owner's expense.",
                severity: .critical, category: .publicExposure, service: "s3", resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_acl"],
                remediation: "Remove the public-read-write ACL and AllUsers write grants; let writers use IAM roles or presigned URLs.",
                snippet: """
                    resource "aws_s3_bucket_acl" "this" {
                      bucket = aws_s3_bucket.this.id
                      acl    = "private"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl"]),
            passing: """
                resource "aws_s3_bucket" "uploads" {
                  bucket = "company-uploads"
                }
                resource "aws_s3_bucket_acl" "uploads" {
                  bucket = aws_s3_bucket.uploads.id
                  acl    = "private"
                }
                """,
            failing: """
                resource "aws_s3_bucket" "uploads" {
                  bucket = "company-uploads"
                }
                resource "aws_s3_bucket_acl" "uploads" {
                  bucket = aws_s3_bucket.uploads.id
                  acl    = "public-read-write"
                }
                """
        ) { r, _ in
            S3Rules.acl(r, grantee: S3Rules.allUsers, cannedACLs: ["public-read-write"], permissions: ["WRITE", "WRITE_ACP", "FULL_CONTROL"], exposure: "public write")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-011", aliases: ["CKV2_AWS_43"],
                title: "S3 bucket ACL does not grant access to all authenticated AWS users",
                description: "authenticated-read, or a grant to the AuthenticatedUsers group, does not mean \"users of my account\": it means anyone with any AWS account, which is anyone.",
                severity: .high, category: .publicExposure, service: "s3", resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_acl"],
                remediation: "Grant access to specific accounts or roles through the bucket policy instead of the AuthenticatedUsers group.",
                snippet: """
                    resource "aws_s3_bucket_acl" "this" {
                      bucket = aws_s3_bucket.this.id
                      acl    = "private"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups"]),
            passing: """
                resource "aws_s3_bucket" "reports" {
                  bucket = "company-reports"
                }
                resource "aws_s3_bucket_acl" "reports" {
                  bucket = aws_s3_bucket.reports.id
                  acl    = "private"
                }
                """,
            failing: """
                resource "aws_s3_bucket" "reports" {
                  bucket = "company-reports"
                }
                resource "aws_s3_bucket_acl" "reports" {
                  bucket = aws_s3_bucket.reports.id
                  access_control_policy {
                    owner {
                      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
                    }
                    grant {
                      permission = "READ"
                      grantee {
                        type = "Group"
                        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
                      }
                    }
                  }
                }
                """
        ) { r, _ in
            S3Rules.acl(r, grantee: S3Rules.authenticatedUsers, cannedACLs: ["authenticated-read"], permissions: ["READ", "READ_ACP", "WRITE", "WRITE_ACP", "FULL_CONTROL"], exposure: "access for every AWS account")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-012", aliases: ["CKV_AWS_70"],
                title: "S3 bucket policy does not allow any principal without a restricting condition",
                description: "An Allow statement with Principal \"*\" (or {AWS = \"*\"}) grants its actions to everyone on the internet unless a condition narrows who can use it (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn ...). A condition on something else, such as aws:SecureTransport, does not.",
                severity: .critical, category: .publicExposure, service: "s3", resourceTypes: ["aws_s3_bucket_policy", "aws_s3_bucket"],
                remediation: "Name the principals (account roots, roles, CloudFront's service principal with an aws:SourceArn condition), or add a condition that limits access to your organisation, VPC endpoint or source ARN.",
                snippet: """
                    resource "aws_s3_bucket_policy" "this" {
                      bucket = aws_s3_bucket.this.id
                      policy = jsonencode({
                        Version = "2012-10-17"
                        Statement = [{
                          Sid       = "CloudFrontRead"
                          Effect    = "Allow"
                          Principal = { Service = "cloudfront.amazonaws.com" }
                          Action    = "s3:GetObject"
                          Resource  = "${aws_s3_bucket.this.arn}/*"
                          Condition = { StringEquals = { "aws:SourceArn" = aws_cloudfront_distribution.this.arn } }
                        }]
                      })
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html"]),
            passing: """
                resource "aws_s3_bucket" "assets" {
                  bucket = "company-assets"
                }
                resource "aws_s3_bucket_policy" "assets" {
                  bucket = aws_s3_bucket.assets.id
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Sid       = "VpceOnly"
                      Effect    = "Allow"
                      Principal = "*"
                      Action    = "s3:GetObject"
                      Resource  = "${aws_s3_bucket.assets.arn}/*"
                      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f67890" } }
                    }]
                  })
                }
                """,
            failing: """
                resource "aws_s3_bucket" "assets" {
                  bucket = "company-assets"
                }
                resource "aws_s3_bucket_policy" "assets" {
                  bucket = aws_s3_bucket.assets.id
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Sid       = "PublicRead"
                      Effect    = "Allow"
                      Principal = "*"
                      Action    = ["s3:GetObject"]
                      Resource  = "${aws_s3_bucket.assets.arn}/*"
                    }]
                  })
                }
                """
        ) { r, context in
            guard r.mode == .managed else { return .notApplicable }
            if r.type == "aws_s3_bucket", S3BucketLinks.inline(r, "policy") == nil { return .notApplicable }
            let (policies, unreadable) = PolicyVerdicts.documents(r, at: "policy", context)
            return PolicyVerdicts.judge(policies, unreadable: unreadable, in: r, { s in
                s.allows && (s.principal?.isAnyone ?? .no || Tri(s.notPrincipal != nil)) && !IAMConditions.restrictsCaller(s)
            }, { s in
                "the bucket policy allows \(S3Rules.actionList(s)) to any principal without a condition that limits who"
            }) ?? .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-013", aliases: ["CKV_AWS_18"],
                title: "S3 bucket has access logging",
                description: "Server access logs are the record of who read or changed which object; without them a leak cannot be scoped. A bucket that itself receives other buckets' access logs is exempt (logging it into itself would loop).",
                severity: .low, category: .logging, service: "s3", resourceTypes: ["aws_s3_bucket"],
                remediation: "Add an aws_s3_bucket_logging resource that sends the bucket's access logs to a dedicated log bucket.",
                snippet: """
                    resource "aws_s3_bucket_logging" "this" {
                      bucket        = aws_s3_bucket.this.id
                      target_bucket = aws_s3_bucket.logs.id
                      target_prefix = "s3/${aws_s3_bucket.this.id}/"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html"]),
            passing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                resource "aws_s3_bucket" "logs" {
                  bucket = "company-access-logs"
                }
                resource "aws_s3_bucket_logging" "data" {
                  bucket        = aws_s3_bucket.data.id
                  target_bucket = aws_s3_bucket.logs.id
                  target_prefix = "data/"
                }
                """,
            failing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                """
        ) { bucket, context in
            guard bucket.mode == .managed else { return .notApplicable }
            if S3Rules.logSource(of: bucket, context) != nil { return .passed }
            return S3Rules.bucketSetting(
                bucket, context, what: "access logging",
                inline: "logging", { v in S3Rules.present(v, "target_bucket") },
                linked: "aws_s3_bucket_logging", { c in (c.isSet("target_bucket") ? .yes : .no, "target_bucket") },
                missing: "Bucket \(bucket.address) has no access logging (no aws_s3_bucket_logging).")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-014", aliases: ["CKV2_AWS_61"],
                title: "S3 bucket has a lifecycle configuration",
                description: "Without lifecycle rules, old versions, logs and abandoned uploads accumulate forever and the bill only grows; with versioning on, every overwrite keeps its old copy.",
                severity: .low, category: .cost, service: "s3", resourceTypes: ["aws_s3_bucket"],
                remediation: "Add an aws_s3_bucket_lifecycle_configuration with at least one enabled rule (expire noncurrent versions, transition to cheaper classes, abort incomplete uploads).",
                snippet: """
                    resource "aws_s3_bucket_lifecycle_configuration" "this" {
                      bucket = aws_s3_bucket.this.id
                      rule {
                        id     = "expire-noncurrent"
                        status = "Enabled"
                        filter {}
                        noncurrent_version_expiration {
                          noncurrent_days = 90
                        }
                        abort_incomplete_multipart_upload {
                          days_after_initiation = 7
                        }
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html"]),
            passing: """
                resource "aws_s3_bucket" "logs" {
                  bucket = "company-logs"
                }
                resource "aws_s3_bucket_lifecycle_configuration" "logs" {
                  bucket = aws_s3_bucket.logs.id
                  rule {
                    id     = "expire"
                    status = "Enabled"
                    filter {}
                    expiration {
                      days = 365
                    }
                  }
                }
                """,
            failing: """
                resource "aws_s3_bucket" "logs" {
                  bucket = "company-logs"
                }
                """
        ) { bucket, context in
            S3Rules.bucketSetting(
                bucket, context, what: "lifecycle configuration",
                inline: "lifecycle_rule", { v in Tri.any(v.elements ?? []) { S3Rules.bool($0, "enabled") } },
                linked: "aws_s3_bucket_lifecycle_configuration", { c in
                    guard let rules = c.value("rule"), rules.isKnown else { return (.maybe, "rule") }
                    return (Tri.any(rules.elements ?? []) { S3Rules.equals($0, "status", "Enabled") }, "rule")
                },
                missing: "Bucket \(bucket.address) has no lifecycle configuration: versions and incomplete uploads are kept (and billed) forever.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-015", aliases: ["CKV_AWS_300"],
                title: "S3 lifecycle configuration aborts incomplete multipart uploads",
                description: "Parts of multipart uploads that never complete are invisible in listings but stored and billed until deleted; one enabled rule over the whole bucket with abort_incomplete_multipart_upload cleans them up.",
                severity: .low, category: .cost, service: "s3", resourceTypes: ["aws_s3_bucket_lifecycle_configuration"],
                remediation: "Add abort_incomplete_multipart_upload { days_after_initiation = 7 } to an enabled rule whose filter covers the whole bucket.",
                snippet: """
                    rule {
                      id     = "abort-incomplete-uploads"
                      status = "Enabled"
                      filter {}
                      abort_incomplete_multipart_upload {
                        days_after_initiation = 7
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html"]),
            passing: """
                resource "aws_s3_bucket_lifecycle_configuration" "uploads" {
                  bucket = "company-uploads"
                  rule {
                    id     = "abort-incomplete"
                    status = "Enabled"
                    filter {}
                    abort_incomplete_multipart_upload {
                      days_after_initiation = 7
                    }
                  }
                }
                """,
            failing: """
                resource "aws_s3_bucket_lifecycle_configuration" "uploads" {
                  bucket = "company-uploads"
                  rule {
                    id     = "expire-tmp"
                    status = "Enabled"
                    filter {
                      prefix = "tmp/"
                    }
                    expiration {
                      days = 7
                    }
                  }
                }
                """
        ) { config, _ in
            guard let rules = config.value("rule"), rules.isKnown else {
                return .unknown(paths: ["rule"], message: "The lifecycle rules of \(config.address) are known only after apply.")
            }
            var maybe = false
            for (i, rule) in (rules.elements ?? []).enumerated() {
                let r = S3Rules.equals(rule, "status", "Enabled") && S3Rules.present(rule, "abort_incomplete_multipart_upload")
                    && S3Rules.filterCoversBucket(config, rule: i)
                switch r {
                case .yes: return .passed
                case .maybe: maybe = true
                case .no: break
                }
            }
            if maybe { return .unknown(paths: ["rule"], message: "Whether a rule of \(config.address) aborts incomplete uploads depends on values known only after apply.") }
            return .failed(path: "rule", message: "No enabled rule of \(config.address) aborts incomplete multipart uploads for the whole bucket.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-016",
                title: "S3 bucket policy denies requests without TLS",
                description: "S3 accepts plain HTTP unless the bucket policy refuses it. A Deny statement for every principal with the condition aws:SecureTransport = false makes every request use TLS. (Checkov's CKV_AWS_379 asks this only of public buckets; Airlock asks it of every bucket.)",
                severity: .medium, category: .encryption, service: "s3", resourceTypes: ["aws_s3_bucket"],
                remediation: "Add a bucket policy statement that denies s3:* to Principal \"*\" when aws:SecureTransport is false.",
                snippet: """
                    resource "aws_s3_bucket_policy" "this" {
                      bucket = aws_s3_bucket.this.id
                      policy = jsonencode({
                        Version = "2012-10-17"
                        Statement = [{
                          Sid       = "DenyInsecureTransport"
                          Effect    = "Deny"
                          Principal = "*"
                          Action    = "s3:*"
                          Resource  = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
                          Condition = { Bool = { "aws:SecureTransport" = "false" } }
                        }]
                      })
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit"]),
            passing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                resource "aws_s3_bucket_policy" "data" {
                  bucket = aws_s3_bucket.data.id
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Sid       = "DenyInsecureTransport"
                      Effect    = "Deny"
                      Principal = "*"
                      Action    = "s3:*"
                      Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
                      Condition = { Bool = { "aws:SecureTransport" = "false" } }
                    }]
                  })
                }
                """,
            failing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "company-data"
                }
                resource "aws_s3_bucket_policy" "data" {
                  bucket = aws_s3_bucket.data.id
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Sid       = "AppRead"
                      Effect    = "Allow"
                      Principal = { AWS = "arn:aws:iam::111122223333:role/app" }
                      Action    = "s3:GetObject"
                      Resource  = "${aws_s3_bucket.data.arn}/*"
                    }]
                  })
                }
                """
        ) { bucket, context in
            guard bucket.mode == .managed else { return .notApplicable }
            var policies: [(IAMPolicy, String)] = []
            var unreadable: [(path: String, reason: String)] = []
            if S3BucketLinks.inline(bucket, "policy") != nil {
                let d = PolicyVerdicts.documents(bucket, at: "policy", context)
                policies += d.policies
                unreadable += d.unreadable
            }
            for p in S3BucketLinks.configurations(of: bucket, type: "aws_s3_bucket_policy", context) {
                let d = PolicyVerdicts.documents(p, at: "policy", context)
                policies += d.policies.map { ($0.0, "\(p.address).policy") }
                unreadable += d.unreadable.map { ("\(p.address).policy", $0.reason) }
            }
            if policies.isEmpty && unreadable.isEmpty {
                return .failed(path: "", message: "Bucket \(bucket.address) has no bucket policy, so S3 accepts requests over plain HTTP.")
            }
            var found = Tri.no
            for (policy, _) in policies {
                found = found || Tri.any(policy.statements) { s in s.denies && IAMConditions.deniesInsecureTransport(s) }
                if policy.hasUnknownStatements { found = found || .maybe }
            }
            if !unreadable.isEmpty { found = found || .maybe }
            switch found {
            case .yes: return .passed
            case .maybe:
                return .unknown(paths: unreadable.map(\.path) + policies.map(\.1), message: "Whether the bucket policy of \(bucket.address) denies insecure transport depends on values known only after apply.")
            case .no:
                return .failed(path: "", message: "The bucket policy of \(bucket.address) has no statement denying requests where aws:SecureTransport is false.")
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-017",
                title: "S3 object is not given a public ACL",
                description: "An object uploaded with acl = \"public-read\" is readable by anyone even in a private bucket (unless a public access block ignores public ACLs); agents add it to \"make the file downloadable\".",
                severity: .high, category: .publicExposure, service: "s3", resourceTypes: ["aws_s3_object", "aws_s3_bucket_object"],
                remediation: "Drop the acl argument (objects inherit the bucket owner's private access) and share through CloudFront or presigned URLs.",
                snippet: """
                    resource "aws_s3_object" "index" {
                      bucket       = aws_s3_bucket.site.id
                      key          = "index.html"
                      source       = "site/index.html"
                      content_type = "text/html"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl"]),
            passing: """
                resource "aws_s3_object" "report" {
                  bucket  = "company-reports"
                  key     = "2024/q1.csv"
                  content = "id,total"
                }
                """,
            failing: """
                resource "aws_s3_object" "report" {
                  bucket  = "company-reports"
                  key     = "2024/q1.csv"
                  content = "id,total"
                  acl     = "public-read"
                }
                """
        ) { object, _ in
            guard object.mode == .managed else { return .notApplicable }
            guard let acl = object.value("acl"), !acl.isNull else { return .passed }
            guard let s = acl.stringValue else {
                // Computed when not configured (provider v5): nothing was asked for.
                if object.body != nil && object.configuredExpression(at: "acl") == nil { return .passed }
                if object.body == nil { return .passed }
                return .unknown(paths: ["acl"], message: "The ACL of \(object.address) is known only after apply.")
            }
            if ["public-read", "public-read-write", "authenticated-read"].contains(s) {
                return .failed(path: "acl", message: "Object \(object.address) is uploaded with the \"\(s)\" ACL.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-S3-018", aliases: ["CKV2_AWS_65"],
                title: "S3 bucket disables ACLs (BucketOwnerEnforced)",
                description: "With object ownership BucketOwnerEnforced, ACLs are switched off: access is decided by policies alone, and no object ACL can quietly make a file public. AWS's default for new buckets since April 2023; setting anything else re-enables ACLs.",
                severity: .medium, category: .publicExposure, service: "s3", resourceTypes: ["aws_s3_bucket_ownership_controls"],
                remediation: "Set rule.object_ownership = \"BucketOwnerEnforced\" and grant access through the bucket policy.",
                snippet: """
                    resource "aws_s3_bucket_ownership_controls" "this" {
                      bucket = aws_s3_bucket.this.id
                      rule {
                        object_ownership = "BucketOwnerEnforced"
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html"]),
            passing: """
                resource "aws_s3_bucket_ownership_controls" "data" {
                  bucket = "company-data"
                  rule {
                    object_ownership = "BucketOwnerEnforced"
                  }
                }
                """,
            failing: """
                resource "aws_s3_bucket_ownership_controls" "data" {
                  bucket = "company-data"
                  rule {
                    object_ownership = "BucketOwnerPreferred"
                  }
                }
                """
        ) { controls, _ in
            let path = "rule[0].object_ownership"
            if controls.isUnknown(path) {
                return .unknown(paths: [path], message: "The object ownership of \(controls.address) is known only after apply.")
            }
            let value = controls.string(path)
            if value == "BucketOwnerEnforced" { return .passed }
            return .failed(path: path, message: "\(controls.address) sets object ownership to \(value.map { "\"\($0)\"" } ?? "nothing"), which keeps ACLs in force.")
        },
    ]
}

/// The pieces the S3 checks share.
enum S3Rules {
    static let publicAccessSettings = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]
    static let allUsers = "http://acs.amazonaws.com/groups/global/AllUsers"
    static let authenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
    static let anySSE: Set<String> = ["AES256", "aws:kms", "aws:kms:dsse"]
    static let kmsSSE: Set<String> = ["aws:kms", "aws:kms:dsse"]

    /// Judges a bucket by its inline (provider v3) setting and by the resources that
    /// configure it: one that satisfies `linkedOK` passes the bucket; one that only apply
    /// can judge makes it unknown; none at all fails it with `missing`.
    static func bucketSetting(
        _ bucket: ResourceInstance, _ context: CheckContext, what: String,
        inline inlinePath: String?, _ inlineOK: (Value) -> Tri,
        linked type: String, _ linkedOK: (ResourceInstance) -> (Tri, String),
        missing: String
    ) -> Verdict {
        guard bucket.mode == .managed else { return .notApplicable }
        var maybe: [String] = []
        var inlineFails = false
        if let inlinePath, let v = S3BucketLinks.inline(bucket, inlinePath) {
            switch v.isKnown ? inlineOK(v) : .maybe {
            case .yes: return .passed
            case .maybe: maybe.append(inlinePath)
            case .no: inlineFails = true
            }
        }
        var failing: [String] = []
        for config in S3BucketLinks.configurations(of: bucket, type: type, context) {
            let (ok, path) = linkedOK(config)
            switch ok {
            case .yes: return .passed
            case .maybe: maybe.append(path.isEmpty ? config.address : "\(config.address).\(path)")
            case .no: failing.append(config.address)
            }
        }
        if !maybe.isEmpty {
            return .unknown(paths: maybe, message: "Whether bucket \(bucket.address) has \(what) depends on \(maybe.joined(separator: ", ")), known only after apply.")
        }
        if inlineFails, let inlinePath {
            return .failed(path: inlinePath, message: "The inline \(inlinePath) of bucket \(bucket.address) does not enable \(what).")
        }
        if !failing.isEmpty {
            return .failed(path: "", message: "\(failing.joined(separator: ", ")) does not turn on \(what) for bucket \(bucket.address).")
        }
        return .failed(path: "", message: missing)
    }

    /// The bool at `key` of an object value (a nested block).
    static func bool(_ v: Value, _ key: String) -> Tri {
        let target = firstObject(v)?[key]
        guard let target else { return .no }
        guard target.isKnown else { return .maybe }
        return Tri(target.boolValue == true)
    }

    /// Whether the string at `path` (within a nested block value) equals `expected`.
    static func equals(_ v: Value, _ path: String, _ expected: String) -> Tri {
        guard let target = lookup(v, path) else { return .no }
        guard target.isKnown else { return .maybe }
        return Tri(target.stringValue == expected)
    }

    static func equals(_ r: ResourceInstance, _ path: String, _ expected: String) -> Tri {
        guard let v = r.value(path) else { return .no }
        guard v.isKnown else { return .maybe }
        return Tri(v.stringValue == expected)
    }

    /// Whether `key` (an attribute or nested block) of a block value is set.
    static func present(_ v: Value, _ key: String) -> Tri {
        guard let target = firstObject(v)?[key] else { return .no }
        if !target.isKnown { return .maybe }
        if target.isNull { return .no }
        if let es = target.elements { return Tri(!es.isEmpty) }
        return .yes
    }

    private static func firstObject(_ v: Value) -> [String: Value]? {
        if let es = v.elements { return es.first?.attributes }
        return v.attributes
    }

    private static func lookup(_ v: Value, _ path: String) -> Value? {
        var current = v
        for step in PathStep.parse(path) {
            switch step {
            case .attribute(let name):
                if let es = current.elements, let first = es.first { current = first }
                guard current.isKnown else { return current }
                guard let next = current.attributes?[name] else { return nil }
                current = next
            case .index(let i):
                guard current.isKnown else { return current }
                guard let es = current.elements, i < es.count else { return nil }
                current = es[i]
            }
        }
        return current
    }

    /// Whether some rule of an encryption configuration applies an algorithm in `accepted`.
    static func sseAlgorithm(_ config: ResourceInstance, _ accepted: Set<String>) -> Tri {
        guard let rules = config.value("rule") else { return .no }
        return sseRules(rules, accepted)
    }

    /// The same for the v3 inline `server_side_encryption_configuration` block.
    static func sseAlgorithm(inInline v: Value, _ accepted: Set<String>) -> Tri {
        guard let block = firstObject(v), let rules = block["rule"] else { return .no }
        return sseRules(rules, accepted)
    }

    private static func sseRules(_ rules: Value, _ accepted: Set<String>) -> Tri {
        guard rules.isKnown else { return .maybe }
        return Tri.any(rules.elements ?? []) { rule in
            guard let byDefault = rule.attributes?["apply_server_side_encryption_by_default"] else { return .no }
            guard byDefault.isKnown else { return .maybe }
            return Tri.any(byDefault.elements ?? []) { d in
                guard let alg = d.attributes?["sse_algorithm"] else { return .no }
                guard alg.isKnown else { return .maybe }
                return Tri(alg.stringValue.map(accepted.contains) ?? false)
            }
        }
    }

    /// Whether both an account-level public access block's four settings are on.
    static func allFourBlocks(_ r: ResourceInstance) -> Tri {
        Tri.all(publicAccessSettings) { s in
            guard let v = r.value(s), !v.isNull else { return .no }
            guard v.isKnown else { return .maybe }
            return Tri(v.boolValue == true)
        }
    }

    /// One setting of a bucket- or account-level public access block (they default to false).
    static func publicAccessSetting(id: String, alias: String, setting: String, title: String, effect: String) -> Check {
        Check(
            CheckMetadata(
                id: id, aliases: [alias], title: title,
                description: "With \(setting) = true, \(effect) The setting defaults to false, so leaving it out of a public access block (bucket or account level) leaves that door open.",
                severity: .high, category: .publicExposure, service: "s3",
                resourceTypes: ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"],
                remediation: "Set \(setting) = true (together with the other three settings).",
                snippet: """
                    resource "aws_s3_bucket_public_access_block" "this" {
                      bucket                  = aws_s3_bucket.this.id
                      block_public_acls       = true
                      block_public_policy     = true
                      ignore_public_acls      = true
                      restrict_public_buckets = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"]),
            passing: """
                resource "aws_s3_account_public_access_block" "account" {
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                }
                """,
            failing: """
                resource "aws_s3_bucket_public_access_block" "site" {
                  bucket = "company-site"
                  \(setting) = false
                }
                """
        ) { block, _ in
            guard let v = block.value(setting), !v.isNull else {
                return .failed(path: "", message: "\(block.address) leaves \(setting) unset, and it defaults to false.")
            }
            guard v.isKnown else {
                return .unknown(paths: [setting], message: "\(block.address).\(setting) is known only after apply.")
            }
            return v.boolValue == true ? .passed : .failed(path: setting, message: "\(block.address) sets \(setting) = false.")
        }
    }

    /// A bucket ACL judged for grants to a group (`allUsers`, `authenticatedUsers`): the
    /// canned `acl`, and `grant` / `access_control_policy.grant` entries.
    static func acl(_ r: ResourceInstance, grantee: String, cannedACLs: Set<String>, permissions: Set<String>, exposure: String) -> Verdict {
        guard r.mode == .managed else { return .notApplicable }
        var judged = false
        var unknown: [String] = []
        // The canned ACL.
        let aclValue: Value? = r.type == "aws_s3_bucket" ? S3BucketLinks.inline(r, "acl") : r.value("acl")
        if let v = aclValue, !v.isNull {
            if let s = v.stringValue {
                judged = true
                if cannedACLs.contains(s) {
                    return .failed(path: "acl", message: "\(r.address) sets the \"\(s)\" canned ACL: \(exposure).")
                }
            } else if !v.isKnown {
                unknown.append("acl")
            }
        }
        // Explicit grants.
        let grantPaths = r.type == "aws_s3_bucket" ? ["grant"] : ["access_control_policy[0].grant"]
        for path in grantPaths {
            guard let grants = r.type == "aws_s3_bucket" ? S3BucketLinks.inline(r, path) : r.value(path), !grants.isNull else { continue }
            // The provider computes access_control_policy from a canned acl: not written, it is not a grant of its own.
            if !grants.isKnown, r.type == "aws_s3_bucket_acl", r.isWritten("access_control_policy") == false || (r.body == nil && r.string("acl") != nil) {
                continue
            }
            guard grants.isKnown else {
                unknown.append(path)
                continue
            }
            for (i, g) in (grants.elements ?? []).enumerated() {
                judged = true
                // v3 inline grants: { uri, permissions = [...] }; v4 resource: { permission, grantee { uri } }.
                let attrs = g.attributes ?? [:]
                let uri = attrs["uri"] ?? attrs["grantee"]?.elements?.first?.attributes?["uri"]
                let perms = (attrs["permissions"]?.elements ?? []) + [attrs["permission"]].compactMap { $0 }
                guard let uri, uri.isKnown, perms.allSatisfy(\.isKnown) else {
                    unknown.append("\(path)[\(i)]")
                    continue
                }
                if uri.stringValue == grantee, perms.contains(where: { $0.stringValue.map(permissions.contains) ?? false }) {
                    return .failed(path: "\(path)[\(i)]", message: "\(r.address) grants \(perms.compactMap(\.stringValue).joined(separator: ", ")) to \(grantee): \(exposure).")
                }
            }
        }
        if !unknown.isEmpty {
            return .unknown(paths: unknown, message: "The ACL of \(r.address) is known only after apply.")
        }
        return judged || r.type == "aws_s3_bucket_acl" ? .passed : .notApplicable
    }

    /// The bucket whose access logs this bucket receives, if any: a log bucket is not
    /// asked to log into itself.
    static func logSource(of bucket: ResourceInstance, _ context: CheckContext) -> ResourceInstance? {
        for logging in context.graph.referencing(bucket, types: ["aws_s3_bucket_logging"])
        where S3BucketLinks.names(logging, "target_bucket", bucket) == true {
            return logging
        }
        if let name = bucket.string("bucket") {
            if let l = context.graph.instances(ofType: "aws_s3_bucket_logging", where: "target_bucket", equals: name).first { return l }
            if let b = context.graph.instances(ofType: "aws_s3_bucket", where: "logging[0].target_bucket", equals: name).first { return b }
        }
        return nil
    }

    /// Whether lifecycle rule `index` of `config` applies to the whole bucket (no prefix,
    /// size or tag filter). Unknown filter arguments the configuration does not write are
    /// the provider's computed defaults, i.e. unset.
    static func filterCoversBucket(_ config: ResourceInstance, rule index: Int) -> Tri {
        func unset(_ path: String) -> Tri {
            guard let v = config.value(path), !v.isNull else { return .yes }
            guard v.isWhollyKnown else { return config.isWritten(path) == false ? .yes : .maybe }
            if let s = v.stringValue { return Tri(s.isEmpty) }
            if let n = v.numberValue { return Tri(n.double == 0) }
            if let c = v.count { return Tri(c == 0) }
            return .no
        }
        let rule = "rule[\(index)]"
        let keys = ["prefix", "object_size_greater_than", "object_size_less_than", "tag", "tags"]
        guard unset("\(rule).prefix") != .no else { return .no }
        let legacyPrefix = unset("\(rule).prefix")
        guard let filters = config.value("\(rule).filter"), !filters.isNull else { return legacyPrefix }
        guard filters.isKnown else { return .maybe }
        return legacyPrefix && Tri.all((filters.elements ?? []).indices) { f in
            let filter = "\(rule).filter[\(f)]"
            let direct = Tri.all(keys) { unset("\(filter).\($0)") }
            let and = Tri.all(keys) { unset("\(filter).and[0].\($0)") }
            return direct && and
        }
    }

    /// The actions of a statement, for a message.
    static func actionList(_ s: IAMStatement) -> String {
        if s.notActions.isPresent { return "every action except \(s.notActions.knownValues.joined(separator: ", "))" }
        let known = s.actions.knownValues
        return known.isEmpty ? "its actions" : known.joined(separator: ", ")
    }
}
