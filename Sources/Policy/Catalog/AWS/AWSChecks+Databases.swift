import HCL
import Terraform

extension AWSChecks {
    static let databases: [Check] = ([
        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-001", aliases: ["CKV_AWS_17"],
                title: "RDS database instances are not publicly accessible",
                description: "publicly_accessible = true gives the database a public DNS name and address; with a permissive security group it is on the internet, one leaked or weak password away from a breach. An Aurora cluster instance that does not set it is public whenever its subnets' VPC has an internet gateway, which the configuration does not show.",
                severity: .critical, category: .publicExposure, service: "rds", resourceTypes: ["aws_db_instance", "aws_rds_cluster_instance"],
                remediation: "Set publicly_accessible = false, place the database in private subnets, and reach it from the application's security group, a bastion, or Session Manager port forwarding.",
                snippet: """
                    resource "aws_db_instance" "main" {
                      # ...
                      db_subnet_group_name   = aws_db_subnet_group.private.name
                      publicly_accessible    = false
                      vpc_security_group_ids = [aws_security_group.db.id]
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding"]),
            passing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  publicly_accessible         = false
                }
                """,
            failing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  publicly_accessible         = true
                }
                """
        ) { db, _ in
            let state = db.argument("publicly_accessible")
            if db.type == "aws_rds_cluster_instance", state == .unset {
                return db.unknownVerdict("publicly_accessible", why: "\(db.address) does not set publicly_accessible: AWS makes it public when its subnets' VPC has an internet gateway. Set publicly_accessible = false.")
            }
            return db.requireBool("publicly_accessible", false, whenUnset: false, failure: "\(db.address) is publicly accessible.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-002", aliases: ["CKV_AWS_16"],
                title: "RDS database instances encrypt their storage",
                description: "storage_encrypted defaults to false: the data, its automated backups, read replicas and snapshots are stored unencrypted, and encryption cannot be switched on later without a snapshot copy and a restore. Read replicas (which follow their source) and Aurora members (encrypted by their cluster) are judged through those.",
                severity: .high, category: .encryption, service: "rds", resourceTypes: ["aws_db_instance"],
                remediation: "Set storage_encrypted = true (with kms_key_id for a customer managed key). For an existing instance, restore an encrypted copy of a snapshot.",
                snippet: """
                    resource "aws_db_instance" "main" {
                      # ...
                      storage_encrypted = true
                      kms_key_id        = aws_kms_key.rds.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"]),
            passing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "mysql"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  storage_encrypted           = true
                }
                """,
            failing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "mysql"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                }
                """
        ) { db, _ in
            guard RDSTopology.isStandalonePrimary(db) else { return .notApplicable }
            if db.argument("storage_encrypted") == .unset, RDSTopology.restoresFromElsewhere(db) {
                return db.unknownVerdict("snapshot_identifier", why: "\(db.address) is restored from a snapshot and does not set storage_encrypted: it takes the snapshot's encryption.")
            }
            return db.requireBool("storage_encrypted", true, whenUnset: false, failure: "\(db.address) does not encrypt its storage.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-003", aliases: ["CKV_AWS_96"],
                title: "Aurora and RDS clusters encrypt their storage",
                description: "A provisioned cluster's storage_encrypted defaults to false: the cluster volume, backups and snapshots are stored unencrypted, and only a snapshot restore can change it. Aurora Serverless v1 clusters are always encrypted.",
                severity: .high, category: .encryption, service: "rds", resourceTypes: ["aws_rds_cluster"],
                remediation: "Set storage_encrypted = true (with kms_key_id for a customer managed key).",
                snippet: """
                    resource "aws_rds_cluster" "main" {
                      # ...
                      storage_encrypted = true
                      kms_key_id        = aws_kms_key.rds.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html"]),
            passing: """
                resource "aws_rds_cluster" "main" {
                  cluster_identifier          = "main"
                  engine                      = "aurora-postgresql"
                  master_username             = "app"
                  manage_master_user_password = true
                  storage_encrypted           = true
                }
                """,
            failing: """
                resource "aws_rds_cluster" "main" {
                  cluster_identifier          = "main"
                  engine                      = "aurora-postgresql"
                  master_username             = "app"
                  manage_master_user_password = true
                }
                """
        ) { cluster, _ in
            if cluster.argument("engine_mode").string == "serverless" { return .passed }
            if cluster.argument("storage_encrypted") == .unset, RDSTopology.restoresFromElsewhere(cluster) {
                return cluster.unknownVerdict("snapshot_identifier", why: "\(cluster.address) is restored or replicated from another source and does not set storage_encrypted: it takes that source's encryption.")
            }
            return cluster.requireBool("storage_encrypted", true, whenUnset: false, failure: "\(cluster.address) does not encrypt its storage.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-004", aliases: ["CKV_AWS_133"],
                title: "RDS databases keep automated backups for at least 7 days",
                description: "backup_retention_period = 0 turns automated backups and point-in-time recovery off; left unset, AWS keeps them for 1 day, so a mistake noticed after a weekend cannot be undone. Read replicas and Aurora members are judged through their source or cluster.",
                severity: .medium, category: .resilience, service: "rds", resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
                remediation: "Set backup_retention_period to 7 or more (up to 35) and a preferred backup window.",
                snippet: """
                    resource "aws_db_instance" "main" {
                      # ...
                      backup_retention_period = 14
                      backup_window           = "03:00-04:00"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"]),
            passing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  backup_retention_period     = 14
                }
                """,
            failing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  backup_retention_period     = 0
                }
                """
        ) { db, _ in
            if db.type == "aws_db_instance", !RDSTopology.isStandalonePrimary(db) { return .notApplicable }
            let path = "backup_retention_period"
            let state = db.argument(path)
            switch state {
            case .unknown:
                return db.unknownVerdict(path)
            case .unset:
                return .failed(path: path, message: "\(db.address) does not set backup_retention_period: AWS keeps automated backups for 1 day.")
            case .known:
                guard let days = state.number else { return db.unknownVerdict(path) }
                if days >= 7 { return .passed }
                if days == 0 { return .failed(path: path, message: "\(db.address) turns automated backups off (backup_retention_period = 0).") }
                return .failed(path: path, message: "\(db.address) keeps automated backups for \(Int(days)) day\(days == 1 ? "" : "s"), fewer than 7.")
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-005", aliases: ["CKV_AWS_293", "CKV_AWS_139"],
                title: "RDS databases have deletion protection",
                description: "deletion_protection defaults to false: one terraform destroy, a renamed resource that forces replacement, or a console click deletes the database. Coding agents replace resources readily; deletion protection makes AWS refuse.",
                severity: .medium, category: .resilience, service: "rds", resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
                remediation: "Set deletion_protection = true; turning it off becomes a deliberate, reviewed change.",
                snippet: """
                    resource "aws_rds_cluster" "main" {
                      # ...
                      deletion_protection = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection"]),
            passing: """
                resource "aws_rds_cluster" "main" {
                  cluster_identifier          = "main"
                  engine                      = "aurora-mysql"
                  master_username             = "app"
                  manage_master_user_password = true
                  deletion_protection         = true
                }
                """,
            failing: """
                resource "aws_rds_cluster" "main" {
                  cluster_identifier          = "main"
                  engine                      = "aurora-mysql"
                  master_username             = "app"
                  manage_master_user_password = true
                }
                """
        ) { db, _ in
            if db.type == "aws_db_instance", !RDSTopology.isStandalonePrimary(db) { return .notApplicable }
            return db.requireBool("deletion_protection", true, whenUnset: false, failure: "\(db.address) can be deleted without first turning deletion protection off.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-006", aliases: ["CKV_AWS_157"],
                title: "RDS database instances are Multi-AZ",
                description: "A single-AZ instance is down for the whole of an Availability Zone outage or a host failure, and for the reboot of many maintenance operations; Multi-AZ keeps a synchronous standby that takes over in a minute or two.",
                severity: .low, category: .resilience, service: "rds", resourceTypes: ["aws_db_instance"],
                remediation: "Set multi_az = true for production databases (it roughly doubles the instance cost; suppress with a reason for development ones).",
                snippet: """
                    resource "aws_db_instance" "main" {
                      # ...
                      multi_az = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html"]),
            passing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.medium"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  multi_az                    = true
                }
                """,
            failing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.medium"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                }
                """
        ) { db, _ in
            guard RDSTopology.isStandalonePrimary(db) else { return .notApplicable }
            return db.requireBool("multi_az", true, whenUnset: false, failure: "\(db.address) runs in a single Availability Zone.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-007",
                title: "Databases take a final snapshot when deleted",
                description: "skip_final_snapshot = true deletes the database, and with it every automated backup, without a last snapshot. Agents set it to make terraform destroy quick; in a shared or production configuration it turns a mistaken destroy into permanent data loss.",
                severity: .medium, category: .resilience, service: "rds",
                resourceTypes: ["aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_redshift_cluster"],
                remediation: "Set skip_final_snapshot = false with a final_snapshot_identifier (and keep automated backups with delete_automated_backups = false).",
                snippet: """
                    resource "aws_db_instance" "main" {
                      # ...
                      skip_final_snapshot       = false
                      final_snapshot_identifier = "main-final"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html"]),
            passing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  skip_final_snapshot         = false
                  final_snapshot_identifier   = "main-final"
                }
                """,
            failing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  skip_final_snapshot         = true
                }
                """
        ) { db, _ in
            // Replicas and cluster members have no final snapshot of their own.
            if db.type == "aws_db_instance", !RDSTopology.isStandalonePrimary(db) { return .notApplicable }
            return db.requireBool("skip_final_snapshot", false, whenUnset: false,
                                  failure: "\(db.address) is deleted without a final snapshot (skip_final_snapshot = true).")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-008", aliases: ["CKV_AWS_161", "CKV_AWS_162"],
                title: "RDS databases accept IAM authentication",
                description: "With IAM database authentication, applications and people connect with short-lived tokens tied to IAM roles instead of long-lived passwords that end up in code, CI variables and chat. Available for MySQL, MariaDB, PostgreSQL and Aurora.",
                severity: .low, category: .iam, service: "rds", resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
                remediation: "Set iam_database_authentication_enabled = true and grant rds-db:connect to the roles that need it.",
                snippet: """
                    resource "aws_rds_cluster" "main" {
                      # ...
                      iam_database_authentication_enabled = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html"]),
            passing: """
                resource "aws_db_instance" "main" {
                  identifier                          = "main"
                  engine                              = "postgres"
                  instance_class                      = "db.t4g.micro"
                  allocated_storage                   = 20
                  username                            = "app"
                  manage_master_user_password         = true
                  iam_database_authentication_enabled = true
                }
                """,
            failing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                }
                """
        ) { db, _ in
            if db.type == "aws_db_instance", !RDSTopology.isStandalonePrimary(db) { return .notApplicable }
            let supported: Set<String> = ["mysql", "mariadb", "postgres", "aurora", "aurora-mysql", "aurora-postgresql"]
            switch db.argument("engine") {
            case .unknown:
                return db.unknownVerdict("engine")
            case .unset:
                if db.type == "aws_db_instance" { return .notApplicable }
            case let e:
                guard let engine = e.string?.lowercased(), supported.contains(engine) else { return .notApplicable }
            }
            return db.requireBool("iam_database_authentication_enabled", true, whenUnset: false,
                                  failure: "\(db.address) accepts only password authentication.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-009", aliases: ["CKV_AWS_226"],
                title: "RDS database instances take minor engine upgrades automatically",
                description: "auto_minor_version_upgrade = false leaves the engine on a minor version until someone upgrades it by hand; security fixes ship in minor versions.",
                severity: .low, category: .outdated, service: "rds", resourceTypes: ["aws_db_instance", "aws_rds_cluster_instance"],
                remediation: "Leave auto_minor_version_upgrade at its default (true) and pick a maintenance_window.",
                snippet: """
                    resource "aws_db_instance" "main" {
                      # ...
                      auto_minor_version_upgrade = true
                      maintenance_window         = "sun:04:00-sun:05:00"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html"]),
            passing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                }
                """,
            failing: """
                resource "aws_db_instance" "main" {
                  identifier                  = "main"
                  engine                      = "postgres"
                  instance_class              = "db.t4g.micro"
                  allocated_storage           = 20
                  username                    = "app"
                  manage_master_user_password = true
                  auto_minor_version_upgrade  = false
                }
                """
        ) { db, _ in
            db.requireBool("auto_minor_version_upgrade", true, whenUnset: true,
                           failure: "\(db.address) does not take minor engine upgrades (auto_minor_version_upgrade = false).")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-DYNAMODB-001", aliases: ["CKV_AWS_28"],
                title: "DynamoDB tables have point-in-time recovery",
                description: "Without point-in-time recovery a bad deploy, a buggy migration or a deleted item cannot be rolled back: on-demand backups only restore what was there when they were taken.",
                severity: .medium, category: .resilience, service: "dynamodb", resourceTypes: ["aws_dynamodb_table"],
                remediation: "Add point_in_time_recovery { enabled = true }.",
                snippet: """
                    resource "aws_dynamodb_table" "orders" {
                      # ...
                      point_in_time_recovery {
                        enabled = true
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"]),
            passing: """
                resource "aws_dynamodb_table" "orders" {
                  name         = "orders"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"

                  attribute {
                    name = "id"
                    type = "S"
                  }

                  point_in_time_recovery {
                    enabled = true
                  }
                }
                """,
            failing: """
                resource "aws_dynamodb_table" "orders" {
                  name         = "orders"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"

                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """
        ) { table, _ in
            let path = "point_in_time_recovery[0].enabled"
            return table.requireBool(path, true, whenUnset: false, failure: "\(table.address) has no point-in-time recovery.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-DYNAMODB-002", aliases: ["CKV_AWS_119"],
                title: "DynamoDB tables are encrypted with a customer managed KMS key",
                description: "By default a table is encrypted with a key AWS owns, and with enabled = true but no kms_key_arn with the AWS managed key: neither can be restricted by a key policy, audited per use in CloudTrail, or revoked to cut off access to the data.",
                severity: .low, category: .encryption, service: "dynamodb", resourceTypes: ["aws_dynamodb_table"],
                remediation: "Add server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.x.arn }.",
                snippet: """
                    server_side_encryption {
                      enabled     = true
                      kms_key_arn = aws_kms_key.dynamodb.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html"]),
            passing: """
                resource "aws_kms_key" "dynamodb" {
                  description         = "DynamoDB tables"
                  enable_key_rotation = true
                }

                resource "aws_dynamodb_table" "orders" {
                  name         = "orders"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"

                  attribute {
                    name = "id"
                    type = "S"
                  }

                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = aws_kms_key.dynamodb.arn
                  }
                }
                """,
            failing: """
                resource "aws_dynamodb_table" "orders" {
                  name         = "orders"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"

                  attribute {
                    name = "id"
                    type = "S"
                  }

                  server_side_encryption {
                    enabled = true
                  }
                }
                """
        ) { table, _ in
            let enabledPath = "server_side_encryption[0].enabled"
            let enabled = table.requireBool(enabledPath, true, whenUnset: false,
                                            failure: "\(table.address) is encrypted with a key AWS owns, not a customer managed key.")
            guard enabled == .passed else { return enabled }
            let keyPath = "server_side_encryption[0].kms_key_arn"
            switch table.holdsValue(keyPath) {
            case .yes: return .passed
            case .no: return .failed(path: keyPath, message: "\(table.address) is encrypted with the AWS managed key aws/dynamodb: set kms_key_arn to a customer managed key.")
            case .maybe: return table.unknownVerdict(keyPath)
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ELASTICACHE-001", aliases: ["CKV_AWS_29"],
                title: "ElastiCache replication groups encrypt data at rest",
                description: "Without at-rest encryption, cache data on disk (swap, backups, snapshots exported to S3) is stored in clear. For the redis engine at_rest_encryption_enabled defaults to false; valkey encrypts by default.",
                severity: .medium, category: .encryption, service: "elasticache", resourceTypes: ["aws_elasticache_replication_group"],
                remediation: "Set at_rest_encryption_enabled = true (optionally with kms_key_id). Existing groups must be recreated.",
                snippet: """
                    resource "aws_elasticache_replication_group" "cache" {
                      # ...
                      at_rest_encryption_enabled = true
                      transit_encryption_enabled = true
                      auth_token                 = var.redis_auth_token
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html"]),
            passing: """
                resource "aws_elasticache_replication_group" "cache" {
                  replication_group_id       = "cache"
                  description                = "session cache"
                  engine                     = "redis"
                  node_type                  = "cache.t4g.micro"
                  at_rest_encryption_enabled = true
                }
                """,
            failing: """
                resource "aws_elasticache_replication_group" "cache" {
                  replication_group_id = "cache"
                  description          = "session cache"
                  engine               = "redis"
                  node_type            = "cache.t4g.micro"
                }
                """
        ) { group, _ in
            let engine = group.argument("engine")
            if engine == .unknown && group.argument("at_rest_encryption_enabled") == .unset { return group.unknownVerdict("engine") }
            let encryptsByDefault = engine.string?.lowercased() == "valkey"
            return group.requireBool("at_rest_encryption_enabled", true, whenUnset: encryptsByDefault,
                                     failure: "\(group.address) does not encrypt its data at rest.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ELASTICACHE-002", aliases: ["CKV_AWS_30"],
                title: "ElastiCache replication groups encrypt data in transit",
                description: "Without TLS, commands, cached data and the AUTH token cross the network in clear, readable by anything that can see the VPC's traffic.",
                severity: .medium, category: .encryption, service: "elasticache", resourceTypes: ["aws_elasticache_replication_group"],
                remediation: "Set transit_encryption_enabled = true and connect with TLS.",
                snippet: """
                    resource "aws_elasticache_replication_group" "cache" {
                      # ...
                      transit_encryption_enabled = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html"]),
            passing: """
                resource "aws_elasticache_replication_group" "cache" {
                  replication_group_id       = "cache"
                  description                = "session cache"
                  node_type                  = "cache.t4g.micro"
                  transit_encryption_enabled = true
                }
                """,
            failing: """
                resource "aws_elasticache_replication_group" "cache" {
                  replication_group_id       = "cache"
                  description                = "session cache"
                  node_type                  = "cache.t4g.micro"
                  transit_encryption_enabled = false
                }
                """
        ) { group, _ in
            group.requireBool("transit_encryption_enabled", true, whenUnset: false,
                              failure: "\(group.address) does not encrypt traffic to and between its nodes.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ELASTICACHE-003", aliases: ["CKV_AWS_31"],
                title: "ElastiCache replication groups require authentication over TLS",
                description: "Without an AUTH token or RBAC user groups, anything that reaches the cache's port can read and overwrite every key (sessions, tokens, cached authorisation decisions); ElastiCache accepts a token only with encryption in transit.",
                severity: .medium, category: .iam, service: "elasticache", resourceTypes: ["aws_elasticache_replication_group"],
                remediation: "Enable transit_encryption_enabled and set auth_token (from a secret, not a literal) or user_group_ids for role-based access.",
                snippet: """
                    resource "aws_elasticache_replication_group" "cache" {
                      # ...
                      transit_encryption_enabled = true
                      auth_token                 = random_password.redis.result
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html"]),
            passing: """
                variable "redis_auth_token" {
                  type      = string
                  sensitive = true
                  default   = "a-long-token-from-a-secret-store-0123456789"
                }

                resource "aws_elasticache_replication_group" "cache" {
                  replication_group_id       = "cache"
                  description                = "session cache"
                  node_type                  = "cache.t4g.micro"
                  transit_encryption_enabled = true
                  auth_token                 = var.redis_auth_token
                }
                """,
            failing: """
                resource "aws_elasticache_replication_group" "cache" {
                  replication_group_id       = "cache"
                  description                = "session cache"
                  node_type                  = "cache.t4g.micro"
                  transit_encryption_enabled = true
                }
                """
        ) { group, _ in
            let transit = group.requireBool("transit_encryption_enabled", true, whenUnset: false,
                                            failure: "\(group.address) does not use TLS, so it cannot require an AUTH token.")
            guard transit == .passed else { return transit }
            switch group.holdsValue("auth_token") || group.holdsValue("user_group_ids") {
            case .yes:
                return .passed
            case .maybe:
                return .unknown(paths: ["auth_token", "user_group_ids"], message: "Whether \(group.address) requires authentication depends on values known only after apply.")
            case .no:
                return .failed(path: "transit_encryption_enabled", message: "\(group.address) sets neither auth_token nor user_group_ids: any client that reaches it can read and write every key.")
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-REDSHIFT-002", aliases: ["CKV_AWS_64"],
                title: "Redshift clusters are encrypted at rest",
                description: "In AWS provider v5 encrypted defaults to false: the warehouse's blocks, backups and snapshots are stored unencrypted, and enabling it later means a long migration.",
                severity: .high, category: .encryption, service: "redshift", resourceTypes: ["aws_redshift_cluster"],
                remediation: "Set encrypted = true with kms_key_id for a customer managed key.",
                snippet: """
                    resource "aws_redshift_cluster" "warehouse" {
                      # ...
                      encrypted  = true
                      kms_key_id = aws_kms_key.redshift.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html"]),
            passing: """
                resource "aws_redshift_cluster" "warehouse" {
                  cluster_identifier     = "warehouse"
                  node_type              = "ra3.xlplus"
                  master_username        = "admin"
                  manage_master_password = true
                  publicly_accessible    = false
                  encrypted              = true
                }
                """,
            failing: """
                resource "aws_redshift_cluster" "warehouse" {
                  cluster_identifier     = "warehouse"
                  node_type              = "ra3.xlplus"
                  master_username        = "admin"
                  manage_master_password = true
                  publicly_accessible    = false
                }
                """
        ) { cluster, _ in
            cluster.requireBool("encrypted", true, whenUnset: false, failure: "\(cluster.address) is not encrypted at rest.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-DOCDB-001", aliases: ["CKV_AWS_74"],
                title: "DocumentDB clusters encrypt their storage",
                description: "storage_encrypted defaults to false: the cluster volume, backups and snapshots are unencrypted, and only a snapshot restore can change it.",
                severity: .high, category: .encryption, service: "docdb", resourceTypes: ["aws_docdb_cluster"],
                remediation: "Set storage_encrypted = true (with kms_key_id for a customer managed key).",
                snippet: """
                    resource "aws_docdb_cluster" "docs" {
                      # ...
                      storage_encrypted = true
                      kms_key_id        = aws_kms_key.docdb.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html"]),
            passing: """
                resource "aws_docdb_cluster" "docs" {
                  cluster_identifier          = "docs"
                  master_username             = "docs"
                  manage_master_user_password = true
                  storage_encrypted           = true
                }
                """,
            failing: """
                resource "aws_docdb_cluster" "docs" {
                  cluster_identifier          = "docs"
                  master_username             = "docs"
                  manage_master_user_password = true
                }
                """
        ) { cluster, _ in
            cluster.requireBool("storage_encrypted", true, whenUnset: false, failure: "\(cluster.address) does not encrypt its storage.")
        },
    ] as [Check]).map(\.judgingManagedResourcesOnly)
}
