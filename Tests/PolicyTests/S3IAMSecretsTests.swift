import Foundation
import HCL
@testable import Policy
import Terraform
import Testing

/// One configuration, one check, and the verdict expected on each resource the check
/// judges (resources it leaves alone are absent).
struct VerdictCase: CustomTestStringConvertible, Sendable {
    var name: String
    var check: String
    var terraform: String
    var expected: [String: Finding.Status]
    var testDescription: String { name }
}

/// Cases beyond the catalog's own examples: unknown values, connections through
/// `for_each` and modules, policies written with `jsonencode`, heredocs and data sources,
/// and configurations where Checkov's answer is wrong.
@Suite struct S3IAMSecretsTests {
    static let cases: [VerdictCase] = unknownHandling + policySources + connections + checkovWrong + secrets

    @Test(arguments: cases)
    func verdicts(_ c: VerdictCase) throws {
        let check = try #require(Catalog.check(named: c.check), "no check \(c.check)")
        let findings = try scan(c.terraform, checks: [check])
        var got: [String: Finding.Status] = [:]
        for f in findings { got[f.resource] = f.status }
        #expect(got == c.expected, "\(findings.map { "\($0.resource): \($0.status) \($0.message)" })")
    }

    @Test(arguments: moduleCases)
    func moduleVerdicts(_ c: VerdictCase) throws {
        let check = try #require(Catalog.moduleChecks.first { $0.metadata.id == c.check })
        let findings = try scan(c.terraform, moduleChecks: [check])
        var got: [String: Finding.Status] = [:]
        for f in findings { got[f.resource] = f.status }
        #expect(got == c.expected, "\(findings.map { "\($0.resource): \($0.status) \($0.message)" })")
    }

    static let secretNames: [(String, Bool)] = [
        ("DB_PASSWORD", true), ("stripeApiKey", true), ("/app/db/password", true), ("api_keys", true),
        ("AWS_SECRET_ACCESS_KEY", true), ("NEXTAUTH_SECRET", true), ("githubToken", true), ("SECRET_KEY_BASE", true),
        ("AUTHOR", false), ("SECRET_ARN", false), ("token_ttl_seconds", false), ("password_policy", false),
        ("AWS_ACCESS_KEY_ID", false), ("api_key_name", false), ("BUCKET", false), ("KMS_KEY_ID", false), ("path", false),
    ]

    @Test(arguments: secretNames)
    func secretName(_ name: String, _ secret: Bool) {
        #expect(SecretPatterns.isSecretName(name) == secret, "\(name)")
    }

    /// Shell lines in user data: literal values fail, expansions and command substitutions do not.
    static let scripts: [(String, Bool)] = [
        ("export DB_PASSWORD=\"Sup3rS3cret!\"", true),
        ("DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)", false),
        ("export API_TOKEN=$API_TOKEN_FROM_SSM", false),
        ("mysql --password hunter22 -h db", true),
        ("echo hello", false),
        ("-----BEGIN RSA PRIVATE KEY-----", true),
    ]

    @Test(arguments: scripts)
    func scriptSecret(_ line: String, _ secret: Bool) {
        #expect((SecretPatterns.secretInScript(line) != nil) == secret, "\(line)")
    }

