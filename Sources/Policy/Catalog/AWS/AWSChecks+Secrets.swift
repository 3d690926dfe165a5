import HCL
import Terraform

/// Hard-coded credentials: in the provider block, in variables' defaults, in Lambda,
/// ECS and CodeBuild environments, in EC2 user data, as database passwords, and in the
/// very parameters and secrets meant to keep them out of the code.
extension AWSChecks {
    static let secrets: [Check] = [
        Check(
            CheckMetadata(
                id: "AL-AWS-LAMBDA-201", aliases: ["CKV_AWS_45"],
                title: "Lambda environment variables hold no secrets in plain text",
                description: "Lambda environment variables are shown in the console and returned by lambda:GetFunctionConfiguration to anyone with read access, and end up in the Terraform state. A variable named like a secret (API_TOKEN, DB_PASSWORD ...) with a literal value, or any value shaped like a known credential (AKIA..., ghp_..., a private key), is a leaked secret. Checkov's CKV_AWS_45 only looks for AWS key shapes.",
                severity: .high, category: .secrets, service: "lambda", resourceTypes: ["aws_lambda_function"],
                remediation: "Keep the secret in Secrets Manager or SSM Parameter Store (SecureString), pass its ARN or name in the environment, and read it at start-up (or through the Parameters and Secrets Lambda extension).",
                snippet: """
                    environment {
                      variables = {
                        API_TOKEN_SECRET_ARN = aws_secretsmanager_secret.api_token.arn
                      }
                    }
                    """,
                references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption"]),
            passing: SecretExamples.lambda(#"TABLE_NAME = "orders", API_TOKEN_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:api-token-AbCdEf""#),
            failing: SecretExamples.lambda(#"TABLE_NAME = "orders", API_TOKEN = "tok_live_8f3a2c91d04e""#)
        ) { fn, _ in
            guard fn.mode == .managed else { return .notApplicable }
            let path = "environment[0].variables"
            guard let variables = fn.value(path), !variables.isNull else { return .passed }
            guard variables.isKnown, let entries = variables.attributes else {
                if let e = fn.configuredExpression(at: path), let how = WrittenSecrets.literalSecret(e) {
                    return .failed(path: path, message: "The environment of \(fn.address) holds \(how).")
                }
                return .unknown(paths: [path], message: "The environment variables of \(fn.address) are known only after apply.")
            }
            for key in entries.keys.sorted() {
                guard let s = entries[key]?.stringValue else { continue }
                if let how = SecretRules.secret(named: key, value: s) {
                    return .failed(path: path, message: "Environment variable \(key) of \(fn.address) holds \(how) in plain text.")
                }
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EC2-201", aliases: ["CKV_AWS_46"],
                title: "EC2 user data holds no hard-coded secrets",
                description: "User data is readable by anyone who can describe the instance attribute, and by every process on the instance through the metadata service. Keys, tokens and passwords written into it (export DB_PASSWORD=..., an AKIA access key, a private key) are exposed for the life of the instance.",
                severity: .high, category: .secrets, service: "ec2", resourceTypes: ["aws_instance", "aws_launch_template", "aws_launch_configuration"],
                remediation: "Give the instance an IAM role and fetch secrets at boot (aws secretsmanager get-secret-value, aws ssm get-parameter --with-decryption) instead of writing them into the script.",
                snippet: """
                    user_data = <<-EOT
                      #!/bin/bash
                      export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)"
                    EOT
                    """,
                references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html"]),
            passing: SecretExamples.instance(#"export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)""#),
            failing: SecretExamples.instance(#"export DB_PASSWORD="Sup3rS3cret!2024""#)
        ) { r, _ in
            guard r.mode == .managed else { return .notApplicable }
            var unknown: [String] = []
            for path in ["user_data", "user_data_base64"] {
                guard let v = r.value(path), !v.isNull else { continue }
                if let s = v.stringValue {
                    if let how = SecretPatterns.secretInScript(SecretPatterns.decodedUserData(s)) {
                        return .failed(path: path, message: "The \(path) of \(r.address) contains \(how).")
                    }
                    continue
                }
                // Computed when not written (user_data_base64 mirrors user_data).
                if r.isWritten(path) == false { continue }
                // Unknown as a whole: what is written out can still be read. Parts that
                // apply fills in come from other resources, not from the code.
                guard let e = r.configuredExpression(at: path) else {
                    unknown.append(path)
                    continue
                }
                let (texts, readsFile) = WrittenSecrets.fragments(e)
                if let how = texts.lazy.compactMap({ SecretPatterns.secretInScript(SecretPatterns.decodedUserData($0)) }).first {
                    return .failed(path: path, message: "The \(path) of \(r.address) contains \(how).")
                }
                if readsFile { unknown.append(path) }
            }
            if !unknown.isEmpty {
                return .unknown(paths: unknown, message: "The user data of \(r.address) is rendered from a file with values known only after apply.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-RDS-201",
                title: "Database passwords are not written in the configuration",
                description: "A master password given as a string literal is in every clone of the repository and its history, in CI logs and in the state. Agents write password = \"changeme123\" to get a database created.",
                severity: .high, category: .secrets, service: "rds",
                resourceTypes: Array(SecretRules.databasePasswords.keys).sorted(),
                remediation: "Let RDS manage the password in Secrets Manager (manage_master_user_password = true), or generate it (random_password) and store it in Secrets Manager; never commit it. Only configuration is judged: a plan does not say how a value was written.",
                snippet: """
                    resource "aws_db_instance" "app" {
                      identifier                  = "app"
                      engine                      = "postgres"
                      instance_class              = "db.t4g.medium"
                      allocated_storage           = 20
                      username                    = "app"
                      manage_master_user_password = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html"]),
            passing: SecretExamples.database(#"manage_master_user_password = true"#),
            failing: SecretExamples.database(#"password = "changeme123""#)
        ) { r, _ in
            guard r.mode == .managed, let paths = SecretRules.databasePasswords[r.type] else { return .notApplicable }
            // How a value was written is only known from configuration.
            guard r.body != nil else { return .notApplicable }
            for path in SecretRules.expand(paths, in: r) {
                guard let e = r.configuredExpression(at: path), let how = WrittenSecrets.literalSecret(e) else { continue }
                return .failed(path: path, message: "\(r.address) sets \(path) to \(how) written in the configuration.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-SSM-201", aliases: ["CKV2_AWS_34"],
                title: "SSM parameters holding secrets are SecureString",
                description: "A String or StringList parameter is stored unencrypted and returned in clear to anyone with ssm:GetParameter. A parameter named like a secret (/app/db/password, api-token) or holding a credential-shaped value must be a SecureString. Checkov's CKV2_AWS_34 asks it of every parameter; Airlock only of those that look secret.",
                severity: .high, category: .secrets, service: "ssm", resourceTypes: ["aws_ssm_parameter"],
                remediation: "Set type = \"SecureString\" (with key_id for a customer managed KMS key).",
                snippet: """
                    resource "aws_ssm_parameter" "db_password" {
                      name   = "/app/db/password"
                      type   = "SecureString"
                      key_id = aws_kms_key.params.arn
                      value  = random_password.db.result
                    }
                    """,
                references: ["https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html"]),
            passing: """
                resource "random_password" "db" {
                  length = 32
                }
                resource "aws_ssm_parameter" "db_password" {
                  name  = "/app/db/password"
                  type  = "SecureString"
                  value = random_password.db.result
                }
                resource "aws_ssm_parameter" "db_host" {
                  name  = "/app/db/host"
                  type  = "String"
                  value = "db.internal.example.com"
                }
                """,
            failing: """
                resource "random_password" "db" {
                  length = 32
                }
                resource "aws_ssm_parameter" "db_password" {
                  name  = "/app/db/password"
                  type  = "String"
                  value = random_password.db.result
                }
                """
        ) { p, _ in
            guard p.mode == .managed else { return .notApplicable }
            guard let type = p.value("type"), type.isKnown else {
                return .unknown(paths: ["type"], message: "The type of \(p.address) is known only after apply.")
            }
            if type.stringValue == "SecureString" { return .passed }
            for path in ["value", "insecure_value"] {
                if let s = p.string(path), let shape = SecretPatterns.knownShape(in: s) {
                    return .failed(path: "type", message: "\(p.address) stores a \(shape) as a plain \(type.stringValue ?? "String") parameter.")
                }
            }
            guard let name = p.value("name"), name.isKnown else {
                return .unknown(paths: ["name"], message: "The name of \(p.address) is known only after apply.")
            }
            if let n = name.stringValue, SecretPatterns.isSecretName(n) {
                return .failed(path: "type", message: "\(p.address) (\(n)) is named like a secret but is a plain \(type.stringValue ?? "String") parameter.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-SECRETSMANAGER-201",
                title: "Secrets stored in AWS are not written in the configuration",
                description: "A Secrets Manager secret or SecureString parameter whose value is a literal in the .tf file protects nothing: the secret is in the repository for anyone who can read it. Agents write secret_string = jsonencode({ password = \"...\" }) to seed a secret.",
                severity: .high, category: .secrets, service: "secretsmanager",
                resourceTypes: ["aws_secretsmanager_secret_version", "aws_ssm_parameter"],
                remediation: "Generate the value (random_password) or set it outside Terraform (aws secretsmanager put-secret-value), and keep only the secret's definition in code; with Terraform 1.11, prefer write-only arguments (secret_string_wo) so the value stays out of the state too. Only configuration is judged.",
                snippet: """
                    resource "random_password" "db" {
                      length  = 32
                      special = true
                    }
                    resource "aws_secretsmanager_secret_version" "db" {
                      secret_id     = aws_secretsmanager_secret.db.id
                      secret_string = jsonencode({ username = "app", password = random_password.db.result })
                    }
                    """,
                references: ["https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments"]),
            passing: """
                resource "aws_secretsmanager_secret" "db" {
                  name = "app/db"
                }
                resource "random_password" "db" {
                  length = 32
                }
                resource "aws_secretsmanager_secret_version" "db" {
                  secret_id     = aws_secretsmanager_secret.db.id
                  secret_string = jsonencode({ username = "app", password = random_password.db.result })
                }
                """,
            failing: """
                resource "aws_secretsmanager_secret" "db" {
                  name = "app/db"
                }
                resource "aws_secretsmanager_secret_version" "db" {
                  secret_id     = aws_secretsmanager_secret.db.id
                  secret_string = jsonencode({ username = "app", password = "Pa55w0rd-2024" })
                }
                """
        ) { r, _ in
            guard r.mode == .managed, r.body != nil else { return .notApplicable }
            let paths: [String]
            if r.type == "aws_ssm_parameter" {
                // Plain parameters are the SSM check's concern; a SecureString is a secret by declaration.
                guard r.string("type") == "SecureString" else { return .notApplicable }
                paths = ["value"]
            } else {
                paths = ["secret_string", "secret_binary"]
            }
            for path in paths {
                guard let e = r.configuredExpression(at: path), let how = WrittenSecrets.literalSecret(e) else { continue }
                return .failed(path: path, message: "\(r.address) sets \(path) to \(how) written in the configuration.")
            }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ECS-201",
                title: "ECS container definitions keep secrets out of the environment",
                description: "Values in a container definition's environment are stored in the task definition in plain text, visible to anyone with ecs:DescribeTaskDefinition and in every revision forever. Secrets belong in the secrets list, which ECS resolves from Secrets Manager or SSM at start.",
                severity: .high, category: .secrets, service: "ecs", resourceTypes: ["aws_ecs_task_definition"],
                remediation: "Move the value to Secrets Manager and reference it with secrets = [{ name = \"DB_PASSWORD\", valueFrom = aws_secretsmanager_secret.db.arn }].",
                snippet: """
                    container_definitions = jsonencode([{
                      name  = "app"
                      image = "public.ecr.aws/nginx/nginx:1.27"
                      secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]
                    }])
                    """,
                references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html"]),
            passing: SecretExamples.task(#"secrets = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf" }]"#),
            failing: SecretExamples.task(#"environment = [{ name = "DB_PASSWORD", value = "Pa55w0rd-2024" }]"#)
        ) { task, _ in
            guard task.mode == .managed else { return .notApplicable }
            let path = "container_definitions"
            let json: PartialJSON
            if let s = task.string(path) {
                guard let parsed = PartialJSON.parse(s) else { return .notApplicable }
                json = parsed
            } else if let e = task.configuredExpression(at: path), case .functionCall(let call) = e, call.name == "jsonencode", call.arguments.count == 1 {
                json = PartialJSON.fromExpression(call.arguments[0])
            } else if task.value(path)?.isNull ?? true {
                return .notApplicable
            } else {
                return .unknown(paths: [path], message: "The container definitions of \(task.address) are known only after apply.")
            }
            var maybe = json.isUnknown
            for container in json.listElements {
                guard case .object = container else {
                    if container.isUnknown { maybe = true }
                    continue
                }
                let name = container["name"]?.scalarText ?? "a container"
                guard let env = container["environment"] else { continue }
                if env.isUnknown { maybe = true }
                for entry in env.listElements {
                    guard let key = entry["name"]?.scalarText, let value = entry["value"]?.scalarText else { continue }
                    if let how = SecretRules.secret(named: key, value: value) {
                        return .failed(path: path, message: "Container \(name) of \(task.address) sets environment variable \(key) to \(how) in plain text.")
                    }
                }
            }
            if maybe { return .unknown(paths: [path], message: "Some container definitions of \(task.address) are known only after apply.") }
            return .passed
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-CODEBUILD-201",
                title: "CodeBuild plaintext environment variables hold no secrets",
                description: "PLAINTEXT environment variables of a CodeBuild project are shown in the console and returned by BatchGetProjects; build logs often echo them. Tokens for registries, GitHub or deploy targets must come from Parameter Store or Secrets Manager.",
                severity: .high, category: .secrets, service: "codebuild", resourceTypes: ["aws_codebuild_project"],
                remediation: "Set type = \"SECRETS_MANAGER\" (or \"PARAMETER_STORE\") and put the secret's name or ARN in value.",
                snippet: """
                    environment_variable {
                      name  = "NPM_TOKEN"
                      type  = "SECRETS_MANAGER"
                      value = "ci/npm-token"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager"]),
            passing: SecretExamples.codebuild(type: "SECRETS_MANAGER", value: "ci/npm-token"),
            failing: SecretExamples.codebuild(type: "PLAINTEXT", value: "npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8")
        ) { project, _ in
            guard project.mode == .managed else { return .notApplicable }
            guard let vars = project.value("environment[0].environment_variable") else { return .passed }
            guard vars.isKnown else {
                return .unknown(paths: ["environment[0].environment_variable"], message: "The environment variables of \(project.address) are known only after apply.")
            }
            for (i, v) in (vars.elements ?? []).enumerated() {
                let a = v.attributes ?? [:]
                let type = a["type"]?.stringValue ?? "PLAINTEXT"
                guard type == "PLAINTEXT", let name = a["name"]?.stringValue, let value = a["value"]?.stringValue else { continue }
                if let how = SecretRules.secret(named: name, value: value) {
                    return .failed(path: "environment[0].environment_variable[\(i)]", message: "Environment variable \(name) of \(project.address) holds \(how) as PLAINTEXT.")
                }
            }
            return .passed
        },
    ]

    static let secretsModule: [ModuleCheck] = [
        ModuleCheck(
            CheckMetadata(
                id: "AL-AWS-PROVIDER-201", aliases: ["CKV_AWS_41"],
                title: "AWS provider has no hard-coded access keys",
                description: "Access keys written in the provider block (directly or as a variable's default) are long-lived credentials committed to the repository: anyone with read access to the code has the account. Like Checkov's CKV_AWS_41, only values shaped like real keys are reported, so the dummy keys of offline and LocalStack set-ups pass.",
                severity: .critical, category: .secrets, service: "provider", resourceTypes: [],
                remediation: "Remove access_key and secret_key; let the provider use the environment (AWS_PROFILE, SSO, an instance or CI role via OIDC).",
                snippet: """
                    provider "aws" {
                      region = "eu-west-1"
                      assume_role {
                        role_arn = "arn:aws:iam::111122223333:role/terraform"
                      }
                    }
                    """,
                references: ["https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration"]),
            passing: """
                provider "aws" {
                  region  = "us-east-1"
                  profile = "deploy"
                }
                """,
            failing: """
                provider "aws" {
                  region     = "us-east-1"
                  access_key = "AKIAIOSFODNN7EXAMPLE"
                  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
                }
                """
        ) { module in
            SecretRules.providerKeys(module)
        },

        ModuleCheck(
            CheckMetadata(
                id: "AL-AWS-TERRAFORM-201",
                title: "Variables for secrets have no literal default",
                description: "A variable named like a secret (db_password, api_token ...) with a literal default puts the secret in the repository while looking parameterised; every apply that forgets to set it uses the committed value.",
                severity: .high, category: .secrets, service: "terraform", resourceTypes: [],
                remediation: "Remove the default (Terraform then requires a value), mark the variable sensitive = true, and supply it from a secret store or TF_VAR_ environment variable in CI.",
                snippet: """
                    variable "db_password" {
                      type      = string
                      sensitive = true
                    }
                    """,
                references: ["https://developer.hashicorp.com/terraform/tutorials/configuration-language/sensitive-variables"]),
            passing: """
                variable "db_password" {
                  type      = string
                  sensitive = true
                }
                variable "db_port" {
                  type    = number
                  default = 5432
                }
                """,
            failing: """
                variable "db_password" {
                  type      = string
                  sensitive = true
                  default   = "correct-horse-battery-staple"
                }
                """
        ) { module in
            SecretRules.variableDefaults(module)
        },
    ]
}

/// The pieces the secrets checks share.
enum SecretRules {
    /// Why `value`, held under `name`, is a secret in plain text; nil when it is not.
    static func secret(named name: String, value: String) -> String? {
        if let shape = SecretPatterns.knownShape(in: value) { return "a \(shape)" }
        if SecretPatterns.isSecretName(name) && SecretPatterns.isLiteralSecretValue(value) { return "a literal secret" }
        return nil
    }

    /// The password arguments of database and cache resources (`[*]` stands for each block).
    static let databasePasswords: [String: [String]] = [
        "aws_db_instance": ["password"],
        "aws_rds_cluster": ["master_password"],
        "aws_docdb_cluster": ["master_password"],
        "aws_redshift_cluster": ["master_password"],
        "aws_redshiftserverless_namespace": ["admin_user_password"],
        "aws_neptune_cluster": [],
        "aws_elasticache_replication_group": ["auth_token"],
        "aws_elasticache_user": ["passwords"],
        "aws_memorydb_user": ["authentication_mode[0].passwords"],
        "aws_mq_broker": ["user[*].password"],
        "aws_opensearch_domain": ["advanced_security_options[0].master_user_options[0].master_user_password"],
        "aws_elasticsearch_domain": ["advanced_security_options[0].master_user_options[0].master_user_password"],
        "aws_dms_endpoint": ["password"],
    ].filter { !$0.value.isEmpty }

    /// Paths with `[*]` expanded to each block the instance has.
    static func expand(_ paths: [String], in r: ResourceInstance) -> [String] {
        paths.flatMap { path -> [String] in
            guard let star = path.range(of: "[*]") else { return [path] }
            let head = String(path[..<star.lowerBound])
            let tail = String(path[star.upperBound...])
            return r.blocks(head).indices.map { "\(head)[\($0)]\(tail)" }
        }
    }

    /// One verdict per `provider "aws"` block of the module.
    static func providerKeys(_ module: ModuleConfig) -> [ModuleVerdict] {
        var verdicts: [ModuleVerdict] = []
        for file in module.files {
            for block in file.body.blocks where block.type == "provider" && block.labels.first == "aws" {
                let alias = block.body.attribute("alias").flatMap { WrittenSecrets.constant($0.expression) }
                let subject = "provider.aws" + (alias.map { ".\($0)" } ?? "")
                var failure: (Attribute, String)?
                for (name, test) in [("access_key", SecretPatterns.looksLikeAccessKeyID), ("secret_key", SecretPatterns.looksLikeSecretAccessKey)] {
                    guard let attribute = block.body.attribute(name), let (text, via) = constantOrDefault(attribute.expression, module) else { continue }
                    if test(text) || (name == "access_key" && SecretPatterns.knownShape(in: text) != nil) {
                        failure = (attribute, "\(subject) has a hard-coded \(name)\(via)")
                        break
                    }
                }
                if let (attribute, message) = failure {
                    verdicts.append(ModuleVerdict(subject: subject, file: file.path, range: attribute.range, passed: false, message: message + "."))
                } else {
                    verdicts.append(ModuleVerdict(subject: subject, file: file.path, range: block.typeRange, passed: true, message: "\(subject) has no hard-coded access keys."))
                }
            }
        }
        return verdicts
    }

    /// The constant an expression writes, directly or as the literal default of the
    /// variable it names (`var.access_key`), with how it was found, for the message.
    private static func constantOrDefault(_ e: Expression, _ module: ModuleConfig) -> (String, String)? {
        if let text = WrittenSecrets.constant(e) { return (text, "") }
        var inner = e
        if case .templateWrap(let x, _) = e { inner = x }
        if case .scopeTraversal(let steps, _) = inner, steps.count == 2, case .root("var", _) = steps[0], case .attribute(let name, _) = steps[1],
            let d = module.variables[name]?.defaultValue, let text = WrittenSecrets.constant(d)
        {
            return (text, " (the default of var.\(name))")
        }
        return nil
    }

    /// One verdict per variable named like a secret.
    static func variableDefaults(_ module: ModuleConfig) -> [ModuleVerdict] {
        module.variables.values.sorted { ($0.site.file, $0.site.range.start.byte) < ($1.site.file, $1.site.range.start.byte) }.compactMap { v in
            let subject = "var.\(v.name)"
            let secretName = SecretPatterns.isSecretName(v.name)
            if let d = v.defaultValue {
                // A secret's variable: every literal in its default is the secret (a map of
                // API keys); any other variable: members named like secrets (smtp.password).
                let how = secretName
                    ? WrittenSecrets.constantLeaves(d).first(where: SecretPatterns.isLiteralSecretValue).map { _ in "a literal value" }
                    : WrittenSecrets.literalSecret(d).flatMap { $0 == "a literal string" ? nil : $0 }
                if let how {
                    return ModuleVerdict(subject: subject, file: v.site.file, range: d.range, passed: false, message: "Variable \(v.name) has \(how) in its default.")
                }
            }
            guard secretName else { return nil }
            return ModuleVerdict(subject: subject, file: v.site.file, range: v.site.range, passed: true, message: "Variable \(v.name) has no literal default.")
        }
    }
}

/// Terraform for the secrets checks' examples.
enum SecretExamples {
    static func lambda(_ variables: String) -> String {
        """
        resource "aws_lambda_function" "api" {
          function_name = "orders-api"
          role          = "arn:aws:iam::111122223333:role/orders-api"
          runtime       = "python3.12"
          handler       = "app.handler"
          filename      = "build/api.zip"
          environment {
            variables = { \(variables) }
          }
        }
        """
    }

    static func instance(_ line: String) -> String {
        """
        resource "aws_instance" "app" {
          ami           = "ami-0123456789abcdef0"
          instance_type = "t3.small"
          user_data     = <<-EOT
            #!/bin/bash
            \(line)
            systemctl start app
          EOT
        }
        """
    }

    static func database(_ credentials: String) -> String {
        """
        resource "aws_db_instance" "app" {
          identifier        = "app-db"
          engine            = "postgres"
          engine_version    = "16.3"
          instance_class    = "db.t4g.medium"
          allocated_storage = 20
          username          = "app"
          \(credentials)
        }
        """
    }

    static func task(_ member: String) -> String {
        """
        resource "aws_ecs_task_definition" "app" {
          family                   = "app"
          requires_compatibilities = ["FARGATE"]
          network_mode             = "awsvpc"
          cpu                      = "256"
          memory                   = "512"
          container_definitions = jsonencode([{
            name      = "app"
            image     = "public.ecr.aws/nginx/nginx:1.27"
            essential = true
            \(member)
          }])
        }
        """
    }

    static func codebuild(type: String, value: String) -> String {
        """
        resource "aws_codebuild_project" "ci" {
          name         = "web-ci"
          service_role = "arn:aws:iam::111122223333:role/codebuild"
          artifacts {
            type = "NO_ARTIFACTS"
          }
          environment {
            compute_type = "BUILD_GENERAL1_SMALL"
            image        = "aws/codebuild/standard:7.0"
            type         = "LINUX_CONTAINER"
            environment_variable {
              name  = "NPM_TOKEN"
              type  = "\(type)"
              value = "\(value)"
            }
          }
          source {
            type     = "GITHUB"
            location = "https://github.com/example/web.git"
          }
        }
        """
    }
}
