import HCL
import Terraform

/// An argument of aws_s3_bucket that AWS provider v4 moved to a resource of its own, and
/// the check that finds it written inline.
///
/// Provider v4 split the bucket into a dozen resources; v4 and v5 still accept the inline
/// forms but deprecate them, and mixing the two makes each apply undo the other. Whether an
/// argument is written can only be read from the configuration: in a plan or state the
/// provider fills these computed attributes in whatever was written, so instances without
/// a block are not judged.
struct S3InlineArgument {
    var number: Int
    var argument: String
    var replacement: String
    /// Further arguments judged by the same check, each with its replacement.
    var also: KeyValuePairs<String, String> = [:]
    var note: String = ""
    /// The argument as written inline, for the failing example.
    var inline: String
    /// The replacement resource for a bucket named `data`.
    var split: String

    var arguments: [(String, String)] { [(argument, replacement)] + also.map { ($0.key, $0.value) } }

    var check: Check {
        let names = arguments.map(\.0)
        let title = also.isEmpty
            ? "S3 bucket configures \(argument) with \(replacement), not inline"
            : "S3 bucket sets none of the deprecated inline arguments \(names.joined(separator: ", "))"
        let replacements = arguments.map { "\($0.0) → \($0.1)" }.joined(separator: "; ")
        return Check(
            CheckMetadata(
                id: "AL-AWS-S3-\(number)",
                title: title,
                description: "Since AWS provider v4 the inline \(names.joined(separator: "/")) of aws_s3_bucket is deprecated (\(replacements)). Agents trained on older examples still write it; the inline form will be removed, and combined with the separate resource each apply reverts the other.\(note)",
                severity: .low, category: .outdated, service: "s3", resourceTypes: ["aws_s3_bucket"],
                remediation: "Move the setting to \(arguments.map(\.1).joined(separator: " / ")) referring to the bucket, and remove it from aws_s3_bucket.",
                snippet: split,
                references: ["https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade#s3-bucket-refactor"]),
            passing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "data-111122223333"
                }
                \(split)
                """,
            failing: """
                resource "aws_s3_bucket" "data" {
                  bucket = "data-111122223333"
                \(inline)
                }
                """
        ) { [arguments] bucket, _ in
            guard let body = bucket.body else { return .notApplicable }
            for (name, replacement) in arguments {
                let written = body.attribute(name) != nil || !body.blocks(ofType: name).isEmpty
                    || body.blocks(ofType: "dynamic").contains { $0.labels.first == name }
                if written {
                    return .failed(path: name, message: "Bucket \(bucket.address) sets \(name) inline, deprecated since AWS provider v4; use \(replacement).")
                }
            }
            return .passed
        }
    }
}
