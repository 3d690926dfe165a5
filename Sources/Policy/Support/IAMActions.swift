/// What AWS actions do, as far as the IAM checks need to know: wildcard matching, access
/// levels, and the published lists of risky actions.
enum IAMActions {
    /// Whether an action pattern of a policy (`s3:Get*`, `iam:?ut*`) matches `action`.
    /// IAM compares action names case-insensitively; `*` is any run of characters, `?` one.
    static func matches(_ pattern: String, _ action: String) -> Bool {
        Glob.matches(Array(pattern.lowercased().utf8), Array(action.lowercased().utf8))
    }

    /// Whether `pattern` stands for every action of every service.
    static func isFullWildcard(_ pattern: String) -> Bool {
        pattern == "*" || pattern == "*:*"
    }

    /// The service part of a pattern (`s3` in `s3:Get*`), lowercased.
    static func service(of pattern: String) -> String? {
        guard let colon = pattern.firstIndex(of: ":") else { return nil }
        return pattern[..<colon].lowercased()
    }

    /// The access levels Cloudsplaining (and so Checkov) flags when granted without
    /// resource constraints.
    enum Level: Sendable {
        case write
        case permissionsManagement
    }

    /// Whether `pattern` grants at least one restrictable action of `level`.
    static func grants(_ pattern: String, level: Level) -> Bool {
        if isFullWildcard(pattern) { return true }
        guard let colon = pattern.firstIndex(of: ":") else { return false }
        let service = pattern[..<colon].lowercased()
        let name = String(pattern[pattern.index(after: colon)...])
        if service.contains("*") || service.contains("?") {
            // `*:Put*` and the like: any service might have such an action.
            return levelByVerb(name, wildcard: true).contains(level)
        }
        if let names = table[service] {
            let candidates = level == .write ? names.write : names.permissions
            let lowered = Array(name.lowercased().utf8)
            return candidates.contains { Glob.matches(lowered, $0) }
        }
        return levelByVerb(name, wildcard: name.contains("*") || name.contains("?")).contains(level)
    }

    /// The levels an action name (or pattern over names) of a service not in the table
    /// probably has, judged by its verb as AWS names actions (`PutBucketPolicy`,
    /// `CreateFunction`). Read, List and Tagging verbs give nothing.
    static func levelByVerb(_ name: String, wildcard: Bool) -> Set<Level> {
        if name == "*" { return [.write, .permissionsManagement] }
        let lowered = name.lowercased()
        if wildcard {
            // The literal text before the first wildcard must be compatible with a verb.
            let prefix = String(lowered.prefix { $0 != "*" && $0 != "?" })
            let compatible = writeVerbs.contains { $0.hasPrefix(prefix) || prefix.hasPrefix($0) }
            guard compatible else { return [] }
            return prefix.contains("polic") || prefix.contains("permission") ? [.write, .permissionsManagement] : [.write]
        }
        guard writeVerbs.contains(where: { lowered.hasPrefix($0) }) else { return [] }
        if permissionNouns.contains(where: { lowered.contains($0) }) { return [.permissionsManagement] }
        return [.write]
    }

    private static let writeVerbs: [String] = [
        "create", "delete", "update", "put", "modify", "start", "stop", "run", "terminate", "attach", "detach",
        "associate", "disassociate", "set", "add", "remove", "enable", "disable", "register", "deregister",
        "import", "restore", "reset", "revoke", "authorize", "send", "publish", "invoke", "cancel", "reboot",
        "copy", "upload", "replace", "execute", "submit", "purchase", "activate", "deactivate", "accept", "reject",
    ]
    private static let permissionNouns = ["policy", "policies", "permission", "grant", "acl", "accesskey", "loginprofile"]

