import HCL
import Terraform

/// IAM: identity policies (wherever they are written: `aws_iam_policy`, inline role, user
/// and group policies, `aws_iam_policy_document` data sources), trust policies, how
/// policies are attached, and IAM users' long-lived credentials.
extension AWSChecks {
    static let iam: [Check] = [
        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-001", aliases: ["CKV_AWS_1", "CKV_AWS_62"],
                title: "IAM policy does not grant full administrator access",
                description: "\"Action\": \"*\" on \"Resource\": \"*\" is the AdministratorAccess policy by another name: whoever holds it can do anything, including granting themselves more and deleting the audit trail. Agents write it to make a permission error go away.",
                severity: .critical, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "List the actions the workload calls and the ARNs it calls them on. IAM Access Analyzer can generate the policy from CloudTrail activity.",
                snippet: IAMExamples.scopedPolicySnippet,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = "*", Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allows && s.actions.any(IAMActions.isFullWildcard) && s.onAllResources
            }, { _ in "allows every action on every resource (full administrator access)" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-002", aliases: ["CKV_AWS_49", "CKV_AWS_63"],
                title: "IAM policy does not allow every action (\"*\")",
                description: "An Action of \"*\" grants every current and future action of every AWS service, even when the resources are narrowed: on a bucket ARN that includes deleting it and rewriting its policy.",
                severity: .high, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Name the actions (s3:GetObject, s3:PutObject ...) instead of \"*\".",
                snippet: IAMExamples.scopedPolicySnippet,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = "*", Resource = "arn:aws:s3:::company-data/*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allows && s.actions.any(IAMActions.isFullWildcard)
            }, { _ in "allows every action (\"*\")" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-003",
                title: "IAM policy does not grant a whole service on every resource",
                description: "A service wildcard such as \"s3:*\" on \"*\" grants every action of the service on every resource of the account: for S3 that is reading, overwriting and deleting every bucket, and rewriting their policies.",
                severity: .high, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Replace the service wildcard with the actions needed, on the ARNs needed.",
                snippet: IAMExamples.scopedPolicySnippet,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = ["s3:*"], Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allows && s.onAllResources && s.actions.any(IAMRules.isServiceWildcard)
            }, { s in "allows \(s.actions.knownValues.filter(IAMRules.isServiceWildcard).joined(separator: ", ")) on every resource" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-004", aliases: ["CKV2_AWS_40"],
                title: "IAM policy does not grant full IAM access",
                description: "\"iam:*\" (or \"*\") lets the holder create users and access keys, attach any policy to itself and rewrite trust policies: administrator access in two API calls.",
                severity: .critical, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Grant the specific IAM actions needed (iam:PassRole on one role, iam:GetRole ...), scoped to ARNs, with a permissions boundary for anything that creates roles.",
                snippet: IAMExamples.scopedPolicySnippet,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = "iam:*", Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allows && s.actions.any { $0.lowercased() == "iam:*" || IAMActions.isFullWildcard($0) }
            }, { s in "allows every IAM action (\(s.actions.knownValues.filter { $0.lowercased() == "iam:*" || IAMActions.isFullWildcard($0) }.map { "\"\($0)\"" }.joined(separator: ", ")))" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-005", aliases: ["CKV_AWS_110", "CKV_AWS_286"],
                title: "IAM policy does not allow privilege escalation",
                description: "Some actions let a principal give itself more power: create a new version of its own policy, attach AdministratorAccess to itself, create access keys for another user, or pass a privileged role to a Lambda function or EC2 instance it then controls. Granted on every resource, any of Rhino Security Labs' published escalation paths turns a limited role into an administrator.",
                severity: .high, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Scope iam:* write actions and iam:PassRole to specific ARNs (iam:PassRole to the one role the service needs, with an iam:PassedToService condition); use permissions boundaries for principals that create roles.",
                snippet: """
                    statement {
                      actions   = ["iam:PassRole"]
                      resources = [aws_iam_role.lambda_exec.arn]
                      condition {
                        test     = "StringEquals"
                        variable = "iam:PassedToService"
                        values   = ["lambda.amazonaws.com"]
                      }
                    }
                    """,
                references: ["https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context) { policy in IAMRules.privilegeEscalation(policy) }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-006", aliases: ["CKV_AWS_109", "CKV_AWS_289"],
                title: "IAM policy does not allow permissions management without constraints",
                description: "Permissions-management actions (PutBucketPolicy, kms:PutKeyPolicy, iam:AttachRolePolicy, lambda:AddPermission ...) on every resource let the holder change who can access what: open a bucket to the world or share a key with another account.",
                severity: .high, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Restrict permissions-management actions to the ARNs of the resources this principal manages, or add conditions.",
                snippet: IAMExamples.scopedPolicySnippet,
                references: ["https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = ["s3:PutBucketPolicy", "s3:GetBucketPolicy"], Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allowsUnconstrained && s.coversPattern { IAMActions.grants($0, level: .permissionsManagement) }
            }, { s in "allows permissions-management actions (\(IAMRules.actions(s, level: .permissionsManagement))) on every resource without a condition" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-007", aliases: ["CKV_AWS_111", "CKV_AWS_290"],
                title: "IAM policy does not allow write access without constraints",
                description: "Write actions that can be limited to resources (PutObject, DeleteTable, TerminateInstances ...) granted on \"*\" reach every such resource of the account, not just the workload's own.",
                severity: .medium, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Replace \"Resource\": \"*\" with the ARNs the workload writes to (actions that cannot be scoped, such as cloudwatch:PutMetricData, are not reported).",
                snippet: IAMExamples.scopedPolicySnippet,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/access_controlling.html#access_controlling-resources"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = ["dynamodb:PutItem", "dynamodb:DeleteItem"], Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allowsUnconstrained && s.coversPattern { IAMActions.grants($0, level: .write) }
            }, { s in "allows write actions (\(IAMRules.actions(s, level: .write))) on every resource without a condition" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-008", aliases: ["CKV_AWS_108", "CKV_AWS_288"],
                title: "IAM policy does not allow data exfiltration",
                description: "s3:GetObject, ssm:GetParameter*, secretsmanager:GetSecretValue and RDS snapshot copies on every resource read every object, parameter, secret and database of the account: a stolen credential becomes a full data breach.",
                severity: .high, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Scope read access to the buckets, parameter paths and secrets the workload owns (arn:aws:ssm:*:*:parameter/app/*).",
                snippet: IAMExamples.scopedPolicySnippet,
                references: ["https://github.com/salesforce/cloudsplaining#data-exfiltration"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = ["secretsmanager:GetSecretValue"], Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allowsUnconstrained && Tri.any(IAMActions.dataExfiltration) { s.covers(action: $0) }
            }, { s in "allows \(IAMRules.granted(s, IAMActions.dataExfiltration)) on every resource without a condition" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-009", aliases: ["CKV_AWS_107", "CKV_AWS_287"],
                title: "IAM policy does not allow credentials exposure",
                description: "Actions that return credentials (iam:CreateAccessKey, sts:AssumeRole, ec2:GetPasswordData, redshift:GetClusterCredentials ...) on every resource hand out keys to other identities: a way around every other limit.",
                severity: .high, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Limit these actions to the specific roles, users or clusters intended (sts:AssumeRole on one role ARN).",
                snippet: """
                    statement {
                      actions   = ["sts:AssumeRole"]
                      resources = ["arn:aws:iam::111122223333:role/deployer"]
                    }
                    """,
                references: ["https://github.com/salesforce/cloudsplaining#credentials-exposure"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"Action = "sts:AssumeRole", Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allowsUnconstrained && Tri.any(IAMActions.credentialsExposure) { s.covers(action: $0) }
            }, { s in "allows \(IAMRules.granted(s, IAMActions.credentialsExposure)) on every resource without a condition" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-010",
                title: "IAM policy does not use Allow with NotAction",
                description: "\"Effect\": \"Allow\" with NotAction grants every action except those listed, including every action AWS adds later. It reads as a restriction and works as a near-administrator grant.",
                severity: .high, category: .iam, service: "iam", resourceTypes: PolicyVerdicts.identityPolicyTypes,
                remediation: "Allow the actions needed with Action; keep NotAction for Deny statements.",
                snippet: IAMExamples.scopedPolicySnippet,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"]),
            passing: IAMExamples.scopedPolicy,
            failing: IAMExamples.policy(#"NotAction = ["iam:*", "organizations:*"], Resource = "*""#)
        ) { r, context in
            PolicyVerdicts.identity(r, context, { s in
                s.allows && Tri(s.notActions.isPresent)
            }, { s in "allows every action except \(s.notActions.knownValues.joined(separator: ", ")) (Allow with NotAction)" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-011", aliases: ["CKV_AWS_60"],
                title: "IAM role cannot be assumed by any principal",
                description: "A trust policy with Principal \"*\" or {AWS = \"*\"} lets every AWS account in the world assume the role, unless a condition limits the caller (aws:PrincipalOrgID, aws:PrincipalArn ...). Checkov's CKV_AWS_60 misses the bare \"*\" form.",
                severity: .critical, category: .iam, service: "iam", resourceTypes: ["aws_iam_role"],
                remediation: "Name the accounts, roles or services that may assume the role; for organisation-wide roles add an aws:PrincipalOrgID condition.",
                snippet: """
                    assume_role_policy = jsonencode({
                      Version = "2012-10-17"
                      Statement = [{
                        Effect    = "Allow"
                        Action    = "sts:AssumeRole"
                        Principal = { AWS = "arn:aws:iam::111122223333:role/deployer" }
                      }]
                    })
                    """,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy"]),
            passing: IAMExamples.role(#"Principal = { Service = "lambda.amazonaws.com" }"#),
            failing: IAMExamples.role(#"Principal = { AWS = "*" }"#)
        ) { role, context in
            IAMRules.trust(role, context, { s in
                s.allows && (s.principal?.isAnyone ?? .no || Tri(s.notPrincipal != nil)) && !IAMConditions.restrictsCaller(s)
            }, { _ in "the trust policy lets any AWS principal assume the role" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-012", aliases: ["CKV_AWS_61"],
                title: "IAM role trusting a whole account has a condition",
                description: "Trusting an account (its 12-digit ID or :root) delegates the decision to every administrator of that account: any of its users or roles with sts:AssumeRole can become this role. For another account, an sts:ExternalId or aws:PrincipalArn condition keeps the trust to the intended caller (and stops the confused deputy).",
                severity: .medium, category: .iam, service: "iam", resourceTypes: ["aws_iam_role"],
                remediation: "Trust the specific role ARN, or add a condition (sts:ExternalId for third parties, aws:PrincipalArn for your own roles).",
                snippet: """
                    Statement = [{
                      Effect    = "Allow"
                      Action    = "sts:AssumeRole"
                      Principal = { AWS = "arn:aws:iam::444455556666:root" }
                      Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }
                    }]
                    """,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html"]),
            passing: IAMExamples.role(#"Principal = { AWS = "arn:aws:iam::444455556666:root" }, Condition = { StringEquals = { "sts:ExternalId" = "5c2f-7a41" } }"#),
            failing: IAMExamples.role(#"Principal = { AWS = "arn:aws:iam::444455556666:root" }"#)
        ) { role, context in
            IAMRules.trust(role, context, { s in
                let accounts = Tri.any(s.principal?.identifiers(ofType: "AWS") ?? []) { $0.any { (t: PolicyText) in IAMRules.wholeAccount(t) } }
                return s.allows && accounts && !s.hasCondition
            }, { s in "the trust policy lets every principal of account \(IAMRules.accounts(s)) assume the role, with no condition" })
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-013", aliases: ["CKV_AWS_358", "CKV_AWS_393"],
                title: "GitHub Actions OIDC trust is limited to specific repositories",
                description: "A role trusting GitHub's OIDC provider without a token.actions.githubusercontent.com:sub condition (or with \"*\", \"repo:*\", or a claim like workflow or ref that any repository can present) can be assumed by a workflow in any GitHub repository, including an attacker's.",
                severity: .critical, category: .iam, service: "iam", resourceTypes: ["aws_iam_role", "aws_iam_policy_document"],
                remediation: "Add a StringEquals or StringLike condition on token.actions.githubusercontent.com:sub naming the repository (and branch or environment): \"repo:my-org/my-repo:ref:refs/heads/main\".",
                snippet: """
                    Condition = {
                      StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
                      StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:my-org/my-repo:ref:refs/heads/main" }
                    }
                    """,
                references: ["https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services"]),
            passing: IAMExamples.githubRole(#"StringLike = { "token.actions.githubusercontent.com:sub" = "repo:my-org/infra:ref:refs/heads/main" }"#),
            failing: IAMExamples.githubRole(#"StringLike = { "token.actions.githubusercontent.com:sub" = "repo:*" }"#)
        ) { r, context in
            if r.type == "aws_iam_policy_document" {
                // Judged where a role uses it; a document no role uses is judged on its own.
                guard r.mode == .data, context.graph.referencing(r, types: ["aws_iam_role"]).isEmpty else { return .notApplicable }
                let policy = IAMPolicy(dataSource: r, context: context)
                let github = IAMRules.referencesGitHubProvider(r, context)
                return PolicyVerdicts.judge([(policy, "")], unreadable: [], in: r, { IAMRules.weakGitHubTrust($0, providerIsGitHub: github) }, { _ in
                    "the GitHub Actions OIDC trust does not limit token.actions.githubusercontent.com:sub to specific repositories"
                }) ?? .notApplicable
            }
            let github = IAMRules.referencesGitHubProvider(r, context)
            let verdict = IAMRules.trust(r, context, { IAMRules.weakGitHubTrust($0, providerIsGitHub: github) }, { _ in
                "the GitHub Actions OIDC trust does not limit token.actions.githubusercontent.com:sub to specific repositories"
            })
            // Roles that do not trust GitHub at all are not this check's business.
            if verdict == .passed && !IAMRules.trustsGitHub(r, context, providerIsGitHub: github) { return .notApplicable }
            return verdict
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-014", aliases: ["CKV_AWS_40"],
                title: "IAM policies are attached to groups or roles, not users",
                description: "Permissions attached user by user drift apart and outlive the job they were granted for; granting through groups (people) and roles (workloads) keeps access reviewable in one place.",
                severity: .low, category: .iam, service: "iam",
                resourceTypes: ["aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"],
                remediation: "Attach the policy to a group and add the user to it (aws_iam_group_policy_attachment + aws_iam_user_group_membership).",
                snippet: """
                    resource "aws_iam_group_policy_attachment" "deployers" {
                      group      = aws_iam_group.deployers.name
                      policy_arn = aws_iam_policy.deploy.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html"]),
            passing: """
                resource "aws_iam_group_policy_attachment" "deployers" {
                  group      = "deployers"
                  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
                }
                resource "aws_iam_policy_attachment" "readers" {
                  name       = "readers"
                  groups     = ["auditors"]
                  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
                }
                """,
            failing: """
                resource "aws_iam_user_policy_attachment" "ci" {
                  user       = "ci-deployer"
                  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
                }
                """
        ) { r, _ in
            guard r.mode == .managed else { return .notApplicable }
            switch r.type {
            case "aws_iam_policy_attachment":
                guard let users = r.value("users"), !users.isNull else { return .passed }
                guard users.isKnown else { return .unknown(paths: ["users"], message: "The users of \(r.address) are known only after apply.") }
                return (users.count ?? 0) == 0 ? .passed : .failed(path: "users", message: "\(r.address) attaches a policy directly to users.")
            default:
                return .failed(path: "user", message: "\(r.address) attaches a policy directly to an IAM user.")
            }
        },

        IAMRules.managedPolicyCheck(
            id: "AL-AWS-IAM-015", alias: "CKV_AWS_274", policy: "AdministratorAccess", severity: .critical,
            title: "AdministratorAccess is not attached",
            description: "The AWS managed AdministratorAccess policy grants every action on every resource. Attached to a workload role or a CI user it makes any compromise of that workload a compromise of the account."),
        IAMRules.managedPolicyCheck(
            id: "AL-AWS-IAM-016", alias: "CKV2_AWS_56", policy: "IAMFullAccess", severity: .high,
            title: "IAMFullAccess is not attached",
            description: "The AWS managed IAMFullAccess policy allows creating users, keys and policies: whoever holds it can make themselves an administrator."),

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-017", aliases: ["CKV2_AWS_22"],
                title: "IAM user has no console password",
                description: "A console password on an IAM user is a long-lived credential outside single sign-on: no central offboarding, MFA only if separately enforced. People should sign in through IAM Identity Center.",
                severity: .medium, category: .iam, service: "iam", resourceTypes: ["aws_iam_user"],
                remediation: "Remove the aws_iam_user_login_profile and give people access through IAM Identity Center permission sets.",
                snippet: """
                    resource "aws_ssoadmin_account_assignment" "dev" {
                      instance_arn       = local.sso_instance_arn
                      permission_set_arn = aws_ssoadmin_permission_set.developer.arn
                      principal_type     = "GROUP"
                      principal_id       = local.developers_group_id
                      target_type        = "AWS_ACCOUNT"
                      target_id          = "111122223333"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html"]),
            passing: """
                resource "aws_iam_user" "ci" {
                  name = "ci-deployer"
                }
                """,
            failing: """
                resource "aws_iam_user" "alice" {
                  name = "alice"
                }
                resource "aws_iam_user_login_profile" "alice" {
                  user                    = aws_iam_user.alice.name
                  password_reset_required = true
                }
                """
        ) { user, context in
            guard user.mode == .managed else { return .notApplicable }
            let profiles = context.graph.referencing(user, types: ["aws_iam_user_login_profile"])
            if let p = profiles.first {
                return .failed(path: "", message: "IAM user \(user.address) has a console password (\(p.address)).")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-018",
                title: "IAM access keys and passwords created by Terraform are PGP-encrypted",
                description: "aws_iam_access_key and aws_iam_user_login_profile without pgp_key put the secret access key or initial password in the Terraform state in plain text, readable by everyone who can read the state (and by every plan output that prints it).",
                severity: .medium, category: .secrets, service: "iam", resourceTypes: ["aws_iam_access_key", "aws_iam_user_login_profile"],
                remediation: "Avoid long-lived keys (use roles, OIDC federation); if a key is unavoidable, set pgp_key = \"keybase:<user>\" or a base64 public key so only the key holder can decrypt it.",
                snippet: """
                    resource "aws_iam_access_key" "ci" {
                      user    = aws_iam_user.ci.name
                      pgp_key = filebase64("ci-public-key.gpg")
                    }
                    """,
                references: ["https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key"]),
            passing: """
                resource "aws_iam_access_key" "ci" {
                  user    = "ci-deployer"
                  pgp_key = "keybase:ci_deployer"
                }
                """,
            failing: """
                resource "aws_iam_access_key" "ci" {
                  user = "ci-deployer"
                }
                """
        ) { r, _ in
            guard r.mode == .managed else { return .notApplicable }
            guard let key = r.value("pgp_key"), !key.isNull else {
                let what = r.type == "aws_iam_access_key" ? "secret access key" : "initial password"
                return .failed(path: "", message: "\(r.address) has no pgp_key: the \(what) is stored in the state in plain text.")
            }
            if !key.isKnown { return .unknown(paths: ["pgp_key"], message: "The pgp_key of \(r.address) is known only after apply.") }
            return key.stringValue?.isEmpty == false ? .passed : .failed(path: "pgp_key", message: "\(r.address) has an empty pgp_key.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-IAM-019", aliases: ["CKV_AWS_283"],
                title: "Policy document does not grant any AWS principal without a restricting condition",
                description: "An aws_iam_policy_document statement whose principals are type AWS, identifiers [\"*\"] becomes, in a bucket, queue, topic or key policy, a grant to every AWS account unless a condition narrows the caller (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceArn ...).",
                severity: .high, category: .publicExposure, service: "iam", resourceTypes: ["aws_iam_policy_document"],
                remediation: "Name the principals, or add a condition on the caller's organisation, account, VPC endpoint or source ARN.",
                snippet: """
                    statement {
                      actions   = ["sqs:SendMessage"]
                      resources = [aws_sqs_queue.events.arn]
                      principals {
                        type        = "Service"
                        identifiers = ["sns.amazonaws.com"]
                      }
                      condition {
                        test     = "ArnEquals"
                        variable = "aws:SourceArn"
                        values   = [aws_sns_topic.events.arn]
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous"]),
            passing: IAMExamples.resourcePolicyDocument(condition: """
                    condition {
                      test     = "StringEquals"
                      variable = "aws:PrincipalOrgID"
                      values   = ["o-a1b2c3d4e5"]
                    }
                """),
            failing: IAMExamples.resourcePolicyDocument(condition: "")
        ) { doc, context in
            guard doc.mode == .data else { return .notApplicable }
            let policy = IAMPolicy(dataSource: doc, context: context)
            return PolicyVerdicts.judge([(policy, "")], unreadable: [], in: doc, { s in
                s.allows && (s.principal?.isAnyone ?? .no) && !IAMConditions.restrictsCaller(s)
            }, { _ in "grants any AWS principal without a condition that limits the caller" }) ?? .passed
        },
    ]
}

/// The pieces the IAM checks share.
enum IAMRules {
    /// `s3:*`, `ec2:*`: every action of one service.
    static func isServiceWildcard(_ pattern: String) -> Bool {
        guard let service = IAMActions.service(of: pattern) else { return false }
        return pattern.hasSuffix(":*") && !service.contains("*")
    }

    /// An account as a principal: `123456789012` or `arn:aws:iam::123456789012:root`.
    static func isWholeAccount(_ id: String) -> Bool {
        id.range(of: #"^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:root)$"#, options: .regularExpression) != nil
    }

    /// The same for partly written text: `arn:aws:iam::${var.account}:root` is an account
    /// whatever the account is; a role or user ARN never is.
    static func wholeAccount(_ t: PolicyText) -> Tri {
        switch t {
        case .known(let s): return Tri(isWholeAccount(s))
        case .unknown: return .maybe
        case .partial(let p):
            if p.hasPrefix("arn:") && p.hasSuffix(":root") { return .yes }
            if p.contains(":role/") || p.contains(":user/") || p.contains(":assumed-role/") { return .no }
            return .maybe
        }
    }

    static func accounts(_ s: IAMStatement) -> String {
        (s.principal?.identifiers(ofType: "AWS") ?? []).flatMap(\.knownValues).filter(isWholeAccount).joined(separator: ", ")
    }

    /// The actions of a statement that grant `level`, for a message.
    static func actions(_ s: IAMStatement, level: IAMActions.Level) -> String {
        if s.notActions.isPresent { return "every action except \(s.notActions.knownValues.joined(separator: ", "))" }
        return s.actions.knownValues.filter { IAMActions.grants($0, level: level) }.joined(separator: ", ")
    }

    /// The actions of `list` a statement grants, for a message.
    static func granted(_ s: IAMStatement, _ list: [String]) -> String {
        brief(list.filter { s.covers(action: $0) == .yes })
    }

    /// A list for a message: the first three, then how many more.
    static func brief(_ items: [String]) -> String {
        items.count <= 3 ? items.joined(separator: ", ") : items.prefix(3).joined(separator: ", ") + " and \(items.count - 3) more"
    }

    /// Rhino Security Labs' escalation methods that a whole document allows: every action
    /// of a method granted without resource constraints, by one statement or several.
    static func privilegeEscalation(_ policy: IAMPolicy) -> PolicyVerdicts.DocumentAnswer {
        var maybe: String?
        for method in IAMActions.privilegeEscalationMethods {
            var all = Tri.yes
            var first: IAMStatement?
            for action in method.actions {
                var granted = Tri.no
                for s in policy.statements {
                    let t = s.allowsUnconstrained && s.covers(action: action)
                    if t == .yes && first == nil { first = s }
                    granted = granted || t
                }
                if policy.hasUnknownStatements { granted = granted || .maybe }
                all = all && granted
            }
            switch all {
            case .yes:
                return .fault(path: first?.path, message: "allows privilege escalation (\(method.name): \(method.actions.joined(separator: " + ")) on every resource)")
            case .maybe: maybe = maybe ?? "whether \(method.actions.joined(separator: " + ")) is granted on every resource depends on values known only after apply"
            case .no: break
            }
        }
        return maybe.map { .maybe($0) } ?? .clean
    }

    /// Judges a role's trust policy (`assume_role_policy`), a data source read in place.
    static func trust(
        _ role: ResourceInstance, _ context: CheckContext, _ question: PolicyVerdicts.Question, _ describe: (IAMStatement) -> String
    ) -> Verdict {
        guard role.mode == .managed else { return .notApplicable }
        let (policies, unreadable) = PolicyVerdicts.documents(role, at: "assume_role_policy", context)
        return PolicyVerdicts.judge(policies, unreadable: unreadable, in: role, question, describe) ?? .passed
    }

    /// Whether an instance refers to an OIDC provider for GitHub Actions (so its federated
    /// principal, unknown before apply, is GitHub's).
    static func referencesGitHubProvider(_ r: ResourceInstance, _ context: CheckContext) -> Bool {
        context.graph.referenced(by: r, types: ["aws_iam_openid_connect_provider"]).contains {
            $0.string("url")?.contains("token.actions.githubusercontent.com") == true
        }
    }

    /// Whether a statement is a GitHub Actions trust: its federated principal, or the keys
    /// of its conditions, name token.actions.githubusercontent.com.
    static func isGitHubTrust(_ s: IAMStatement, providerIsGitHub: Bool) -> Tri {
        guard s.allows != .no else { return .no }
        let federated = s.principal?.identifiers(ofType: "Federated") ?? []
        let named = Tri.any(federated) { $0.any { $0.contains("token.actions.githubusercontent.com") } }
        if named == .yes { return .yes }
        let keys = (s.conditions ?? []).compactMap(\.variable.known)
        if keys.contains(where: { $0.lowercased().hasPrefix("token.actions.githubusercontent.com") }) { return .yes }
        if providerIsGitHub && !federated.isEmpty && named == .maybe { return .yes }
        return .no
    }

    static func trustsGitHub(_ role: ResourceInstance, _ context: CheckContext, providerIsGitHub: Bool) -> Bool {
        PolicyVerdicts.documents(role, at: "assume_role_policy", context).policies.contains { p, _ in
            p.statements.contains { isGitHubTrust($0, providerIsGitHub: providerIsGitHub) == .yes }
        }
    }

    /// GitHub claims any repository can present: a condition on them alone admits everyone.
    private static let abusableClaims = ["workflow", "environment", "ref", "context", "head_ref", "base_ref"]

    /// A GitHub Actions trust statement that does not pin the `sub` claim to repositories.
    static func weakGitHubTrust(_ s: IAMStatement, providerIsGitHub: Bool) -> Tri {
        let github = isGitHubTrust(s, providerIsGitHub: providerIsGitHub)
        guard github != .no else { return .no }
        if s.conditionsUnknown { return .maybe }
        let subs = s.conditions(on: "token.actions.githubusercontent.com:sub").filter { c in
            c.test.known.map(IAMConditions.narrows) ?? true
        }
        if subs.isEmpty { return github }
        // Every value of every sub condition must name a repository.
        let weak = Tri.any(subs) { c in
            c.values.any { v in
                let parts = v.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                if v == "*" || parts.count < 2 || parts[1] == "*" || parts[1].hasPrefix("*") { return true }
                return abusableClaims.contains { parts[0].hasPrefix($0) }
            }
        }
        return github && weak
    }

    /// A check that the AWS managed policy `policy` is not attached, wherever attachments
    /// are written: policy attachments, `managed_policy_arns` of roles, the exclusive
    /// attachment resources.
    static func managedPolicyCheck(id: String, alias: String, policy: String, severity: Severity, title: String, description: String) -> Check {
        let arnSuffix = ":iam::aws:policy/\(policy)"
        return Check(
            CheckMetadata(
                id: id, aliases: [alias], title: title, description: description,
                severity: severity, category: .iam, service: "iam",
                resourceTypes: [
                    "aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
                    "aws_iam_policy_attachment", "aws_iam_role", "aws_iam_role_policy_attachments_exclusive",
                    "aws_ssoadmin_managed_policy_attachment",
                ],
                remediation: "Attach a policy that grants what the role, user or group needs; keep \(policy) for break-glass roles assumed with MFA.",
                snippet: """
                    resource "aws_iam_role_policy_attachment" "app" {
                      role       = aws_iam_role.app.name
                      policy_arn = aws_iam_policy.app.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/aws-managed-policy/latest/reference/\(policy).html"]),
            passing: """
                resource "aws_iam_role_policy_attachment" "ci" {
                  role       = "ci-deployer"
                  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
                }
                """,
            failing: """
                data "aws_partition" "current" {}
                resource "aws_iam_role_policy_attachment" "ci" {
                  role       = "ci-deployer"
                  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/\(policy)"
                }
                """
        ) { r, context in
            guard r.mode == .managed else { return .notApplicable }
            let path: String
            switch r.type {
            case "aws_iam_role": path = "managed_policy_arns"
            case "aws_iam_role_policy_attachments_exclusive": path = "policy_arns"
            case "aws_ssoadmin_managed_policy_attachment": path = "managed_policy_arn"
            default: path = "policy_arn"
            }
            guard let v = r.value(path), !v.isNull else { return .passed }
            let fail = Verdict.failed(path: path, message: "\(r.address) attaches the AWS managed \(policy) policy.")
            var unknown = false
            for e in v.elements ?? [v] {
                if let s = e.stringValue, awsManagedPolicyName(s) == policy { return fail }
                if !e.isWhollyKnown { unknown = true }
            }
            guard unknown else { return .passed }
            // managed_policy_arns is computed when not written (the attachments fill it).
            if r.isWritten(path) == false { return .passed }
            // In a plan, AWS managed policy ARNs are literals or come from a
            // data "aws_iam_policy" lookup (data sources are read while planning); an ARN
            // still unknown comes from a resource of the account (an aws_iam_policy), or
            // is the provider's computed default.
            if r.body == nil && !r.dependencies.contains(where: { $0.hasPrefix("data.aws_iam_policy.") }) { return .passed }
            // An ARN built with the partition (arn:${partition}:iam::aws:policy/...) or read
            // from another resource is unknown as a value; how it is written can still tell.
            if let e = r.configuredExpression(at: path) {
                let written: [Expression]
                if case .tuple(let es, _, _) = e { written = es } else { written = [e] }
                let names = written.map { managedPolicy(writtenAs: $0, in: r, context) }
                if names.contains(.named(policy)) { return fail }
                if !names.contains(.unknown) { return .passed }
            }
            return .unknown(paths: [path], message: "The policy ARNs of \(r.address) are known only after apply.")
        }
    }

    /// What a written policy ARN names.
    enum ManagedPolicyName: Hashable {
        /// An AWS managed policy (`arn:aws:iam::aws:policy/NAME`).
        case named(String)
        /// A policy of the account (an `aws_iam_policy` resource, an account ARN).
        case customerManaged
        case unknown
    }

    /// The AWS managed policy an ARN names (`service-role/AWSLambdaBasicExecutionRole`), nil
    /// for any other ARN.
    static func awsManagedPolicyName(_ arn: String) -> String? {
        guard arn.hasPrefix("arn:"), let r = arn.range(of: ":iam::aws:policy/") else { return nil }
        return String(arn[r.upperBound...])
    }

    static func managedPolicy(writtenAs e: Expression, in r: ResourceInstance, _ context: CheckContext) -> ManagedPolicyName {
        switch e {
        case .literal(.string(let s), _):
            return awsManagedPolicyName(s).map { .named($0) } ?? .customerManaged
        case .template(let parts, _):
            guard case .literal(.string(let last), _)? = parts.last else { return .unknown }
            if let range = last.range(of: ":iam::aws:policy/") { return .named(String(last[range.upperBound...])) }
            return last.contains(":policy/") ? .customerManaged : .unknown
        case .templateWrap(let inner, _), .parentheses(let inner, _):
            return managedPolicy(writtenAs: inner, in: r, context)
        case .scopeTraversal(let steps, _):
            if case .root("aws_iam_policy", _)? = steps.first { return .customerManaged }
            // data "aws_iam_policy" "admin" { name = "AdministratorAccess" }
            if steps.count >= 3, case .root("data", _) = steps[0], case .attribute("aws_iam_policy", _) = steps[1],
                case .attribute(let name, _) = steps[2]
            {
                let lookups = context.graph.referenced(by: r, types: ["aws_iam_policy"]).filter { $0.mode == .data && $0.name == name }
                for l in lookups {
                    if let arn = l.string("arn") { return awsManagedPolicyName(arn).map { .named($0) } ?? .customerManaged }
                    if let n = l.string("name") { return .named(n) }
                }
            }
            return .unknown
        default:
            return .unknown
        }
    }
}

/// Terraform for the IAM checks' examples.
enum IAMExamples {
    /// An `aws_iam_policy` with one statement; `body` is the statement's members.
    static func policy(_ body: String) -> String {
        """
        resource "aws_iam_policy" "app" {
          name = "app-access"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", \(body) }]
          })
        }
        """
    }

    static let scopedPolicy = """
        data "aws_iam_policy_document" "app" {
          statement {
            sid       = "ReadWriteOwnBucket"
            actions   = ["s3:GetObject", "s3:PutObject"]
            resources = ["arn:aws:s3:::company-app-data/*"]
          }
          statement {
            sid       = "Metrics"
            actions   = ["cloudwatch:PutMetricData"]
            resources = ["*"]
          }
        }
        resource "aws_iam_policy" "app" {
          name   = "app-access"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = "Allow"
              Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
              Resource = "arn:aws:dynamodb:us-east-1:111122223333:table/orders"
            }]
          })
        }
        """

    static let scopedPolicySnippet = """
        data "aws_iam_policy_document" "app" {
          statement {
            actions   = ["s3:GetObject", "s3:PutObject"]
            resources = ["${aws_s3_bucket.data.arn}/*"]
          }
        }
        resource "aws_iam_policy" "app" {
          name   = "app-access"
          policy = data.aws_iam_policy_document.app.json
        }
        """

    /// A role whose trust policy statement has `principal` (its members after Effect and Action).
    static func role(_ principal: String) -> String {
        """
        resource "aws_iam_role" "app" {
          name = "app"
          assume_role_policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", \(principal) }]
          })
        }
        """
    }

    /// A GitHub Actions deploy role; `sub` is the condition on the subject claim.
    static func githubRole(_ sub: String) -> String {
        """
        resource "aws_iam_openid_connect_provider" "github" {
          url             = "https://token.actions.githubusercontent.com"
          client_id_list  = ["sts.amazonaws.com"]
          thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
        }
        resource "aws_iam_role" "deploy" {
          name = "github-deploy"
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Action    = "sts:AssumeRoleWithWebIdentity"
              Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
              Condition = {
                StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
                \(sub)
              }
            }]
          })
        }
        """
    }

    /// A queue policy document granting any AWS principal, with an optional condition block.
    static func resourcePolicyDocument(condition: String) -> String {
        """
        data "aws_iam_policy_document" "queue" {
          statement {
            sid       = "SendFromOrg"
            actions   = ["sqs:SendMessage"]
            resources = ["arn:aws:sqs:us-east-1:111122223333:events"]
            principals {
              type        = "AWS"
              identifiers = ["*"]
            }
        \(condition)
          }
        }
        """
    }
}
