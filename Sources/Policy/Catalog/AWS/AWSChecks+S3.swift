import HCL
import Terraform

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
            // Provider v4+: versioning lives in its own resource; v3 style inline block still counts.
            if bucket.bool("versioning[0].enabled") == true { return .passed }
            let versionings = context.graph.referencing(bucket, types: ["aws_s3_bucket_versioning"])
            if versionings.isEmpty {
                return .failed(path: "", message: "Bucket \(bucket.address) has no aws_s3_bucket_versioning resource enabling versioning.")
            }
            for v in versionings {
                if v.string("versioning_configuration[0].status") == "Enabled" { return .passed }
            }
            if let v = versionings.first(where: { $0.isUnknown("versioning_configuration[0].status") }) {
                return .unknown(paths: ["\(v.address).versioning_configuration[0].status"],
                                message: "Whether versioning is enabled depends on a value known only after apply.")
            }
            return .failed(path: "", message: "The versioning of bucket \(bucket.address) is not \"Enabled\" (\(versionings.map(\.address).joined(separator: ", "))).")
        },
    ]
}