    /// The table, lowercased and split once.
    private static let table: [String: (write: [[UInt8]], permissions: [[UInt8]])] = {
        var t: [String: (write: [[UInt8]], permissions: [[UInt8]])] = [:]
        for (service, lists) in IAMActionTable.services {
            func split(_ s: String) -> [[UInt8]] {
                s.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.lowercased().utf8) }
            }
            t[service] = (split(lists.write), split(lists.permissions))
        }
        return t
    }()

    // MARK: Published lists

    /// Combinations of actions that let a principal raise its own privileges, as published
    /// by Rhino Security Labs (Spencer Gietzen, "AWS IAM Privilege Escalation – Methods and
    /// Mitigation") and used by Cloudsplaining: a method applies when *every* action of it
    /// is granted without resource constraints.
    static let privilegeEscalationMethods: [(name: String, actions: [String])] = [
        ("CreateAccessKey", ["iam:CreateAccessKey"]),
        ("CreateLoginProfile", ["iam:CreateLoginProfile"]),
        ("UpdateLoginProfile", ["iam:UpdateLoginProfile"]),
        ("AddUserToGroup", ["iam:AddUserToGroup"]),
        ("CreateNewPolicyVersion", ["iam:CreatePolicyVersion"]),
        ("SetExistingDefaultPolicyVersion", ["iam:SetDefaultPolicyVersion"]),
        ("AttachUserPolicy", ["iam:AttachUserPolicy"]),
        ("AttachGroupPolicy", ["iam:AttachGroupPolicy"]),
        ("AttachRolePolicy", ["iam:AttachRolePolicy", "sts:AssumeRole"]),
        ("PutUserPolicy", ["iam:PutUserPolicy"]),
        ("PutGroupPolicy", ["iam:PutGroupPolicy"]),
        ("PutRolePolicy", ["iam:PutRolePolicy", "sts:AssumeRole"]),
        ("UpdateRolePolicyToAssumeIt", ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"]),
        ("CreateEC2WithExistingInstanceProfile", ["iam:PassRole", "ec2:RunInstances"]),
        ("PassExistingRoleToNewLambdaThenInvoke", ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"]),
        ("PassExistingRoleToNewLambdaThenTriggerWithNewDynamo", [
            "iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping", "dynamodb:CreateTable", "dynamodb:PutItem",
        ]),
        ("PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo", [
            "iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping",
        ]),
        ("PassExistingRoleToNewGlueDevEndpoint", ["iam:PassRole", "glue:CreateDevEndpoint"]),
        ("PassExistingRoleToCloudFormation", ["iam:PassRole", "cloudformation:CreateStack"]),
        ("PassExistingRoleToNewDataPipeline", ["iam:PassRole", "datapipeline:CreatePipeline"]),
        ("UpdateExistingGlueDevEndpoint", ["glue:UpdateDevEndpoint"]),
        ("EditExistingLambdaFunctionWithRole", ["lambda:UpdateFunctionCode"]),
    ]

    /// Read actions that hand out data wholesale when granted on every resource
    /// (Cloudsplaining's data-exfiltration list).
    static let dataExfiltration: [String] = [
        "s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "secretsmanager:GetSecretValue",
        "rds:CopyDBSnapshot", "rds:CreateDBSnapshot",
    ]

    /// Actions whose response contains credentials (Kinnaird McQuade's list, used by
    /// Cloudsplaining), restricted to those a resource constraint can narrow.
    /// `ecr:GetAuthorizationToken` is left out on purpose: it cannot be restricted, every
    /// image pull needs it, and the token only carries the caller's own ECR permissions.
    static let credentialsExposure: [String] = [
        "cloud9:CreateEnvironmentToken", "codeartifact:GetAuthorizationToken", "codepipeline:PollForJobs",
        "cognito-identity:GetCredentialsForIdentity", "cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity", "ec2:GetPasswordData", "gamelift:GetInstanceAccess",
        "gamelift:RequestUploadCredentials", "iam:CreateAccessKey", "iam:CreateLoginProfile",
        "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential", "iam:UpdateAccessKey",
        "lightsail:GetInstanceAccessDetails", "lightsail:GetRelationalDatabaseMasterUserPassword",
        "lightsail:DownloadDefaultKeyPair", "lightsail:CreateBucketAccessKey", "rds-db:Connect",
        "redshift:GetClusterCredentials", "redshift:GetClusterCredentialsWithIAM", "redshift-serverless:GetCredentials",
        "sso:GetRoleCredentials", "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
        "sts:GetFederationToken", "sts:GetSessionToken",
    ]
}

/// IAM's wildcard matching over bytes: `*` any run, `?` one character.
enum Glob {
    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == question || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == star {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == star { p += 1 }
        return p == pattern.count
    }
}
