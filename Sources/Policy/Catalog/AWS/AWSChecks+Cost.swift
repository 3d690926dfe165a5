import HCL
import Terraform

/// Cost: the most expensive instance that fits, storage classes that cost more than their
/// successor for the same work, logs kept for ever.
extension AWSChecks {
    static let cost: [Check] = [
        Check(
            CheckMetadata(
                id: "AL-AWS-EC2-101",
                title: "EC2 instance type is not larger than the allowed size",
                description: "Coding agents pick the largest size that surely fits; an m5.8xlarge costs 16 times an m5.large. Sizes above the configured maximum (PolicySettings.maxInstanceSize, 4xlarge by default; metal counts as the largest) need a reason.",
                severity: .low, category: .cost, service: "ec2",
                resourceTypes: ["aws_instance", "aws_launch_template", "aws_launch_configuration"],
                remediation: "Choose a smaller size (measure first: CloudWatch CPU and memory, or Compute Optimizer), or suppress the finding with the reason the size is needed.",
                snippet: """
                    resource "aws_instance" "app" {
                      ami           = data.aws_ami.al2023.id
                      instance_type = "m7i.large"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/compute-optimizer/latest/ug/view-ec2-recommendations.html"]),
            passing: """
                resource "aws_instance" "app" {
                  ami           = "ami-0123456789abcdef0"
                  instance_type = "m7i.xlarge"
                }
                """,
            failing: """
                resource "aws_instance" "app" {
                  ami           = "ami-0123456789abcdef0"
                  instance_type = "m7i.16xlarge"
                }
                """
        ) { instance, context in
            CostRules.judgeSize(instance, path: "instance_type", max: context.settings.maxInstanceSize, what: "Instance type")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EC2-102",
                title: "EC2 instance type is not of an older generation",
                description: "Older families cost more per hour than their successor of the same size and perform worse: t2.micro $0.0116 against t3.micro $0.0104, c4.large $0.10 against c5.large $0.085 (on-demand Linux, us-east-1). Agents copy t2 and m4 from old examples.",
                severity: .low, category: .cost, service: "ec2",
                resourceTypes: ["aws_instance", "aws_launch_template", "aws_launch_configuration"],
                remediation: "Move to the current generation of the family (t3/t4g, m5 or later, c5 or later, r5 or later).",
                snippet: """
                    resource "aws_instance" "app" {
                      ami           = data.aws_ami.al2023.id
                      instance_type = "t3.micro"
                    }
                    """,
                references: ["https://aws.amazon.com/ec2/previous-generation/"]),
            passing: """
                resource "aws_instance" "app" {
                  ami           = "ami-0123456789abcdef0"
                  instance_type = "t3.micro"
                }
                """,
            failing: """
                resource "aws_instance" "app" {
                  ami           = "ami-0123456789abcdef0"
                  instance_type = "t2.micro"
                }
                """
        ) { instance, _ in
            guard let v = instance.value("instance_type") else { return .notApplicable }
            guard v.isKnown else {
                return instance.configurationWrites("instance_type") == false ? .notApplicable : AttributeRules.unknown(instance, "instance_type")
            }
            guard let name = v.stringValue, let type = ParsedInstanceType(name) else { return .notApplicable }
            if let successor = ParsedInstanceType.olderGenerationSuccessors[type.family] {
                return .failed(path: "instance_type", message: "\(instance.address) uses \(name), an older generation; \(successor).\(type.size) costs less or the same for more performance.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-101",
                title: "RDS instance class is not larger than the allowed size",
                description: "A database is the easiest place to overspend: a db.r6g.16xlarge costs about $7.5 an hour before storage. Classes above the configured maximum size (PolicySettings.maxInstanceSize, 4xlarge by default) need a reason.",
                severity: .low, category: .cost, service: "rds", resourceTypes: ["aws_db_instance", "aws_rds_cluster_instance"],
                remediation: "Choose a smaller class (Performance Insights shows what the database uses), or suppress the finding with the reason.",
                snippet: """
                    resource "aws_db_instance" "app" {
                      engine         = "postgres"
                      instance_class = "db.t4g.medium"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html"]),
            passing: """
                resource "aws_db_instance" "app" {
                  identifier          = "app"
                  engine              = "postgres"
                  instance_class      = "db.r6g.large"
                  allocated_storage   = 20
                  storage_type        = "gp3"
                  username            = "app"
                  manage_master_user_password = true
                }
                """,
            failing: """
                resource "aws_db_instance" "app" {
                  identifier          = "app"
                  engine              = "postgres"
                  instance_class      = "db.r6g.16xlarge"
                  allocated_storage   = 20
                  storage_type        = "gp3"
                  username            = "app"
                  manage_master_user_password = true
                }
                """
        ) { db, context in
            CostRules.judgeSize(db, path: "instance_class", max: context.settings.maxInstanceSize, what: "Instance class")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EBS-101",
                title: "EBS volumes use gp3 rather than gp2",
                description: "gp3 costs 20% less per GB than gp2 ($0.08 against $0.10 per GB-month in us-east-1) and gives 3,000 IOPS and 125 MB/s at any size, where gp2 ties performance to size. A new aws_ebs_volume without type is gp2.",
                severity: .low, category: .cost, service: "ebs",
                resourceTypes: ["aws_ebs_volume", "aws_instance", "aws_launch_template", "aws_launch_configuration"],
                remediation: "Set type (aws_ebs_volume) or volume_type (block devices) to \"gp3\"; existing volumes change type in place without downtime.",
                snippet: """
                    resource "aws_ebs_volume" "data" {
                      availability_zone = "us-east-1a"
                      size              = 100
                      type              = "gp3"
                      encrypted         = true
                    }
                    """,
                references: ["https://aws.amazon.com/ebs/pricing/", "https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html"]),
            passing: """
                resource "aws_ebs_volume" "data" {
                  availability_zone = "us-east-1a"
                  size              = 100
                  type              = "gp3"
                  encrypted         = true
                }
                """,
            failing: """
                resource "aws_ebs_volume" "data" {
                  availability_zone = "us-east-1a"
                  size              = 100
                  encrypted         = true
                }
                """
        ) { resource, _ in
            var unknown: [String] = []
            var judged = false
            for volume in CostRules.volumeTypes(of: resource) {
                judged = true
                guard let type = volume.type else { unknown.append(volume.path); continue }
                if type == "gp2" {
                    return .failed(path: volume.path, message: "\(resource.address) uses gp2 storage at \(volume.path)\(volume.defaulted ? " (the default when no type is set)" : ""); gp3 costs 20% less.")
                }
            }
            if !unknown.isEmpty { return .unknown(paths: unknown, message: "The volume type of \(resource.address) is known only after apply.") }
            return judged ? .passed : .notApplicable
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EBS-102",
                title: "Provisioned-IOPS volumes are needed",
                description: "io1 costs the same as io2, which is 100 times more durable; and io1/io2 with 16,000 IOPS or fewer cost several times what gp3 charges for the same IOPS ($0.065 against $0.005 per provisioned IOPS-month above gp3's free 3,000).",
                severity: .low, category: .cost, service: "ebs",
                resourceTypes: ["aws_ebs_volume", "aws_instance", "aws_launch_template", "aws_launch_configuration"],
                remediation: "Use gp3 with iops up to 16,000; above that use io2 rather than io1.",
                snippet: """
                    resource "aws_ebs_volume" "db" {
                      availability_zone = "us-east-1a"
                      size              = 500
                      type              = "gp3"
                      iops              = 12000
                      throughput        = 500
                      encrypted         = true
                    }
                    """,
                references: ["https://aws.amazon.com/ebs/pricing/", "https://docs.aws.amazon.com/ebs/latest/userguide/provisioned-iops.html"]),
            passing: """
                resource "aws_ebs_volume" "db" {
                  availability_zone = "us-east-1a"
                  size              = 500
                  type              = "io2"
                  iops              = 40000
                  encrypted         = true
                }
                """,
            failing: """
                resource "aws_ebs_volume" "db" {
                  availability_zone = "us-east-1a"
                  size              = 500
                  type              = "io1"
                  iops              = 10000
                  encrypted         = true
                }
                """
        ) { resource, _ in
            var unknown: [String] = []
            var judged = false
            for volume in CostRules.volumeTypes(of: resource) {
                judged = true
                guard let type = volume.type else { unknown.append(volume.path); continue }
                if type == "io1" {
                    return .failed(path: volume.path, message: "\(resource.address) uses io1 at \(volume.path); io2 costs the same and is 100 times more durable, and gp3 is far cheaper up to 16,000 IOPS.")
                }
                if type == "io2" {
                    guard let iops = resource.value(volume.iopsPath) else { continue }
                    guard iops.isKnown else { unknown.append(volume.iopsPath); continue }
                    if let n = iops.numberValue?.double, n <= 16000 {
                        return .failed(path: volume.path, message: "\(resource.address) provisions \(Int(n)) IOPS on io2 at \(volume.path); gp3 gives that many for a fraction of the price.")
                    }
                }
            }
            if !unknown.isEmpty { return .unknown(paths: unknown, message: "The volume type or IOPS of \(resource.address) are known only after apply.") }
            return judged ? .passed : .notApplicable
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-102",
                title: "RDS storage uses gp3 rather than gp2",
                description: "For RDS, gp3 storage costs less per GB than gp2 in most regions and gives baseline IOPS and throughput independent of size. Without storage_type (and without iops) the provider creates gp2.",
                severity: .low, category: .cost, service: "rds", resourceTypes: ["aws_db_instance"],
                remediation: "Set storage_type = \"gp3\".",
                snippet: """
                    resource "aws_db_instance" "app" {
                      engine            = "postgres"
                      instance_class    = "db.t4g.medium"
                      allocated_storage = 50
                      storage_type      = "gp3"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html"]),
            passing: """
                resource "aws_db_instance" "app" {
                  identifier        = "app"
                  engine            = "postgres"
                  instance_class    = "db.t4g.medium"
                  allocated_storage = 50
                  storage_type      = "gp3"
                  username          = "app"
                  manage_master_user_password = true
                }
                """,
            failing: """
                resource "aws_db_instance" "app" {
                  identifier        = "app"
                  engine            = "postgres"
                  instance_class    = "db.t4g.medium"
                  allocated_storage = 50
                  username          = "app"
                  manage_master_user_password = true
                }
                """
        ) { db, _ in
            // Aurora keeps its storage in the cluster; a read replica inherits its source's.
            if let engine = db.string("engine"), engine.hasPrefix("aurora") { return .notApplicable }
            if db.isSet("replicate_source_db") { return .notApplicable }
            // The provider's default is io1 when iops is set, gp2 otherwise.
            let fallback = db.presence(of: "iops") == .set ? "io1" : "gp2"
            guard let type = db.valueOrProviderDefault("storage_type", default: .string(fallback)), type.isKnown else {
                return AttributeRules.unknown(db, "storage_type")
            }
            if type.stringValue == "gp2" {
                return .failed(path: "storage_type", message: "RDS instance \(db.address) uses gp2 storage\(db.configurationWrites("storage_type") == false ? " (the default when storage_type is not set)" : ""); gp3 costs less.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CLOUDWATCH-003", aliases: ["CKV_AWS_66"],
                title: "CloudWatch log group sets a retention period",
                description: "A log group without retention_in_days keeps every log line for ever at $0.03 per GB-month, a bill that only grows; agents almost never set it.",
                severity: .low, category: .cost, service: "cloudwatch", resourceTypes: ["aws_cloudwatch_log_group"],
                remediation: "Set retention_in_days to what audits require (365 is a common floor for security logs; 30 or less for debug output).",
                snippet: """
                    resource "aws_cloudwatch_log_group" "app" {
                      name              = "/app/api"
                      retention_in_days = 365
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention"]),
            passing: """
                resource "aws_cloudwatch_log_group" "app" {
                  name              = "/app/api"
                  retention_in_days = 365
                }
                """,
            failing: """
                resource "aws_cloudwatch_log_group" "app" {
                  name = "/app/api"
                }
                """
        ) { group, _ in
            guard let v = group.value("retention_in_days") else {
                return .failed(path: "retention_in_days", message: "Log group \(group.address) keeps its logs for ever (no retention_in_days).")
            }
            guard v.isKnown else { return AttributeRules.unknown(group, "retention_in_days") }
            if v.isNull || v.numberValue?.double == 0 {
                return .failed(path: "retention_in_days", message: "Log group \(group.address) keeps its logs for ever (no retention_in_days).")
            }
            return .passed
        },
    ].map(\.judgingManagedResourcesOnly)
}
