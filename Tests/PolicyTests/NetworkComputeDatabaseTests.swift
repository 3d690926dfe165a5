import Foundation
import HCL
@testable import Policy
import Terraform
import Testing

/// One configuration, one check, and the status expected for each resource the check
/// judges. A resource not listed must get no finding; `faultLine` names a resource whose
/// failure must point at the line of the source marked `# fault`.
struct ExposureCase: CustomTestStringConvertible, Sendable {
    var name: String
    var check: String
    var source: String
    var expected: [String: Finding.Status]
    var faultLine: String? = nil
    var testDescription: String { name }
}

@Suite struct NetworkComputeDatabaseTests {
    static let cases: [ExposureCase] = [
        // MARK: Security groups
        ExposureCase(
            name: "a dynamic block over a variable opens SSH", check: "AL-AWS-VPC-001",
            source: """
                variable "rules" {
                  default = [
                    { port = 443, cidrs = ["0.0.0.0/0"] },
                    { port = 22, cidrs = ["0.0.0.0/0"] },
                  ]
                }
                resource "aws_security_group" "app" {
                  name = "app"
                  dynamic "ingress" { # fault
                    for_each = var.rules
                    content {
                      from_port   = ingress.value.port
                      to_port     = ingress.value.port
                      protocol    = "tcp"
                      cidr_blocks = ingress.value.cidrs
                    }
                  }
                }
                """,
            expected: ["aws_security_group.app": .failed], faultLine: "aws_security_group.app"),
        ExposureCase(
            name: "a rule resource fails on itself and on its group", check: "AL-AWS-VPC-001",
            source: """
                resource "aws_security_group" "app" {
                  name = "app"
                }
                resource "aws_security_group_rule" "ssh" {
                  type              = "ingress"
                  security_group_id = aws_security_group.app.id
                  protocol          = "tcp"
                  from_port         = 22
                  to_port           = 22
                  cidr_blocks       = ["0.0.0.0/0"] # fault
                }
                """,
            expected: ["aws_security_group.app": .failed, "aws_security_group_rule.ssh": .failed],
            faultLine: "aws_security_group_rule.ssh"),
        ExposureCase(
            name: "for_each rule resources: only the instance that opens SSH fails", check: "AL-AWS-VPC-001",
            source: """
                variable "ingress" {
                  default = {
                    https    = { port = 443, cidr = "0.0.0.0/0" }
                    ssh      = { port = 22, cidr = "0.0.0.0/0" }
                    internal = { port = 22, cidr = "10.0.0.0/8" }
                  }
                }
                resource "aws_security_group" "app" {
                  name = "app"
                }
                resource "aws_vpc_security_group_ingress_rule" "app" {
                  for_each          = var.ingress
                  security_group_id = aws_security_group.app.id
                  ip_protocol       = "tcp"
                  from_port         = each.value.port
                  to_port           = each.value.port
                  cidr_ipv4         = each.value.cidr
                }
                """,
            expected: [
                "aws_security_group.app": .failed, "aws_vpc_security_group_ingress_rule.app[\"ssh\"]": .failed,
                "aws_vpc_security_group_ingress_rule.app[\"https\"]": .passed,
                "aws_vpc_security_group_ingress_rule.app[\"internal\"]": .passed,
            ]),
        ExposureCase(
            name: "CIDRs known only after apply make SSH exposure unknown", check: "AL-AWS-VPC-001",
            source: """
                data "aws_ip_ranges" "ec2" {
                  services = ["ec2"]
                }
                resource "aws_security_group" "app" {
                  name = "app"
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = data.aws_ip_ranges.ec2.cidr_blocks
                  }
                }
                """,
            expected: ["aws_security_group.app": .unknown]),
        ExposureCase(
            name: "unknown CIDRs on another port do not matter", check: "AL-AWS-VPC-001",
            source: """
                data "aws_ip_ranges" "ec2" {
                  services = ["ec2"]
                }
                resource "aws_security_group" "app" {
                  name = "app"
                  ingress {
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = data.aws_ip_ranges.ec2.cidr_blocks
                  }
                }
                """,
            expected: ["aws_security_group.app": .passed]),
        ExposureCase(
            name: "unknown ports from a private network still pass", check: "AL-AWS-VPC-001",
            source: """
                data "aws_ssm_parameter" "port" {
                  name = "/app/port"
                }
                resource "aws_security_group" "app" {
                  name = "app"
                  ingress {
                    from_port   = data.aws_ssm_parameter.port.value
                    to_port     = data.aws_ssm_parameter.port.value
                    protocol    = "tcp"
                    cidr_blocks = ["10.0.0.0/8"]
                  }
                }
                """,
            expected: ["aws_security_group.app": .passed]),
        ExposureCase(
            name: "an unknown protocol from the internet is unknown", check: "AL-AWS-VPC-004",
            source: """
                data "aws_ssm_parameter" "protocol" {
                  name = "/app/protocol"
                }
                resource "aws_security_group_rule" "in" {
                  type              = "ingress"
                  security_group_id = "sg-0a1b2c3d"
                  protocol          = data.aws_ssm_parameter.protocol.value
                  from_port         = 0
                  to_port           = 0
                  cidr_blocks       = ["0.0.0.0/0"]
                }
                """,
            expected: ["aws_security_group_rule.in": .unknown]),
        ExposureCase(
            name: "TCP 0-65535 includes SSH", check: "AL-AWS-VPC-001",
            source: """
                resource "aws_security_group" "app" {
                  name = "app"
                  ingress {
                    from_port   = 0
                    to_port     = 65535
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"] # fault
                  }
                }
                """,
            expected: ["aws_security_group.app": .failed], faultLine: "aws_security_group.app"),
        ExposureCase(
            name: "TCP 0-65535 is all traffic", check: "AL-AWS-VPC-004",
            source: """
                resource "aws_security_group" "app" {
                  name = "app"
                  ingress {
                    from_port   = 0
                    to_port     = 65535
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """,
            expected: ["aws_security_group.app": .failed]),
        ExposureCase(
            name: "protocol -1 from ::/0 includes RDP", check: "AL-AWS-VPC-002",
            source: """
                resource "aws_security_group_rule" "all" {
                  type              = "ingress"
                  security_group_id = "sg-0a1b2c3d"
                  protocol          = "-1"
                  from_port         = 0
                  to_port           = 0
                  ipv6_cidr_blocks  = ["::/0"]
                }
                """,
            expected: ["aws_security_group_rule.all": .failed]),
        ExposureCase(
            name: "TCP 0-0 is port 0 alone, not every port", check: "AL-AWS-VPC-001",
            source: """
                resource "aws_security_group" "app" {
                  name = "app"
                  ingress {
                    from_port   = 0
                    to_port     = 0
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """,
            expected: ["aws_security_group.app": .passed]),
        ExposureCase(
            name: "ICMP and HTTP/3 from the internet are not beyond web", check: "AL-AWS-VPC-005",
            source: """
                resource "aws_security_group" "web" {
                  name = "web"
                  ingress {
                    from_port   = 8
                    to_port     = 0
                    protocol    = "icmp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                  ingress {
                    from_port   = 443
                    to_port     = 443
                    protocol    = "udp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """,
            expected: ["aws_security_group.web": .passed]),
        ExposureCase(
            name: "an egress rule resource is not judged", check: "AL-AWS-VPC-004",
            source: """
                resource "aws_security_group" "app" {
                  name = "app"
                }
                resource "aws_security_group_rule" "out" {
                  type              = "egress"
                  security_group_id = aws_security_group.app.id
                  protocol          = "-1"
                  from_port         = 0
                  to_port           = 0
                  cidr_blocks       = ["0.0.0.0/0"]
                }
                """,
            expected: ["aws_security_group.app": .passed]),
        ExposureCase(
            name: "a group that is only a rule's source is not opened by it", check: "AL-AWS-VPC-001",
            source: """
                resource "aws_security_group" "bastion" {
                  name = "bastion"
                }
                resource "aws_security_group" "app" {
                  name = "app"
                }
                resource "aws_security_group_rule" "ssh" {
                  type                     = "ingress"
                  security_group_id        = aws_security_group.app.id
                  source_security_group_id = aws_security_group.bastion.id
                  protocol                 = "tcp"
                  from_port                = 22
                  to_port                  = 22
                }
                """,
            expected: ["aws_security_group.bastion": .passed, "aws_security_group.app": .passed, "aws_security_group_rule.ssh": .passed]),
        ExposureCase(
            name: "a database port open to ::/0", check: "AL-AWS-VPC-003",
            source: """
                resource "aws_vpc_security_group_ingress_rule" "mysql" {
                  security_group_id = "sg-0a1b2c3d"
                  ip_protocol       = "tcp"
                  from_port         = 3306
                  to_port           = 3306
                  cidr_ipv6         = "::/0"
                }
                """,
            expected: ["aws_vpc_security_group_ingress_rule.mysql": .failed]),
        ExposureCase(
            name: "the finding points at the block as written, not in set order", check: "AL-AWS-VPC-001",
            source: """
                resource "aws_security_group" "web" {
                  name = "web"
                  ingress {
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"] # fault
                  }
                  ingress {
                    from_port   = 80
                    to_port     = 80
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """,
            expected: ["aws_security_group.web": .failed], faultLine: "aws_security_group.web"),
        ExposureCase(
            name: "the default security group with no rules restricts all traffic", check: "AL-AWS-VPC-006",
            source: """
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }
                resource "aws_default_security_group" "default" {
                  vpc_id = aws_vpc.main.id
                }
                resource "aws_vpc_security_group_egress_rule" "out" {
                  security_group_id = aws_default_security_group.default.id
                  ip_protocol       = "-1"
                  cidr_ipv4         = "0.0.0.0/0"
                }
                """,
            expected: ["aws_vpc.main": .passed, "aws_default_security_group.default": .failed]),

        ExposureCase(
            name: "data sources read groups and VPCs made elsewhere and are not judged", check: "AL-AWS-VPC-006",
            source: """
                data "aws_vpc" "default" {
                  default = true
                }
                """,
            expected: [:]),

        // MARK: Network ACLs
        ExposureCase(
            name: "a lower-numbered deny shadows a later allow", check: "AL-AWS-VPC-008",
            source: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"
                  ingress {
                    rule_no    = 200
                    action     = "allow"
                    protocol   = "-1"
                    cidr_block = "0.0.0.0/0"
                    from_port  = 0
                    to_port    = 0
                  }
                  ingress {
                    rule_no    = 100
                    action     = "deny"
                    protocol   = "tcp"
                    cidr_block = "0.0.0.0/0"
                    from_port  = 22
                    to_port    = 22
                  }
                }
                """,
            expected: ["aws_network_acl.public": .passed]),
        ExposureCase(
            name: "an allow before the deny lets SSH in", check: "AL-AWS-VPC-008",
            source: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"
                  ingress {
                    rule_no    = 100
                    action     = "allow"
                    protocol   = "tcp"
                    cidr_block = "0.0.0.0/0" # fault
                    from_port  = 0
                    to_port    = 65535
                  }
                  ingress {
                    rule_no    = 110
                    action     = "deny"
                    protocol   = "tcp"
                    cidr_block = "0.0.0.0/0"
                    from_port  = 22
                    to_port    = 22
                  }
                }
                """,
            expected: ["aws_network_acl.public": .failed], faultLine: "aws_network_acl.public"),
        ExposureCase(
            name: "rule resources of one ACL are ordered together", check: "AL-AWS-VPC-008",
            source: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"
                }
                resource "aws_network_acl_rule" "deny_ssh" {
                  network_acl_id = aws_network_acl.public.id
                  rule_number    = 90
                  protocol       = "tcp"
                  rule_action    = "deny"
                  cidr_block     = "0.0.0.0/0"
                  from_port      = 22
                  to_port        = 22
                }
                resource "aws_network_acl_rule" "all" {
                  network_acl_id = aws_network_acl.public.id
                  rule_number    = 100
                  protocol       = "-1"
                  rule_action    = "allow"
                  cidr_block     = "0.0.0.0/0"
                  from_port      = 0
                  to_port        = 0
                }
                """,
            expected: ["aws_network_acl.public": .passed, "aws_network_acl_rule.deny_ssh": .passed, "aws_network_acl_rule.all": .passed]),
        ExposureCase(
            name: "the ACL rule resource that decides fails", check: "AL-AWS-VPC-010",
            source: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"
                }
                resource "aws_network_acl_rule" "all" {
                  network_acl_id = aws_network_acl.public.id
                  rule_number    = 100
                  protocol       = "-1"
                  rule_action    = "allow"
                  cidr_block     = "0.0.0.0/0"
                }
                resource "aws_network_acl_rule" "out" {
                  network_acl_id = aws_network_acl.public.id
                  egress         = true
                  rule_number    = 100
                  protocol       = "-1"
                  rule_action    = "allow"
                  cidr_block     = "0.0.0.0/0"
                }
                """,
            expected: ["aws_network_acl.public": .failed, "aws_network_acl_rule.all": .failed]),

        // MARK: EKS, subnets
        ExposureCase(
            name: "an EKS public endpoint limited to an office network", check: "AL-AWS-EKS-001",
            source: """
                resource "aws_eks_cluster" "main" {
                  name     = "main"
                  role_arn = "arn:aws:iam::123456789012:role/eks"
                  vpc_config {
                    subnet_ids          = ["subnet-0a1b2c3d"]
                    public_access_cidrs = ["203.0.113.0/24", "::/0"]
                  }
                }
                """,
            expected: ["aws_eks_cluster.main": .failed]),

        // MARK: Compute
        ExposureCase(
            name: "the region's metadata defaults require tokens", check: "AL-AWS-EC2-001",
            source: """
                resource "aws_ec2_instance_metadata_defaults" "this" {
                  http_tokens = "required"
                }
                resource "aws_instance" "app" {
                  ami           = "ami-0abcdef1234567890"
                  instance_type = "t3.micro"
                }
                """,
            expected: ["aws_instance.app": .passed]),
        ExposureCase(
            name: "an instance that asks for optional tokens overrides nothing", check: "AL-AWS-EC2-001",
            source: """
                resource "aws_launch_template" "workers" {
                  name = "workers"
                  metadata_options {
                    http_tokens = "optional" # fault
                  }
                }
                """,
            expected: ["aws_launch_template.workers": .failed], faultLine: "aws_launch_template.workers"),
        ExposureCase(
            name: "an instance in a subnet that maps public IPs gets one", check: "AL-AWS-EC2-002",
            source: """
                resource "aws_subnet" "public" {
                  vpc_id                  = "vpc-0a1b2c3d"
                  cidr_block              = "10.0.0.0/24"
                  map_public_ip_on_launch = true
                }
                resource "aws_instance" "app" {
                  ami           = "ami-0abcdef1234567890"
                  instance_type = "t3.micro"
                  subnet_id     = aws_subnet.public.id # fault
                }
                resource "aws_instance" "private" {
                  ami                         = "ami-0abcdef1234567890"
                  instance_type               = "t3.micro"
                  subnet_id                   = aws_subnet.public.id
                  associate_public_ip_address = false
                }
                """,
            expected: ["aws_instance.app": .failed, "aws_instance.private": .passed], faultLine: "aws_instance.app"),
        ExposureCase(
            name: "EBS encryption by default covers volumes that say nothing", check: "AL-AWS-EBS-001",
            source: """
                resource "aws_ebs_encryption_by_default" "this" {}
                resource "aws_ebs_volume" "data" {
                  availability_zone = "us-east-1a"
                  size              = 10
                }
                """,
            expected: ["aws_ebs_volume.data": .passed]),
        ExposureCase(
            name: "a volume restored from a snapshot takes the snapshot's encryption", check: "AL-AWS-EBS-001",
            source: """
                resource "aws_ebs_volume" "data" {
                  availability_zone = "us-east-1a"
                  snapshot_id       = "snap-0a1b2c3d4e5f"
                }
                """,
            expected: ["aws_ebs_volume.data": .unknown]),
        ExposureCase(
            name: "an unencrypted data volume of an instance, in set order", check: "AL-AWS-EC2-003",
            source: """
                resource "aws_instance" "db" {
                  ami           = "ami-0abcdef1234567890"
                  instance_type = "t3.micro"
                  root_block_device {
                    encrypted = true
                  }
                  ebs_block_device {
                    device_name = "/dev/sdz"
                    encrypted   = true
                  }
                  ebs_block_device {
                    device_name = "/dev/sdb"
                    encrypted   = false # fault
                  }
                }
                """,
            expected: ["aws_instance.db": .failed], faultLine: "aws_instance.db"),
        ExposureCase(
            name: "a privileged container next to an image known only after apply", check: "AL-AWS-ECS-001",
            source: """
                resource "aws_ecr_repository" "app" {
                  name = "app"
                }
                resource "aws_ecs_task_definition" "app" {
                  family = "app"
                  container_definitions = jsonencode([
                    { name = "sidecar", image = "public.ecr.aws/aws-observability/aws-otel-collector:latest" },
                    { name = "app", image = "${aws_ecr_repository.app.repository_url}:1.0", privileged = true },
                  ])
                }
                """,
            expected: ["aws_ecs_task_definition.app": .failed]),
        ExposureCase(
            name: "privileged from a value known only after apply is unknown", check: "AL-AWS-ECS-001",
            source: """
                data "aws_ssm_parameter" "privileged" {
                  name = "/app/privileged"
                }
                resource "aws_ecs_task_definition" "app" {
                  family = "app"
                  container_definitions = jsonencode([
                    { name = "app", image = "nginx", privileged = data.aws_ssm_parameter.privileged.value },
                  ])
                }
                """,
            expected: ["aws_ecs_task_definition.app": .unknown]),
        ExposureCase(
            name: "container definitions as a heredoc", check: "AL-AWS-ECS-001",
            source: """
                resource "aws_ecs_task_definition" "app" {
                  family                = "app"
                  container_definitions = <<-JSON
                    [{"name": "app", "image": "nginx", "privileged": false}]
                  JSON
                }
                """,
            expected: ["aws_ecs_task_definition.app": .passed]),

        // MARK: Databases
        ExposureCase(
            name: "a read replica is judged through its source", check: "AL-AWS-RDS-002",
            source: """
                resource "aws_db_instance" "primary" {
                  identifier        = "primary"
                  engine            = "postgres"
                  instance_class    = "db.t4g.micro"
                  allocated_storage = 20
                }
                resource "aws_db_instance" "replica" {
                  identifier          = "replica"
                  replicate_source_db = aws_db_instance.primary.identifier
                  instance_class      = "db.t4g.micro"
                }
                """,
            expected: ["aws_db_instance.primary": .failed]),
        ExposureCase(
            name: "an Aurora instance that does not say whether it is public", check: "AL-AWS-RDS-001",
            source: """
                resource "aws_rds_cluster_instance" "one" {
                  cluster_identifier = "main"
                  instance_class     = "db.r6g.large"
                  engine             = "aurora-postgresql"
                }
                """,
            expected: ["aws_rds_cluster_instance.one": .unknown]),
        ExposureCase(
            name: "Aurora Serverless v1 is always encrypted", check: "AL-AWS-RDS-003",
            source: """
                resource "aws_rds_cluster" "main" {
                  cluster_identifier = "main"
                  engine             = "aurora-mysql"
                  engine_mode        = "serverless"
                }
                """,
            expected: ["aws_rds_cluster.main": .passed]),
        ExposureCase(
            name: "backups kept for 3 days", check: "AL-AWS-RDS-004",
            source: """
                resource "aws_rds_cluster" "main" {
                  cluster_identifier      = "main"
                  engine                  = "aurora-mysql"
                  backup_retention_period = 3 # fault
                }
                """,
            expected: ["aws_rds_cluster.main": .failed], faultLine: "aws_rds_cluster.main"),
        ExposureCase(
            name: "IAM authentication does not apply to SQL Server", check: "AL-AWS-RDS-008",
            source: """
                resource "aws_db_instance" "mssql" {
                  identifier        = "mssql"
                  engine            = "sqlserver-ex"
                  instance_class    = "db.t3.micro"
                  allocated_storage = 20
                }
                """,
            expected: [:]),
        ExposureCase(
            name: "a Redshift cluster that does not set publicly_accessible is public", check: "AL-AWS-REDSHIFT-001",
            source: """
                resource "aws_redshift_cluster" "dw" { # fault
                  cluster_identifier = "dw"
                  node_type          = "ra3.xlplus"
                }
                """,
            expected: ["aws_redshift_cluster.dw": .failed], faultLine: "aws_redshift_cluster.dw"),
        ExposureCase(
            name: "valkey encrypts at rest unless told otherwise", check: "AL-AWS-ELASTICACHE-001",
            source: """
                resource "aws_elasticache_replication_group" "cache" {
                  replication_group_id = "cache"
                  description          = "cache"
                  engine               = "valkey"
                }
                """,
            expected: ["aws_elasticache_replication_group.cache": .passed]),
        ExposureCase(
            name: "a customer managed key for DynamoDB from a KMS resource", check: "AL-AWS-DYNAMODB-002",
            source: """
                resource "aws_kms_key" "k" {}
                resource "aws_dynamodb_table" "t" {
                  name     = "t"
                  hash_key = "id"
                  billing_mode = "PAY_PER_REQUEST"
                  attribute {
                    name = "id"
                    type = "S"
                  }
                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = aws_kms_key.k.arn
                  }
                }
                """,
            expected: ["aws_dynamodb_table.t": .passed]),
    ]

    @Test(arguments: cases)
    func statusPerResource(_ c: ExposureCase) throws {
        let check = try #require(Catalog.check(named: c.check), "no check \(c.check)")
        let findings = try scan(c.source, checks: [check])
        var actual: [String: Finding.Status] = [:]
        for f in findings { actual[f.resource] = f.status }
        #expect(actual == c.expected, "\(findings.map { "\($0.resource): \($0.status) \($0.path) \($0.message)" })")
        if let resource = c.faultLine {
            let lines = c.source.split(separator: "\n", omittingEmptySubsequences: false)
            let marked = try #require(lines.firstIndex { $0.contains("# fault") }) + 1
            let finding = try #require(findings.first { $0.resource == resource && $0.status == .failed })
            #expect(finding.range?.start.line == marked, "points at line \(finding.range?.start.line ?? 0) (\(finding.path)), not \(marked)")
        }
    }

    /// The corpus plan of separate rule resources: the plan has no source, yet the group is
    /// judged with its rules through the plan's configuration references.
    @Test func planOfSeparateRuleResources() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/eval/40-nacl-and-sg-rule-resources/plan.json").path
        guard case .plan(let plan) = try TerraformDocument.read(path: path) else {
            Issue.record("not a plan")
            return
        }
        let engine = PolicyEngine(checks: ["AL-AWS-VPC-001", "AL-AWS-VPC-008"].compactMap(Catalog.check(named:)), moduleChecks: [])
        let findings = engine.run(plan.resourceInstances)
        func status(_ id: String, _ resource: String) -> Finding.Status? {
            findings.first { $0.check.id == id && $0.resource == resource }?.status
        }
        #expect(status("AL-AWS-VPC-001", "aws_security_group.app") == .failed)
        #expect(status("AL-AWS-VPC-001", "aws_vpc_security_group_ingress_rule.app[\"ssh\"]") == .failed)
        #expect(status("AL-AWS-VPC-001", "aws_vpc_security_group_ingress_rule.app[\"https\"]") == .passed)
        // The default group's rules are computed in the plan, so nobody can tell.
        #expect(status("AL-AWS-VPC-001", "aws_default_security_group.default") == .unknown)
        // SSH from 10.0.0.0/8 only; the ACL lets no SSH in from the internet.
        #expect(status("AL-AWS-VPC-008", "aws_network_acl.public") == .passed)
    }

    @Test(arguments: [
        ("0.0.0.0/0", true), ("::/0", true), ("0:0:0:0:0:0:0:0/0", true), ("10.0.0.0/0", true),
        ("0.0.0.0/1", false), ("10.0.0.0/8", false), ("2001:db8::/32", false), ("0.0.0.0", false), ("::/00x", false),
    ])
    func wholeInternetCIDRs(_ cidr: String, _ whole: Bool) {
        #expect(NetworkExposure.isWholeInternet(cidr) == whole)
    }
}
