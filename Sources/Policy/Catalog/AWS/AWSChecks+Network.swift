import HCL
import Terraform

extension AWSChecks {
    /// Resource types that carry security group ingress rules.
    private static let securityGroupTypes = [
        "aws_security_group", "aws_default_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
    ]
    private static let networkACLTypes = ["aws_network_acl", "aws_default_network_acl", "aws_network_acl_rule"]

    static let network: [Check] = ([
        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-001", aliases: ["CKV_AWS_24"],
                title: "Security groups do not allow SSH (TCP 22) from the internet",
                description: "SSH open to 0.0.0.0/0 or ::/0 exposes the host to credential stuffing and to every sshd flaw from anywhere. A group is judged with all its rules: inline ingress blocks (dynamic ones included), aws_security_group_rule and aws_vpc_security_group_ingress_rule resources; each rule resource is also judged on its own.",
                severity: .high, category: .publicExposure, service: "vpc", resourceTypes: securityGroupTypes,
                remediation: "Allow SSH only from known administration networks (a VPN or bastion CIDR, or a source security group), or remove it and reach instances through AWS Systems Manager Session Manager.",
                snippet: """
                    resource "aws_vpc_security_group_ingress_rule" "ssh" {
                      security_group_id = aws_security_group.admin.id
                      description       = "SSH from the VPN"
                      ip_protocol       = "tcp"
                      from_port         = 22
                      to_port           = 22
                      cidr_ipv4         = "10.20.0.0/16"
                    }
                    """,
                references: [
                    "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
                    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13",
                ]),
            passing: """
                resource "aws_security_group" "admin" {
                  name   = "admin"
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    description = "SSH from the VPN"
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["10.20.0.0/16"]
                  }

                  ingress {
                    description = "HTTPS"
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """,
            failing: """
                resource "aws_security_group" "admin" {
                  name   = "admin"
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    description = "SSH"
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """
        ) { instance, context in
            SecurityGroupRules.verdict(instance, context.graph, .tcpPort(22, service: "SSH"))
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-002", aliases: ["CKV_AWS_25"],
                title: "Security groups do not allow RDP (TCP 3389) from the internet",
                description: "RDP open to the internet is among the most scanned and brute-forced services, and a common ransomware entry point. Groups are judged with all their rules, rule resources also on their own.",
                severity: .high, category: .publicExposure, service: "vpc", resourceTypes: securityGroupTypes,
                remediation: "Allow RDP only from known administration networks, or use Systems Manager Fleet Manager or a bastion instead.",
                snippet: """
                    resource "aws_security_group_rule" "rdp" {
                      type              = "ingress"
                      security_group_id = aws_security_group.windows.id
                      protocol          = "tcp"
                      from_port         = 3389
                      to_port           = 3389
                      cidr_blocks       = ["10.20.0.0/16"]
                    }
                    """,
                references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-14"]),
            passing: """
                resource "aws_security_group" "windows" {
                  name   = "windows"
                  vpc_id = "vpc-0a1b2c3d"
                }

                resource "aws_security_group_rule" "rdp" {
                  type              = "ingress"
                  security_group_id = aws_security_group.windows.id
                  protocol          = "tcp"
                  from_port         = 3389
                  to_port           = 3389
                  cidr_blocks       = ["10.20.0.0/16"]
                }
                """,
            failing: """
                resource "aws_security_group" "windows" {
                  name   = "windows"
                  vpc_id = "vpc-0a1b2c3d"
                }

                resource "aws_security_group_rule" "rdp" {
                  type              = "ingress"
                  security_group_id = aws_security_group.windows.id
                  protocol          = "tcp"
                  from_port         = 3389
                  to_port           = 3389
                  cidr_blocks       = ["0.0.0.0/0"]
                }
                """
        ) { instance, context in
            SecurityGroupRules.verdict(instance, context.graph, .tcpPort(3389, service: "RDP"))
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-003",
                title: "Security groups do not expose database ports to the internet",
                description: "Database and data-store listeners (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, MongoDB 27017, Redis 6379, Memcached 11211, Elasticsearch 9200/9300, Redshift 5439 and others) open to 0.0.0.0/0 or ::/0 are found by scanners within minutes; a weak or leaked password is then all that stands between the data and the internet.",
                severity: .critical, category: .publicExposure, service: "vpc", resourceTypes: securityGroupTypes,
                remediation: "Admit database traffic only from the application's security group (referenced_security_group_id / source_security_group_id) or from private CIDR ranges.",
                snippet: """
                    resource "aws_vpc_security_group_ingress_rule" "postgres" {
                      security_group_id            = aws_security_group.db.id
                      referenced_security_group_id = aws_security_group.app.id
                      ip_protocol                  = "tcp"
                      from_port                    = 5432
                      to_port                      = 5432
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html"]),
            passing: """
                resource "aws_security_group" "app" {
                  name   = "app"
                  vpc_id = "vpc-0a1b2c3d"
                }

                resource "aws_security_group" "db" {
                  name   = "db"
                  vpc_id = "vpc-0a1b2c3d"
                }

                resource "aws_vpc_security_group_ingress_rule" "postgres" {
                  security_group_id            = aws_security_group.db.id
                  referenced_security_group_id = aws_security_group.app.id
                  ip_protocol                  = "tcp"
                  from_port                    = 5432
                  to_port                      = 5432
                }
                """,
            failing: """
                resource "aws_security_group" "db" {
                  name   = "db"
                  vpc_id = "vpc-0a1b2c3d"
                }

                resource "aws_vpc_security_group_ingress_rule" "postgres" {
                  security_group_id = aws_security_group.db.id
                  ip_protocol       = "tcp"
                  from_port         = 5432
                  to_port           = 5432
                  cidr_ipv4         = "0.0.0.0/0"
                }
                """
        ) { instance, context in
            SecurityGroupRules.verdict(instance, context.graph, .tcpPorts(NetworkExposure.databasePorts))
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-004", aliases: ["CKV_AWS_277"],
                title: "Security groups do not allow all traffic from the internet",
                description: "A rule with protocol \"-1\" (every protocol and port), or every port of TCP or UDP, from 0.0.0.0/0 or ::/0 turns the security group off: every service on the instance, including ones started later, faces the internet.",
                severity: .critical, category: .publicExposure, service: "vpc", resourceTypes: securityGroupTypes,
                remediation: "Replace the rule with one rule per service the resource really offers, each limited to the port it needs and, unless it is a public web endpoint, to known source networks.",
                snippet: """
                    resource "aws_vpc_security_group_ingress_rule" "https" {
                      security_group_id = aws_security_group.web.id
                      ip_protocol       = "tcp"
                      from_port         = 443
                      to_port           = 443
                      cidr_ipv4         = "0.0.0.0/0"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"]),
            passing: """
                resource "aws_security_group" "cluster" {
                  name   = "cluster"
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    description = "members talk to each other"
                    from_port   = 0
                    to_port     = 0
                    protocol    = "-1"
                    self        = true
                  }
                }
                """,
            failing: """
                resource "aws_security_group" "cluster" {
                  name   = "cluster"
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    from_port   = 0
                    to_port     = 0
                    protocol    = "-1"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """
        ) { instance, context in
            SecurityGroupRules.verdict(instance, context.graph, .allTraffic)
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-005",
                title: "Security groups admit only web traffic (TCP 80/443) from the internet",
                description: "Anything reachable from 0.0.0.0/0 or ::/0 other than HTTP and HTTPS (admin consoles, debug ports, application ports behind no load balancer, whole port ranges) is attack surface nobody reviews. Public services belong behind a load balancer on 443.",
                severity: .medium, category: .publicExposure, service: "vpc", resourceTypes: securityGroupTypes,
                remediation: "Put the service behind a load balancer listening on 443 and admit the instance port only from the load balancer's security group; keep other ports to private networks.",
                snippet: """
                    resource "aws_vpc_security_group_ingress_rule" "app_from_alb" {
                      security_group_id            = aws_security_group.app.id
                      referenced_security_group_id = aws_security_group.alb.id
                      ip_protocol                  = "tcp"
                      from_port                    = 8080
                      to_port                      = 8080
                    }
                    """,
                references: ["https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html"]),
            passing: """
                resource "aws_security_group" "alb" {
                  name   = "alb"
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    from_port        = 443
                    to_port          = 443
                    protocol         = "tcp"
                    cidr_blocks      = ["0.0.0.0/0"]
                    ipv6_cidr_blocks = ["::/0"]
                  }

                  ingress {
                    from_port   = 80
                    to_port     = 80
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }

                  ingress {
                    from_port   = 8080
                    to_port     = 8080
                    protocol    = "tcp"
                    cidr_blocks = ["10.0.0.0/8"]
                  }
                }
                """,
            failing: """
                resource "aws_security_group" "app" {
                  name   = "app"
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    from_port   = 443
                    to_port     = 443
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }

                  ingress {
                    from_port   = 8080
                    to_port     = 8080
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """
        ) { instance, context in
            SecurityGroupRules.verdict(instance, context.graph, .beyondWeb)
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-006", aliases: ["CKV2_AWS_12"],
                title: "The default security group of every VPC restricts all traffic",
                description: "Every VPC comes with a default security group that admits all traffic between its members and allows all egress; anything launched without an explicit group lands in it. Managing it with aws_default_security_group and no rules strips those rules. A VPC without one keeps AWS's defaults; a default group with rules is judged too.",
                severity: .low, category: .publicExposure, service: "vpc", resourceTypes: ["aws_vpc", "aws_default_security_group"],
                remediation: "Add an aws_default_security_group for the VPC with no ingress or egress blocks, and give every resource a security group of its own.",
                snippet: """
                    resource "aws_default_security_group" "default" {
                      vpc_id = aws_vpc.main.id
                      # no ingress or egress: Terraform removes AWS's default rules
                    }
                    """,
                references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2"]),
            passing: """
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }

                resource "aws_default_security_group" "default" {
                  vpc_id = aws_vpc.main.id
                }
                """,
            failing: """
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }

                resource "aws_default_security_group" "default" {
                  vpc_id = aws_vpc.main.id

                  ingress {
                    protocol  = "-1"
                    self      = true
                    from_port = 0
                    to_port   = 0
                  }
                }
                """
        ) { instance, context in
            if instance.type == "aws_vpc" {
                let defaults = context.graph.referencing(instance, types: ["aws_default_security_group"])
                if defaults.isEmpty {
                    return .failed(path: "", message: "\(instance.address) has no aws_default_security_group, so its default security group keeps AWS's rules (all traffic between members, all egress).")
                }
                return .passed
            }
            var unknown: [String] = []
            for direction in ["ingress", "egress"] {
                // Unwritten rules are computed, and Terraform removes them when it adopts the group.
                switch instance.nestedBlocks(direction) {
                case .unset:
                    continue
                case .unknown:
                    unknown.append(direction)
                case .known(let v):
                    let n = v.count ?? 0
                    return .failed(path: "\(direction)[0]", message: "\(instance.address) keeps \(n) \(direction) rule\(n == 1 ? "" : "s"); the default security group should allow no traffic.")
                }
            }
            let ruleTypes: Set<String> = ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]
            if let rule = context.graph.referencing(instance, types: ruleTypes).first {
                return .failed(path: "", message: "\(rule.address) adds a rule to the default security group \(instance.address).")
            }
            if !unknown.isEmpty { return .unknown(paths: unknown, message: "The rules of \(instance.address) are known only after apply.") }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-007", aliases: ["CKV_AWS_130"],
                title: "Subnets do not assign public IP addresses by default",
                description: "With map_public_ip_on_launch = true every instance, task or node launched into the subnet gets a public address, whether or not it was meant to be reachable; combined with a loose security group it is on the internet.",
                severity: .medium, category: .publicExposure, service: "vpc", resourceTypes: ["aws_subnet"],
                remediation: "Set map_public_ip_on_launch = false (the default) and give public addresses only to what must have them (load balancers, NAT gateways, an Elastic IP where needed).",
                snippet: """
                    resource "aws_subnet" "app" {
                      vpc_id                  = aws_vpc.main.id
                      cidr_block              = "10.0.1.0/24"
                      map_public_ip_on_launch = false
                    }
                    """,
                references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15"]),
            passing: """
                resource "aws_subnet" "app" {
                  vpc_id     = "vpc-0a1b2c3d"
                  cidr_block = "10.0.1.0/24"
                }
                """,
            failing: """
                resource "aws_subnet" "public" {
                  vpc_id                  = "vpc-0a1b2c3d"
                  cidr_block              = "10.0.0.0/24"
                  map_public_ip_on_launch = true
                }
                """
        ) { subnet, _ in
            subnet.requireBool("map_public_ip_on_launch", false, whenUnset: false,
                               failure: "\(subnet.address) gives every instance launched in it a public IP address.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-008", aliases: ["CKV_AWS_232"],
                title: "Network ACLs do not let SSH (TCP 22) in from the internet",
                description: "A network ACL entry that allows TCP 22 from 0.0.0.0/0 or ::/0, before any entry that denies it, leaves security groups as the only barrier in front of SSH. Entries are judged in rule-number order, inline and aws_network_acl_rule alike.",
                severity: .medium, category: .publicExposure, service: "vpc", resourceTypes: networkACLTypes,
                remediation: "Allow TCP 22 only from administration networks, or add a lower-numbered deny entry for it from 0.0.0.0/0.",
                snippet: """
                    resource "aws_network_acl_rule" "ssh_from_vpn" {
                      network_acl_id = aws_network_acl.public.id
                      rule_number    = 120
                      egress         = false
                      protocol       = "tcp"
                      rule_action    = "allow"
                      cidr_block     = "10.20.0.0/16"
                      from_port      = 22
                      to_port        = 22
                    }
                    """,
                references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html"]),
            passing: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    rule_no    = 100
                    action     = "allow"
                    protocol   = "tcp"
                    cidr_block = "0.0.0.0/0"
                    from_port  = 443
                    to_port    = 443
                  }

                  ingress {
                    rule_no    = 110
                    action     = "allow"
                    protocol   = "tcp"
                    cidr_block = "10.20.0.0/16"
                    from_port  = 22
                    to_port    = 22
                  }
                }
                """,
            failing: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    rule_no    = 100
                    action     = "allow"
                    protocol   = "tcp"
                    cidr_block = "0.0.0.0/0"
                    from_port  = 22
                    to_port    = 22
                  }
                }
                """
        ) { instance, context in
            NetworkACLRules.verdict(instance, context.graph, .tcpPort(22, service: "SSH"))
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-009", aliases: ["CKV_AWS_231"],
                title: "Network ACLs do not let RDP (TCP 3389) in from the internet",
                description: "A network ACL entry that allows TCP 3389 from 0.0.0.0/0 or ::/0, before any entry that denies it, leaves security groups as the only barrier in front of RDP.",
                severity: .medium, category: .publicExposure, service: "vpc", resourceTypes: networkACLTypes,
                remediation: "Allow TCP 3389 only from administration networks, or add a lower-numbered deny entry for it from 0.0.0.0/0.",
                snippet: """
                    resource "aws_network_acl_rule" "deny_rdp" {
                      network_acl_id = aws_network_acl.public.id
                      rule_number    = 90
                      egress         = false
                      protocol       = "tcp"
                      rule_action    = "deny"
                      cidr_block     = "0.0.0.0/0"
                      from_port      = 3389
                      to_port        = 3389
                    }
                    """,
                references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html"]),
            passing: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"
                }

                resource "aws_network_acl_rule" "deny_rdp" {
                  network_acl_id = aws_network_acl.public.id
                  rule_number    = 90
                  protocol       = "tcp"
                  rule_action    = "deny"
                  cidr_block     = "0.0.0.0/0"
                  from_port      = 3389
                  to_port        = 3389
                }

                resource "aws_network_acl_rule" "high_ports" {
                  network_acl_id = aws_network_acl.public.id
                  rule_number    = 100
                  protocol       = "tcp"
                  rule_action    = "allow"
                  cidr_block     = "0.0.0.0/0"
                  from_port      = 1024
                  to_port        = 65535
                }
                """,
            failing: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"
                }

                resource "aws_network_acl_rule" "rdp" {
                  network_acl_id = aws_network_acl.public.id
                  rule_number    = 100
                  protocol       = "tcp"
                  rule_action    = "allow"
                  cidr_block     = "0.0.0.0/0"
                  from_port      = 3389
                  to_port        = 3389
                }
                """
        ) { instance, context in
            NetworkACLRules.verdict(instance, context.graph, .tcpPort(3389, service: "RDP"))
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-VPC-010", aliases: ["CKV_AWS_352"],
                title: "Network ACLs do not let all traffic in from the internet",
                description: "An inbound entry allowing every protocol, or every TCP or UDP port, from 0.0.0.0/0 or ::/0 makes the ACL no filter at all. Return traffic needs only the ephemeral ports (1024-65535).",
                severity: .low, category: .publicExposure, service: "vpc", resourceTypes: networkACLTypes,
                remediation: "Allow inbound only the service ports the subnet offers and the ephemeral range 1024-65535 for return traffic.",
                snippet: """
                    resource "aws_network_acl_rule" "ephemeral" {
                      network_acl_id = aws_network_acl.public.id
                      rule_number    = 200
                      egress         = false
                      protocol       = "tcp"
                      rule_action    = "allow"
                      cidr_block     = "0.0.0.0/0"
                      from_port      = 1024
                      to_port        = 65535
                    }
                    """,
                references: ["https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html"]),
            passing: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    rule_no    = 100
                    action     = "allow"
                    protocol   = "tcp"
                    cidr_block = "0.0.0.0/0"
                    from_port  = 443
                    to_port    = 443
                  }

                  ingress {
                    rule_no    = 200
                    action     = "allow"
                    protocol   = "tcp"
                    cidr_block = "0.0.0.0/0"
                    from_port  = 1024
                    to_port    = 65535
                  }
                }
                """,
            failing: """
                resource "aws_network_acl" "public" {
                  vpc_id = "vpc-0a1b2c3d"

                  ingress {
                    rule_no    = 100
                    action     = "allow"
                    protocol   = "-1"
                    cidr_block = "0.0.0.0/0"
                    from_port  = 0
                    to_port    = 0
                  }
                }
                """
        ) { instance, context in
            NetworkACLRules.verdict(instance, context.graph, .allTraffic)
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EKS-001", aliases: ["CKV_AWS_38"],
                title: "EKS cluster API endpoints are not public to the whole internet",
                description: "With endpoint_public_access on (the default) and public_access_cidrs left at its default of 0.0.0.0/0, the Kubernetes API server answers anyone; a leaked kubeconfig or token, or an API server flaw, is then exploitable from anywhere.",
                severity: .high, category: .publicExposure, service: "eks", resourceTypes: ["aws_eks_cluster"],
                remediation: "Turn the public endpoint off (endpoint_public_access = false, endpoint_private_access = true), or limit public_access_cidrs to the networks that administer the cluster.",
                snippet: """
                    resource "aws_eks_cluster" "main" {
                      name     = "main"
                      role_arn = aws_iam_role.cluster.arn

                      vpc_config {
                        subnet_ids              = var.private_subnet_ids
                        endpoint_private_access = true
                        endpoint_public_access  = true
                        public_access_cidrs     = ["203.0.113.0/24"]
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"]),
            passing: """
                resource "aws_eks_cluster" "main" {
                  name     = "main"
                  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

                  vpc_config {
                    subnet_ids              = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
                    endpoint_private_access = true
                    endpoint_public_access  = true
                    public_access_cidrs     = ["203.0.113.0/24"]
                  }
                }
                """,
            failing: """
                resource "aws_eks_cluster" "main" {
                  name     = "main"
                  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

                  vpc_config {
                    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
                  }
                }
                """
        ) { cluster, _ in
            let publicPath = "vpc_config[0].endpoint_public_access"
            switch cluster.argument(publicPath) {
            case .unknown: return cluster.unknownVerdict(publicPath)
            case .known(let v) where v.boolValue == false: return .passed
            case .known, .unset: break
            }
            let cidrsPath = "vpc_config[0].public_access_cidrs"
            switch cluster.argument(cidrsPath) {
            case .unset:
                // AWS's default for the public endpoint's CIDRs is 0.0.0.0/0.
                return .failed(path: cidrsPath, message: "\(cluster.address) has a public API endpoint and leaves public_access_cidrs at its default, 0.0.0.0/0.")
            case .unknown:
                let listed = NetworkExposure.includesWholeInternet(cluster.value(cidrsPath))
                if listed == .yes { break }
                return cluster.unknownVerdict(cidrsPath)
            case .known:
                if NetworkExposure.includesWholeInternet(cluster.value(cidrsPath)) == .no { return .passed }
            }
            return .failed(path: cidrsPath, message: "\(cluster.address) has a public API endpoint open to the whole internet.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EKS-002", aliases: ["CKV_AWS_39"],
                title: "EKS cluster API endpoints are private",
                description: "endpoint_public_access defaults to true: the Kubernetes API server gets an internet-facing endpoint, protected only by authentication and any CIDR allow-list. A private endpoint keeps the control plane inside the VPC.",
                severity: .low, category: .publicExposure, service: "eks", resourceTypes: ["aws_eks_cluster"],
                remediation: "Set endpoint_public_access = false and endpoint_private_access = true, and administer the cluster from inside the VPC (VPN, bastion, CI runners in the VPC).",
                snippet: """
                    vpc_config {
                      subnet_ids              = var.private_subnet_ids
                      endpoint_private_access = true
                      endpoint_public_access  = false
                    }
                    """,
                references: ["https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"]),
            passing: """
                resource "aws_eks_cluster" "main" {
                  name     = "main"
                  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

                  vpc_config {
                    subnet_ids              = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
                    endpoint_private_access = true
                    endpoint_public_access  = false
                  }
                }
                """,
            failing: """
                resource "aws_eks_cluster" "main" {
                  name     = "main"
                  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

                  vpc_config {
                    subnet_ids             = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
                    endpoint_public_access = true
                  }
                }
                """
        ) { cluster, _ in
            cluster.requireBool("vpc_config[0].endpoint_public_access", false, whenUnset: true,
                                failure: "\(cluster.address) has a public Kubernetes API endpoint.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-OPENSEARCH-001", aliases: ["CKV_AWS_137"],
                title: "OpenSearch and Elasticsearch domains are deployed inside a VPC",
                description: "A domain without vpc_options gets a public endpoint; only its access policy stands between the internet and the cluster's data, and a permissive policy (a common shortcut) makes every index readable and writable by anyone.",
                severity: .high, category: .publicExposure, service: "opensearch", resourceTypes: ["aws_opensearch_domain", "aws_elasticsearch_domain"],
                remediation: "Add a vpc_options block with private subnets and a security group that admits only the clients. A domain cannot be moved into a VPC in place: it must be recreated.",
                snippet: """
                    vpc_options {
                      subnet_ids         = var.private_subnet_ids
                      security_group_ids = [aws_security_group.search.id]
                    }
                    """,
                references: ["https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html"]),
            passing: """
                resource "aws_opensearch_domain" "search" {
                  domain_name    = "search"
                  engine_version = "OpenSearch_2.13"

                  vpc_options {
                    subnet_ids         = ["subnet-0a1b2c3d"]
                    security_group_ids = ["sg-0a1b2c3d"]
                  }
                }
                """,
            failing: """
                resource "aws_opensearch_domain" "search" {
                  domain_name    = "search"
                  engine_version = "OpenSearch_2.13"
                }
                """
        ) { domain, _ in
            switch domain.nestedBlocks("vpc_options") {
            case .unknown:
                return domain.unknownVerdict("vpc_options")
            case .known:
                return .passed
            case .unset:
                return .failed(path: "vpc_options", message: "\(domain.address) has no vpc_options: its endpoint is public.")
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-REDSHIFT-001", aliases: ["CKV_AWS_87"],
                title: "Redshift clusters are not publicly accessible",
                description: "A publicly accessible cluster gets a public IP address and DNS name. In AWS provider v5 publicly_accessible defaults to true, so a cluster that does not set it is public.",
                severity: .high, category: .publicExposure, service: "redshift", resourceTypes: ["aws_redshift_cluster"],
                remediation: "Set publicly_accessible = false and reach the cluster from inside the VPC.",
                snippet: """
                    resource "aws_redshift_cluster" "warehouse" {
                      cluster_identifier  = "warehouse"
                      node_type           = "ra3.xlplus"
                      publicly_accessible = false
                      encrypted           = true
                      # ...
                    }
                    """,
                references: [
                    "https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html",
                    "https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/redshift_cluster",
                ]),
            passing: """
                resource "aws_redshift_cluster" "warehouse" {
                  cluster_identifier          = "warehouse"
                  node_type                   = "ra3.xlplus"
                  master_username             = "admin"
                  manage_master_password      = true
                  publicly_accessible         = false
                  encrypted                   = true
                }
                """,
            failing: """
                resource "aws_redshift_cluster" "warehouse" {
                  cluster_identifier     = "warehouse"
                  node_type              = "ra3.xlplus"
                  master_username        = "admin"
                  manage_master_password = true
                }
                """
        ) { cluster, _ in
            cluster.requireBool("publicly_accessible", false, whenUnset: true,
                                failure: "\(cluster.address) is publicly accessible (the provider's default when publicly_accessible is not set).")
        },
    ] as [Check]).map(\.judgingManagedResourcesOnly)
}