    /// An unknown ARN does not hide a known "*"; a decisive unknown gives `unknown`, naming the attribute.
    static let unknownHandling: [VerdictCase] = [
        VerdictCase(
            name: "unknown Resource ARN does not hide Action *", check: "AL-AWS-IAM-002",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_iam_policy" "p" {
                  name = "p"
                  policy = jsonencode({
                    Version   = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = "*", Resource = aws_s3_bucket.b.arn }]
                  })
                }
                """,
            expected: ["aws_iam_policy.p": .failed]),
        VerdictCase(
            name: "templated ARN is known not to be the wildcard resource", check: "AL-AWS-IAM-001",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_iam_policy" "p" {
                  name = "p"
                  policy = jsonencode({
                    Version   = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = "*", Resource = "${aws_s3_bucket.b.arn}/*" }]
                  })
                }
                """,
            expected: ["aws_iam_policy.p": .passed]),
        VerdictCase(
            name: "actions from a computed value are unknown", check: "AL-AWS-IAM-002",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_iam_policy" "p" {
                  name = "p"
                  policy = jsonencode({
                    Version   = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = [aws_s3_bucket.b.id], Resource = "*" }]
                  })
                }
                """,
            expected: ["aws_iam_policy.p": .unknown]),
        VerdictCase(
            name: "a wholly computed policy is unknown", check: "AL-AWS-IAM-001",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_iam_policy" "p" {
                  name   = "p"
                  policy = aws_s3_bucket.b.policy
                }
                """,
            expected: ["aws_iam_policy.p": .unknown]),
        VerdictCase(
            name: "versioning status from a computed value is unknown", check: "AL-AWS-S3-001",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_s3_bucket_versioning" "b" {
                  bucket = aws_s3_bucket.b.id
                  versioning_configuration {
                    status = aws_s3_bucket.b.acceleration_status
                  }
                }
                """,
            expected: ["aws_s3_bucket.b": .unknown]),
        VerdictCase(
            name: "user data rendered from a file with computed values is unknown", check: "AL-AWS-EC2-201",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_instance" "i" {
                  ami           = "ami-0123456789abcdef0"
                  instance_type = "t3.micro"
                  user_data     = templatefile("${path.module}/boot.sh", { bucket = aws_s3_bucket.b.arn })
                }
                """,
            expected: ["aws_instance.i": .unknown]),
        VerdictCase(
            name: "an AdministratorAccess ARN with a computed partition still fails", check: "AL-AWS-IAM-015",
            terraform: """
                data "aws_partition" "p" {}
                resource "aws_iam_role" "r" {
                  name               = "r"
                  assume_role_policy = "{}"
                }
                resource "aws_iam_role_policy_attachment" "admin" {
                  role       = aws_iam_role.r.name
                  policy_arn = "arn:${data.aws_partition.p.partition}:iam::aws:policy/AdministratorAccess"
                }
                resource "aws_iam_role_policy_attachment" "ssm" {
                  role       = aws_iam_role.r.name
                  policy_arn = "arn:${data.aws_partition.p.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
                }
                """,
            expected: ["aws_iam_role.r": .passed, "aws_iam_role_policy_attachment.admin": .failed, "aws_iam_role_policy_attachment.ssm": .passed]),
    ]

    /// Policies written every way Terraform allows.
    static let policySources: [VerdictCase] = [
        VerdictCase(
            name: "heredoc policy with an interpolated ARN", check: "AL-AWS-IAM-002",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_iam_role_policy" "p" {
                  name   = "p"
                  role   = "app"
                  policy = <<-EOF
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        { "Effect": "Allow", "Action": "*", "Resource": "${aws_s3_bucket.b.arn}/*" }
                      ]
                    }
                  EOF
                }
                """,
            expected: ["aws_iam_role_policy.p": .failed]),
        VerdictCase(
            name: "heredoc policy with a whole interpolated value", check: "AL-AWS-IAM-003",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_iam_role_policy" "p" {
                  name   = "p"
                  role   = "app"
                  policy = <<-EOF
                    {
                      "Version": "2012-10-17",
                      "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": ${jsonencode([aws_s3_bucket.b.arn])} }]
                    }
                  EOF
                }
                """,
            expected: ["aws_iam_role_policy.p": .unknown]),
        VerdictCase(
            name: "a data source is judged itself, the policy using it is not judged twice", check: "AL-AWS-IAM-001",
            terraform: """
                data "aws_iam_policy_document" "admin" {
                  statement {
                    actions   = ["*"]
                    resources = ["*"]
                  }
                }
                resource "aws_iam_policy" "admin" {
                  name   = "admin"
                  policy = data.aws_iam_policy_document.admin.json
                }
                """,
            expected: ["data.aws_iam_policy_document.admin": .failed]),
        VerdictCase(
            name: "source_policy_documents are merged into the data source", check: "AL-AWS-IAM-002",
            terraform: """
                data "aws_iam_policy_document" "base" {
                  statement {
                    sid       = "Everything"
                    actions   = ["*"]
                    resources = ["arn:aws:s3:::b/*"]
                  }
                }
                data "aws_iam_policy_document" "combined" {
                  source_policy_documents = [data.aws_iam_policy_document.base.json]
                  statement {
                    sid       = "Read"
                    actions   = ["s3:GetObject"]
                    resources = ["arn:aws:s3:::b/*"]
                  }
                }
                """,
            expected: ["data.aws_iam_policy_document.base": .failed, "data.aws_iam_policy_document.combined": .failed]),
        VerdictCase(
            name: "a trust policy from a data source is read where the role uses it", check: "AL-AWS-IAM-011",
            terraform: """
                data "aws_iam_policy_document" "trust" {
                  statement {
                    actions = ["sts:AssumeRole"]
                    principals {
                      type        = "AWS"
                      identifiers = ["*"]
                    }
                  }
                }
                resource "aws_iam_role" "r" {
                  name               = "r"
                  assume_role_policy = data.aws_iam_policy_document.trust.json
                }
                """,
            expected: ["aws_iam_role.r": .failed]),
        VerdictCase(
            name: "for_each roles use the trust document with their own key", check: "AL-AWS-IAM-011",
            terraform: """
                locals {
                  trusted = { open = "*", partner = "arn:aws:iam::444455556666:role/partner" }
                }
                data "aws_iam_policy_document" "trust" {
                  for_each = local.trusted
                  statement {
                    actions = ["sts:AssumeRole"]
                    principals {
                      type        = "AWS"
                      identifiers = [each.value]
                    }
                  }
                }
                resource "aws_iam_role" "r" {
                  for_each           = local.trusted
                  name               = each.key
                  assume_role_policy = data.aws_iam_policy_document.trust[each.key].json
                }
                """,
            expected: ["aws_iam_role.r[\"open\"]": .failed, "aws_iam_role.r[\"partner\"]": .passed]),
        VerdictCase(
            name: "privilege escalation assembled from two statements", check: "AL-AWS-IAM-005",
            terraform: """
                resource "aws_iam_policy" "p" {
                  name = "deployer"
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
                      { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" },
                    ]
                  })
                }
                """,
            expected: ["aws_iam_policy.p": .failed]),
        VerdictCase(
            name: "PassRole scoped to one role is no escalation", check: "AL-AWS-IAM-005",
            terraform: """
                resource "aws_iam_policy" "p" {
                  name = "deployer"
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      { Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/lambda-exec" },
                      { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" },
                    ]
                  })
                }
                """,
            expected: ["aws_iam_policy.p": .passed]),
        VerdictCase(
            name: "inline role policies are judged one by one", check: "AL-AWS-IAM-003",
            terraform: """
                resource "aws_iam_role" "r" {
                  name               = "r"
                  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
                  inline_policy {
                    name   = "logs"
                    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "logs:PutLogEvents", Resource = "arn:aws:logs:*:*:*" }] })
                  }
                  inline_policy {
                    name   = "s3"
                    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
                  }
                }
                """,
            expected: ["aws_iam_role.r": .failed]),
        VerdictCase(
            name: "bucket policy: a condition on the caller's organisation restricts", check: "AL-AWS-S3-012",
            terraform: """
                resource "aws_s3_bucket_policy" "p" {
                  bucket = "b"
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*"
                      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
                    }]
                  })
                }
                """,
            expected: ["aws_s3_bucket_policy.p": .passed]),
        VerdictCase(
            name: "bucket policy: IfExists on the organisation admits anonymous callers", check: "AL-AWS-S3-012",
            terraform: """
                resource "aws_s3_bucket_policy" "p" {
                  bucket = "b"
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*"
                      Condition = { StringEqualsIfExists = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
                    }]
                  })
                }
                """,
            expected: ["aws_s3_bucket_policy.p": .failed]),
        VerdictCase(
            name: "bucket policy: a TLS condition does not limit who", check: "AL-AWS-S3-012",
            terraform: """
                resource "aws_s3_bucket_policy" "p" {
                  bucket = "b"
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*"
                      Condition = { Bool = { "aws:SecureTransport" = "true" } }
                    }]
                  })
                }
                """,
            expected: ["aws_s3_bucket_policy.p": .failed]),
        VerdictCase(
            name: "GitHub trust pinned to an organisation's repositories", check: "AL-AWS-IAM-013",
            terraform: """
                data "aws_iam_policy_document" "gh" {
                  statement {
                    actions = ["sts:AssumeRoleWithWebIdentity"]
                    principals {
                      type        = "Federated"
                      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
                    }
                    condition {
                      test     = "StringLike"
                      variable = "token.actions.githubusercontent.com:sub"
                      values   = ["repo:my-org/*"]
                    }
                  }
                }
                """,
            expected: ["data.aws_iam_policy_document.gh": .passed]),
        VerdictCase(
            name: "GitHub trust without a sub condition", check: "AL-AWS-IAM-013",
            terraform: """
                data "aws_iam_policy_document" "gh" {
                  statement {
                    actions = ["sts:AssumeRoleWithWebIdentity"]
                    principals {
                      type        = "Federated"
                      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
                    }
                    condition {
                      test     = "StringEquals"
                      variable = "token.actions.githubusercontent.com:aud"
                      values   = ["sts.amazonaws.com"]
                    }
                  }
                }
                resource "aws_iam_role" "deploy" {
                  name               = "deploy"
                  assume_role_policy = data.aws_iam_policy_document.gh.json
                }
                """,
            expected: ["aws_iam_role.deploy": .failed]),
    ]

    /// Split S3 resources found through for_each, modules and literal names.
    static let connections: [VerdictCase] = [
        VerdictCase(
            name: "public access blocks per for_each key", check: "AL-AWS-S3-004",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  for_each = toset(["data", "site"])
                  bucket   = "company-${each.key}"
                }
                resource "aws_s3_bucket_public_access_block" "b" {
                  for_each                = aws_s3_bucket.b
                  bucket                  = each.value.id
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = each.key != "site"
                }
                """,
            expected: ["aws_s3_bucket.b[\"data\"]": .passed, "aws_s3_bucket.b[\"site\"]": .failed]),
        VerdictCase(
            name: "an account-wide public access block covers every bucket", check: "AL-AWS-S3-004",
            terraform: """
                resource "aws_s3_account_public_access_block" "account" {
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                }
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                """,
            expected: ["aws_s3_bucket.b": .passed]),
        VerdictCase(
            name: "connected by the literal bucket name", check: "AL-AWS-S3-014",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "company-logs"
                }
                resource "aws_s3_bucket_lifecycle_configuration" "b" {
                  bucket = "company-logs"
                  rule {
                    id     = "expire"
                    status = "Enabled"
                    filter {}
                    expiration {
                      days = 30
                    }
                  }
                }
                """,
            expected: ["aws_s3_bucket.b": .passed]),
        VerdictCase(
            name: "logging gives the source bucket logging, and exempts its target", check: "AL-AWS-S3-013",
            terraform: """
                resource "aws_s3_bucket" "data" {
                  bucket = "data"
                }
                resource "aws_s3_bucket" "logs" {
                  bucket = "logs"
                }
                resource "aws_s3_bucket" "other" {
                  bucket = "other"
                }
                resource "aws_s3_bucket_logging" "data" {
                  bucket        = aws_s3_bucket.data.id
                  target_bucket = aws_s3_bucket.logs.id
                  target_prefix = "data/"
                }
                """,
            expected: ["aws_s3_bucket.data": .passed, "aws_s3_bucket.logs": .passed, "aws_s3_bucket.other": .failed]),
        VerdictCase(
            name: "a v3 inline versioning block counts", check: "AL-AWS-S3-001",
            terraform: """
                resource "aws_s3_bucket" "legacy" {
                  bucket = "legacy"
                  versioning {
                    enabled = true
                  }
                }
                """,
            expected: ["aws_s3_bucket.legacy": .passed]),
        VerdictCase(
            name: "TLS-only statement in the bucket's policy resource", check: "AL-AWS-S3-016",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                data "aws_iam_policy_document" "tls" {
                  statement {
                    effect    = "Deny"
                    actions   = ["s3:*"]
                    resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]
                    principals {
                      type        = "*"
                      identifiers = ["*"]
                    }
                    condition {
                      test     = "Bool"
                      variable = "aws:SecureTransport"
                      values   = ["false"]
                    }
                  }
                }
                resource "aws_s3_bucket_policy" "b" {
                  bucket = aws_s3_bucket.b.id
                  policy = data.aws_iam_policy_document.tls.json
                }
                """,
            expected: ["aws_s3_bucket.b": .passed]),
    ]

    /// Where Checkov's verdict is wrong, and Airlock's is not.
    static let checkovWrong: [VerdictCase] = [
        VerdictCase(
            name: "Checkov CKV_AWS_60 misses Principal \"*\" as a string", check: "AL-AWS-IAM-011",
            terraform: """
                resource "aws_iam_role" "r" {
                  name = "r"
                  assume_role_policy = jsonencode({
                    Version   = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = "*" }]
                  })
                }
                """,
            expected: ["aws_iam_role.r": .failed]),
        VerdictCase(
            name: "Checkov judges a bucket whose count is 0", check: "AL-AWS-S3-001",
            terraform: """
                resource "aws_s3_bucket" "replica" {
                  count  = 0
                  bucket = "replica"
                }
                """,
            expected: [:]),
        VerdictCase(
            name: "Checkov CKV_AWS_145 fails dual-layer KMS encryption", check: "AL-AWS-S3-003",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
                  bucket = aws_s3_bucket.b.id
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = "aws:kms:dsse"
                    }
                  }
                }
                """,
            expected: ["aws_s3_bucket.b": .passed]),
        VerdictCase(
            name: "Checkov CKV_AWS_111 fails every KMS key policy (Resource \"*\" means this key)", check: "AL-AWS-IAM-007",
            terraform: """
                data "aws_iam_policy_document" "key" {
                  statement {
                    sid       = "EnableRoot"
                    actions   = ["kms:*"]
                    resources = ["*"]
                    principals {
                      type        = "AWS"
                      identifiers = ["arn:aws:iam::111122223333:root"]
                    }
                  }
                }
                """,
            expected: ["data.aws_iam_policy_document.key": .passed]),
        VerdictCase(
            name: "ECS Exec's ssmmessages actions take no resource, so \"*\" is not a choice", check: "AL-AWS-IAM-007",
            terraform: """
                data "aws_iam_policy_document" "exec" {
                  statement {
                    actions   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
                    resources = ["*"]
                  }
                }
                data "aws_iam_policy_document" "mixed" {
                  statement {
                    actions   = ["ssmmessages:CreateControlChannel", "ssm:SendCommand"]
                    resources = ["*"]
                  }
                }
                """,
            expected: ["data.aws_iam_policy_document.exec": .passed, "data.aws_iam_policy_document.mixed": .failed]),
        VerdictCase(
            name: "Checkov CKV_AWS_283 misses principals of type \"*\"", check: "AL-AWS-IAM-019",
            terraform: """
                data "aws_iam_policy_document" "public" {
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["arn:aws:s3:::site/*"]
                    principals {
                      type        = "*"
                      identifiers = ["*"]
                    }
                  }
                }
                """,
            expected: ["data.aws_iam_policy_document.public": .failed]),
        VerdictCase(
            name: "Checkov CKV_AWS_107 fails ecr:GetAuthorizationToken, which cannot be scoped", check: "AL-AWS-IAM-009",
            terraform: """
                resource "aws_iam_role_policy" "pull" {
                  name = "ecr-pull"
                  role = "app"
                  policy = jsonencode({
                    Version   = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = ["ecr:GetAuthorizationToken"], Resource = "*" }]
                  })
                }
                """,
            expected: ["aws_iam_role_policy.pull": .passed]),
        VerdictCase(
            name: "Checkov CKV_AWS_45 misses a token that is not AWS-shaped", check: "AL-AWS-LAMBDA-201",
            terraform: SecretExamplesForTests.lambda(#"SLACK_WEBHOOK_TOKEN = "T0001/B0001/XXXXXXXXXXXXXXXX""#),
            expected: ["aws_lambda_function.f": .failed]),
        VerdictCase(
            name: "Checkov CKV2_AWS_22 misses login profiles connected through for_each", check: "AL-AWS-IAM-017",
            terraform: """
                resource "aws_iam_user" "u" {
                  for_each = toset(["ana", "ci"])
                  name     = each.key
                }
                resource "aws_iam_user_login_profile" "u" {
                  for_each = toset(["ana"])
                  user     = aws_iam_user.u[each.key].name
                }
                """,
            expected: ["aws_iam_user.u[\"ana\"]": .failed, "aws_iam_user.u[\"ci\"]": .passed]),
    ]

    static let secrets: [VerdictCase] = [
        VerdictCase(
            name: "database password from a variable passes, a literal through sensitive() fails", check: "AL-AWS-RDS-201",
            terraform: """
                variable "db_password" {
                  type      = string
                  sensitive = true
                }
                resource "aws_db_instance" "from_var" {
                  identifier        = "a"
                  engine            = "postgres"
                  instance_class    = "db.t4g.micro"
                  allocated_storage = 20
                  username          = "app"
                  password          = var.db_password
                }
                resource "aws_db_instance" "literal" {
                  identifier        = "b"
                  engine            = "postgres"
                  instance_class    = "db.t4g.micro"
                  allocated_storage = 20
                  username          = "app"
                  password          = sensitive("hunter2hunter2")
                }
                """,
            expected: ["aws_db_instance.from_var": .passed, "aws_db_instance.literal": .failed]),
        VerdictCase(
            name: "an access key in base64-encoded launch template user data", check: "AL-AWS-EC2-201",
            terraform: """
                resource "aws_launch_template" "t" {
                  name_prefix   = "web-"
                  image_id      = "ami-0123456789abcdef0"
                  instance_type = "t3.micro"
                  user_data = base64encode(<<-EOT
                    #!/bin/bash
                    aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE
                  EOT
                  )
                }
                """,
            expected: ["aws_launch_template.t": .failed]),
        VerdictCase(
            name: "a secret-named SSM parameter whose name is computed is unknown", check: "AL-AWS-SSM-201",
            terraform: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                resource "aws_ssm_parameter" "p" {
                  name  = "/app/${aws_s3_bucket.b.id}/setting"
                  type  = "String"
                  value = "x"
                }
                """,
            expected: ["aws_ssm_parameter.p": .unknown]),
        VerdictCase(
            name: "container secrets from Secrets Manager pass, environment literals fail", check: "AL-AWS-ECS-201",
            terraform: """
                resource "aws_secretsmanager_secret" "db" {
                  name = "db"
                }
                resource "aws_ecs_task_definition" "ok" {
                  family = "ok"
                  container_definitions = jsonencode([{
                    name        = "app"
                    image       = "app:1"
                    environment = [{ name = "DB_HOST", value = "db.internal" }]
                    secrets     = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]
                  }])
                }
                resource "aws_ecs_task_definition" "bad" {
                  family = "bad"
                  container_definitions = jsonencode([{
                    name        = "app"
                    image       = "app:1"
                    environment = [{ name = "DB_HOST", value = aws_secretsmanager_secret.db.arn }, { name = "STRIPE_KEY", value = "sk_live_51H8abcdefghijklmnopqrstuv" }]
                  }])
                }
                """,
            expected: ["aws_ecs_task_definition.ok": .passed, "aws_ecs_task_definition.bad": .failed]),
    ]

    static let moduleCases: [VerdictCase] = [
        VerdictCase(
            name: "provider keys from a variable default", check: "AL-AWS-PROVIDER-201",
            terraform: """
                variable "aws_access_key" {
                  default = "AKIAIOSFODNN7EXAMPLE"
                }
                provider "aws" {
                  region     = "us-east-1"
                  access_key = var.aws_access_key
                }
                provider "aws" {
                  alias      = "local"
                  region     = "us-east-1"
                  access_key = "test"
                  secret_key = "test"
                }
                """,
            expected: ["provider.aws": .failed, "provider.aws.local": .passed]),
        VerdictCase(
            name: "a map of API keys and an object with a password member", check: "AL-AWS-TERRAFORM-201",
            terraform: """
                variable "api_keys" {
                  type    = map(string)
                  default = { stripe = "sk_test_4eC39HqLyjWDarjtT1zdp7dc" }
                }
                variable "smtp" {
                  default = { host = "smtp.example.com", password = "hunter2hunter2" }
                }
                variable "token_ttl_seconds" {
                  default = 3600
                }
                """,
            expected: ["var.api_keys": .failed, "var.smtp": .failed]),
    ]
}

/// A Lambda function for the tests, with `variables` as its environment.
enum SecretExamplesForTests {
    static func lambda(_ variables: String) -> String {
        """
        resource "aws_lambda_function" "f" {
          function_name = "f"
          role          = "arn:aws:iam::111122223333:role/f"
          runtime       = "python3.12"
          handler       = "app.handler"
          filename      = "f.zip"
          environment {
            variables = { \(variables) }
          }
        }
        """
    }
}
