import Foundation

/// Terraform for the CloudTrail examples: a well-configured trail, less one argument.
enum CloudTrailExamples {
    static let settings: [(String, String)] = [
        ("name", "\"org-trail\""),
        ("s3_bucket_name", "\"org-trail-111122223333\""),
        ("include_global_service_events", "true"),
        ("is_multi_region_trail", "true"),
        ("enable_log_file_validation", "true"),
        ("kms_key_id", "aws_kms_key.trail.arn"),
    ]

    static func trail(omitting omitted: String? = nil, extra: String = "") -> String {
        let lines = settings.filter { $0.0 != omitted }.map { name, value in
            "  " + name.padding(toLength: 30, withPad: " ", startingAt: 0) + "= " + value
        }
        return """
            resource "aws_kms_key" "trail" {
              description         = "CloudTrail logs"
              enable_key_rotation = true
            }
            resource "aws_cloudtrail" "org" {
            \(lines.joined(separator: "\n"))
            \(extra)}
            """
    }
}
