extension GateConfiguration {
    /// What a repository without `airlock.yaml` gets (docs/airlock-yaml.md, "Defaults"):
    /// production recognised by workspace or directory name; agents may not delete or
    /// replace anything in production; critical risk needs a security reviewer, high risk
    /// any reviewer; everything else is allowed.
    public static var defaults: GateConfiguration {
        GateConfiguration(
            environments: [
                EnvironmentDefinition(
                    name: "prod",
                    workspaces: ["prod", "prod-*", "prod_*", "production", "production-*", "prd", "live"],
                    directories: ["prod", "production", "**/prod", "**/prod/**", "**/production", "**/production/**", "prod/**", "production/**"]),
                EnvironmentDefinition(
                    name: "staging", workspaces: ["staging", "stage", "stg", "staging-*"],
                    directories: ["**/staging", "**/staging/**", "**/stage", "**/stage/**", "staging", "staging/**"]),
                EnvironmentDefinition(
                    name: "dev", workspaces: ["dev", "dev-*", "development", "sandbox", "test"],
                    directories: ["**/dev", "**/dev/**", "**/development", "**/development/**", "dev", "dev/**"]),
            ],
            rules: [
                GateRule(
                    name: "agents-no-destroy-in-prod",
                    when: RuleCondition(actorKinds: [.agent], environments: ["prod"], actions: [.delete, .replace]),
                    outcome: .deny,
                    message: "Agents may not delete or replace resources in production; a human must make this change."),
                GateRule(
                    name: "critical-risk-needs-security",
                    when: RuleCondition(tiers: [.critical]), outcome: .approvalRequired,
                    approvals: ApprovalRequirement(count: 1, roles: ["security"]),
                    message: "Critical risk: a member of the security role must approve."),
                GateRule(
                    name: "high-risk-needs-review",
                    when: RuleCondition(tiers: [.high]), outcome: .approvalRequired,
                    approvals: ApprovalRequirement(count: 1),
                    message: "High risk: a reviewer other than the author must approve."),
            ],
            defaultOutcome: .allow)
    }

    /// Types whose destruction loses data: databases, storage, keys, secrets, state stores
    /// (the S3 bucket and DynamoDB table of a Terraform backend are a bucket and a table).
    public static let defaultStatefulTypes: [GlobPattern] = [
        "aws_db_instance", "aws_rds_cluster", "aws_rds_global_cluster", "aws_docdb_cluster", "aws_neptune_cluster",
        "aws_dynamodb_table", "aws_dynamodb_global_table", "aws_s3_bucket", "aws_s3_directory_bucket", "aws_efs_file_system",
        "aws_ebs_volume", "aws_ebs_snapshot", "aws_fsx_*_file_system", "aws_elasticache_cluster",
        "aws_elasticache_replication_group", "aws_memorydb_cluster", "aws_redshift_cluster", "aws_redshiftserverless_namespace",
        "aws_opensearch_domain", "aws_elasticsearch_domain", "aws_kms_key", "aws_kms_external_key", "aws_kms_replica_key",
        "aws_secretsmanager_secret", "aws_ssm_parameter", "aws_backup_vault", "aws_glacier_vault", "aws_ecr_repository",
        "aws_kinesis_stream", "aws_msk_cluster", "aws_timestream_database", "aws_keyspaces_table", "aws_qldb_ledger",
        "aws_cloudwatch_log_group", "aws_sqs_queue", "aws_cognito_user_pool", "aws_route53_zone",
        "google_sql_database_instance", "google_storage_bucket", "google_kms_crypto_key", "google_bigquery_dataset",
        "azurerm_storage_account", "azurerm_*_database", "azurerm_*_server", "azurerm_key_vault",
    ]

    /// Types whose change is sensitive even when no check fails: identity, network edges, keys.
    public static let defaultSensitiveTypes: [SensitiveCategory] = [
        SensitiveCategory(name: "iam", types: [
            "aws_iam_*", "aws_organizations_*", "aws_ssoadmin_*", "aws_identitystore_*", "aws_lambda_permission",
            "aws_s3_bucket_policy", "aws_kms_key_policy", "aws_sns_topic_policy", "aws_sqs_queue_policy",
            "aws_ecr_repository_policy", "aws_secretsmanager_secret_policy",
        ]),
        SensitiveCategory(name: "network", types: [
            "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_*", "aws_network_acl*",
            "aws_vpc", "aws_subnet", "aws_route", "aws_route_table*", "aws_internet_gateway", "aws_nat_gateway",
            "aws_vpc_peering_connection*", "aws_ec2_transit_gateway*", "aws_vpn_*", "aws_dx_*", "aws_vpc_endpoint*",
            "aws_default_security_group", "aws_default_network_acl", "aws_default_route_table", "aws_eip",
        ]),
        SensitiveCategory(name: "encryption", types: ["aws_kms_*", "aws_acm_*", "aws_acmpca_*"]),
        SensitiveCategory(name: "audit", types: ["aws_cloudtrail*", "aws_config_*", "aws_guardduty_*", "aws_securityhub_*"]),
    ]
}
