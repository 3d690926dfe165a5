import Foundation

/// What a secret looks like: the shapes of well-known credentials, the names people give
/// variables that hold secrets, and the values that only point at a secret kept elsewhere.
enum SecretPatterns {
    /// One kind of credential recognisable by its shape alone.
    struct Shape: Sendable {
        var name: String
        var regex: String
    }

    /// Credentials with a recognisable format. The AWS access key prefixes are AWS's own
    /// (AKIA long-term, ASIA temporary, and the unique-ID prefixes git-secrets lists); the
    /// token formats are those their issuers document.
    static let shapes: [Shape] = [
        Shape(name: "AWS access key ID", regex: #"(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])"#),
        Shape(name: "AWS secret access key", regex: #"(?i)aws_?secret_?(access_?)?key["']?\s*(:|=>|=)\s*["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])"#),
        Shape(name: "private key", regex: #"-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----"#),
        Shape(name: "GitHub token", regex: #"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b"#),
        Shape(name: "GitLab token", regex: #"\bglpat-[A-Za-z0-9_-]{20}\b"#),
        Shape(name: "Slack token", regex: #"\bxox[abposr]-[A-Za-z0-9-]{10,}"#),
        Shape(name: "Stripe secret key", regex: #"\b[rs]k_live_[A-Za-z0-9]{20,}\b"#),
        Shape(name: "Google API key", regex: #"\bAIza[0-9A-Za-z_-]{35}\b"#),
        Shape(name: "SendGrid API key", regex: #"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b"#),
        Shape(name: "npm token", regex: #"\bnpm_[A-Za-z0-9]{36}\b"#),
        Shape(name: "credentials in a URL", regex: #"[a-z][a-z0-9+.-]*://[^/\s:@"'$]+:[^/\s:@"'${}]{3,}@[^\s"']+"#),
    ]

    /// The first well-known credential shape found in `text`.
    static func knownShape(in text: String) -> String? {
        for shape in shapes where text.range(of: shape.regex, options: .regularExpression) != nil {
            return shape.name
        }
        return nil
    }

    /// The access key pattern Checkov's CKV_AWS_41 uses for a provider's `access_key`
    /// (20 upper-case letters and digits), and the 40-character secret key pattern.
    static func looksLikeAccessKeyID(_ s: String) -> Bool {
        s.range(of: #"^[A-Z0-9]{20}$"#, options: .regularExpression) != nil
    }

    static func looksLikeSecretAccessKey(_ s: String) -> Bool {
        s.range(of: #"^[A-Za-z0-9/+=]{40}$"#, options: .regularExpression) != nil
    }

    // MARK: Names

    /// Words that make a variable name a secret's name, as whole words of the name.
    private static let secretWords: Set<String> = [
        "password", "passwd", "passphrase", "pwd", "secret", "token", "apikey", "accesskey", "privatekey",
        "credential", "credentials", "creds", "auth", "dsn", "pat",
    ]

    /// Two-word phrases that name a secret (`api_key`, `connection_string`).
    private static let secretPhrases: Set<String> = [
        "api_key", "access_key", "private_key", "signing_key", "encryption_key", "master_key", "connection_string",
        "auth_key", "license_key",
    ]

    /// Secret words that also name a secret inside a longer word (`dbpassword`, `githubtoken`).
    private static let embeddedWords = ["password", "passwd", "secret", "token", "apikey", "privatekey", "credential"]

    /// Words that, after the secret word, make the name a pointer to the secret or a
    /// setting about it (`SECRET_ARN`, `api_key_name`, `token_ttl_seconds`, `password_policy`).
    private static let pointerWords: Set<String> = [
        "arn", "id", "ids", "name", "names", "path", "param", "parameter", "file", "ref", "length", "len", "ttl",
        "expiry", "expiration", "expires", "timeout", "seconds", "minutes", "hours", "days", "duration", "type",
        "header", "endpoint", "region", "version", "enabled", "rotation", "provider", "method", "mode", "policy",
        "count", "size", "bytes", "limit", "max", "min", "url", "uri", "location", "store", "source", "lifetime",
        "prefix", "suffix", "format", "domain", "host", "scheme", "realm", "role", "service", "flow", "strategy",
    ]

    /// Whether a name (`DB_PASSWORD`, `stripeApiKey`, `/app/db/password`) says it holds a
    /// secret: a secret word not followed by a word that makes it a pointer or a setting.
    static func isSecretName(_ name: String) -> Bool {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "." }).last.map(String.init) ?? name
        let snake = camelToSnake(last).lowercased().replacingOccurrences(of: "-", with: "_")
        let parts = snake.split(separator: "_").map(String.init)
        for i in parts.indices {
            var span = 0
            // Plurals name secrets too (`api_keys`, `passwords`).
            let next = i + 1 < parts.count ? (parts[i + 1].hasSuffix("s") ? String(parts[i + 1].dropLast()) : parts[i + 1]) : ""
            let word = parts[i].hasSuffix("s") ? String(parts[i].dropLast()) : parts[i]
            if i + 1 < parts.count && secretPhrases.contains(parts[i] + "_" + next) {
                span = 2
            } else if secretWords.contains(parts[i]) || secretWords.contains(word) {
                span = 1
            } else if embeddedWords.contains(where: parts[i].contains) {
                span = 1
            }
            if span > 0 { return !parts.dropFirst(i + span).contains(where: pointerWords.contains) }
        }
        return false
    }

    private static func camelToSnake(_ s: String) -> String {
        var out = ""
        var previousLower = false
        for c in s {
            if c.isUppercase && previousLower { out.append("_") }
            out.append(c)
            previousLower = c.isLowercase || c.isNumber
        }
        return out
    }

    // MARK: Values

    /// Whether a value held under a secret's name is the secret itself rather than a
    /// pointer to it (an ARN, a parameter path, a `{{resolve:...}}` reference, a shell
    /// expansion) or an empty placeholder.
    static func isLiteralSecretValue(_ value: String) -> Bool {
        let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.count < 4 { return false }
        if v.hasPrefix("arn:") || v.hasPrefix("{{resolve:") || v.hasPrefix("$") || v.hasPrefix("/") { return false }
        if v.hasPrefix("ssm:") || v.hasPrefix("secretsmanager:") || v.hasPrefix("vault:") { return false }
        if ["true", "false", "null", "none", "required", "optional", "enabled", "disabled"].contains(v.lowercased()) { return false }
        if v.allSatisfy(\.isNumber) { return false }
        return true
    }

    // MARK: Scripts

    /// Shell-style assignments of a literal to a secret's name in a script
    /// (`export DB_PASSWORD="hunter2"`, `--password hunter2`); a value that expands a
    /// variable or runs a command (`$(aws secretsmanager get-secret-value ...)`) is not literal.
    static func literalAssignment(in script: String) -> String? {
        let assignment = #"(?im)^[ \t]*(export[ \t]+)?([A-Z0-9_]*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY)[A-Z0-9_]*)[ \t]*=[ \t]*["']?([^"'\s$`][^"'\s]*)"#
        if let r = script.range(of: assignment, options: .regularExpression) {
            let line = String(script[r])
            if let eq = line.firstIndex(of: "=") {
                let name = line[..<eq].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "export", with: "").trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: eq)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
                if isSecretName(name) && isLiteralSecretValue(value) { return name }
            }
        }
        let flag = #"--(password|db-password|secret|token|api-key)[ =]["']?([^"'\s$`-][^"'\s]*)"#
        if let r = script.range(of: flag, options: [.regularExpression, .caseInsensitive]) {
            return String(script[r].prefix { $0 != " " && $0 != "=" })
        }
        return nil
    }

    /// What in `text` looks like a hard-coded secret, for a message; nil when nothing does.
    static func secretInScript(_ text: String) -> String? {
        if let shape = knownShape(in: text) { return "a \(shape)" }
        if let name = literalAssignment(in: text) { return "a literal value for \(name)" }
        return nil
    }

    /// The text a `user_data` value stands for: base64 is decoded when it decodes to text
    /// (aws_launch_template requires base64; user_data_base64 is always base64).
    static func decodedUserData(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= 8, trimmed.count % 4 == 0,
            trimmed.range(of: #"^[A-Za-z0-9+/]+={0,2}$"#, options: .regularExpression) != nil,
            let data = Data(base64Encoded: trimmed), let text = String(data: data, encoding: .utf8)
        else { return value }
        return text
    }
}
