import Foundation
import HCL

/// One suppression written in a comment.
///
/// - `# airlock:ignore AL-AWS-S3-001 reason="public website" expires=2027-01-31` (or with
///   `//`): Airlock's own form. One or more check IDs or Checkov aliases, comma-separated;
///   `reason` is required, `expires` (a date, `YYYY-MM-DD`) is optional. Written inside a
///   block, or on the comment lines directly above its first line.
/// - `#checkov:skip=CKV_AWS_20:the reason`: Checkov's form (also `bridgecrew:skip=`),
///   honoured through the aliases of Airlock's checks, inside the block as in Checkov.
struct SuppressionDirective: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case airlock = "airlock:ignore"
        case checkov = "checkov:skip"
    }

    var kind: Kind
    /// The check IDs or aliases named, as written.
    var ids: [String]
    var reason: String?
    var expires: String?
    /// The comment it was read from.
    var range: SourceRange
    /// What is wrong with how it is written (an unknown key, a malformed date), if anything.
    var problems: [String]

    /// The directive in a comment's text, if the comment holds one.
    static func parse(_ comment: LineComment) -> SuppressionDirective? {
        let text = comment.text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("airlock:ignore") {
            return parseAirlock(String(text.dropFirst("airlock:ignore".count)), range: comment.range)
        }
        for marker in ["checkov:skip=", "bridgecrew:skip="] {
            if let r = comment.text.range(of: marker) {
                return parseCheckov(String(comment.text[r.upperBound...]), range: comment.range)
            }
        }
        return nil
    }

    /// `ID[,ID] key=value ...` after `airlock:ignore`.
    private static func parseAirlock(_ rest: String, range: SourceRange) -> SuppressionDirective {
        var problems: [String] = []
        var scalars = Substring(rest)
        func skipSpaces() { scalars = scalars.drop { $0 == " " || $0 == "\t" } }
        skipSpaces()
        var idToken = scalars.prefix { $0 != " " && $0 != "\t" }
        if idToken.contains("=") {
            idToken = ""
        } else {
            scalars = scalars.dropFirst(idToken.count)
        }
        let ids = idToken.split(separator: ",").map(String.init).filter { !$0.isEmpty }
        if ids.isEmpty {
            problems.append("it names no check: write the check ID right after airlock:ignore, such as `airlock:ignore AL-AWS-S3-001 reason=\"...\"`")
        }
        var reason: String?
        var expires: String?
        while true {
            skipSpaces()
            guard !scalars.isEmpty else { break }
            let key = scalars.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
            scalars = scalars.dropFirst(key.count)
            guard scalars.first == "=" else {
                problems.append("\"\(key)\" is not key=value: write reason=\"...\" and expires=YYYY-MM-DD")
                scalars = scalars.drop { $0 != " " && $0 != "\t" }
                continue
            }
            scalars = scalars.dropFirst()
            var value = ""
            if let quote = scalars.first, quote == "\"" || quote == "'" {
                scalars = scalars.dropFirst()
                var closed = false
                while let c = scalars.first {
                    scalars = scalars.dropFirst()
                    if c == "\\", let next = scalars.first {
                        value.append(next)
                        scalars = scalars.dropFirst()
                    } else if c == quote {
                        closed = true
                        break
                    } else {
                        value.append(c)
                    }
                }
                if !closed { problems.append("the value of \(key) has no closing quote") }
            } else {
                let token = scalars.prefix { $0 != " " && $0 != "\t" }
                value = String(token)
                scalars = scalars.dropFirst(token.count)
            }
            switch key {
            case "reason":
                reason = value
            case "expires":
                expires = value
            default:
                problems.append("unknown key \"\(key)\" (known: reason, expires)")
            }
        }
        if let e = expires, !isDate(e) {
            problems.append("expires=\(e) is not a date in the form YYYY-MM-DD")
        }
        let trimmedReason = reason?.trimmingCharacters(in: .whitespaces)
        return SuppressionDirective(
            kind: .airlock, ids: ids, reason: trimmedReason?.isEmpty == false ? trimmedReason : nil, expires: expires,
            range: range, problems: problems)
    }

    /// `ID[,ID][:reason]` after `checkov:skip=`, as Checkov's comment pattern reads it.
    private static func parseCheckov(_ rest: String, range: SourceRange) -> SuppressionDirective {
        let trimmed = rest.drop { $0 == " " }
        let idPart = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "," }
        let ids = idPart.split(separator: ",").map(String.init).filter { !$0.isEmpty }
        var reason: String?
        let after = trimmed.dropFirst(idPart.count)
        if after.first == ":" {
            let r = after.dropFirst().trimmingCharacters(in: .whitespaces)
            if !r.isEmpty { reason = r }
        }
        var problems: [String] = []
        if ids.isEmpty { problems.append("it names no check: write checkov:skip=CKV_AWS_20:the reason") }
        return SuppressionDirective(kind: .checkov, ids: ids, reason: reason, expires: nil, range: range, problems: problems)
    }

    /// Whether `text` is a real calendar date `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    /// Whether the directive names a check, by its ID or one of its aliases.
    func names(_ check: CheckMetadata) -> String? {
        let names = [check.id] + check.aliases
        return ids.first { id in names.contains { $0.caseInsensitiveCompare(id) == .orderedSame } }
    }
}
