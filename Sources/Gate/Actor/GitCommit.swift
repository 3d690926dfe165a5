import Foundation

/// A commit's author and trailers: enough to tell whether an AI assistant wrote it.
///
/// Assistants sign their work in one of two ways: a `Co-authored-by:` trailer naming the
/// assistant (Claude Code, GitHub Copilot, Cursor, Aider, ...) or a `Generated-by:` trailer.
/// Some commit as a bot account of their own (`devin-ai-integration[bot]`).
public struct GitCommit: Sendable, Hashable {
    public var authorName: String
    public var authorEmail: String
    public var message: String

    public init(authorName: String, authorEmail: String, message: String) {
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.message = message
    }

    /// The trailers of the message's last paragraph, as (key, value) in order.
    public var trailers: [(key: String, value: String)] {
        let paragraphs = message.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard paragraphs.count > 1, let last = paragraphs.last else { return [] }
        var out: [(String, String)] = []
        for line in last.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.contains(" ") else { continue }
            out.append((key, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return out
    }

    /// The agent that wrote the commit, if a trailer or the author says one did.
    public var agent: Actor? {
        for (key, value) in trailers {
            switch key.lowercased() {
            case "generated-by":
                if let assistant = KnownAssistant.match(value) ?? KnownAssistant.named(value) {
                    return Actor(kind: .agent, identity: assistant.identity, model: assistant.model, tool: assistant.identity, source: .gitTrailers)
                }
            case "co-authored-by":
                if let assistant = KnownAssistant.match(value) {
                    return Actor(kind: .agent, identity: assistant.identity, model: assistant.model, tool: assistant.identity, source: .gitTrailers)
                }
            default: continue
            }
        }
        if let assistant = KnownAssistant.match("\(authorName) <\(authorEmail)>") {
            return Actor(kind: .agent, identity: assistant.identity, model: assistant.model, tool: assistant.identity, source: .gitTrailers)
        }
        return nil
    }

    /// The author as an identity: the local part of the email, else the name, as a slug.
    /// Nil when the author is itself an assistant.
    public var authorIdentity: String? {
        if KnownAssistant.match("\(authorName) <\(authorEmail)>") != nil { return nil }
        let local = authorEmail.split(separator: "@").first.map(String.init) ?? ""
        let base = local.isEmpty ? authorName : local
        let slug = Self.slug(base)
        return slug.isEmpty ? nil : slug
    }

    /// Lower case, with anything but letters, digits, `.`, `_` and `-` turned into `-`.
    static func slug(_ text: String) -> String {
        let mapped = text.lowercased().map { c -> Character in
            c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" ? c : "-"
        }
        return String(mapped).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}

/// The AI assistants whose commit signatures Airlock recognises.
struct KnownAssistant: Sendable {
    var identity: String
    var model: String?

    /// Substrings of the email (or bot account) that identify each assistant, lower case,
    /// from the trailer or account the assistant itself writes: Claude Code
    /// `Claude <noreply@anthropic.com>`, Copilot `Copilot <...+Copilot@users.noreply.github.com>`,
    /// Cursor `Cursor Agent <cursoragent@cursor.com>`, Aider `aider (MODEL) <noreply@aider.chat>`.
    static let emailSignatures: [(needle: String, identity: String)] = [
        ("anthropic.com", "claude-code"), ("copilot", "github-copilot"), ("cursor.com", "cursor"),
        ("cursoragent", "cursor"), ("aider.chat", "aider"), ("devin-ai-integration", "devin"),
        ("openai.com", "codex"), ("google-labs-jules", "jules"), ("gemini-code-assist", "gemini"),
        ("amazon-q-developer", "amazon-q"), ("codeium.com", "windsurf"), ("windsurf.com", "windsurf"),
        ("tabnine.com", "tabnine"), ("sourcegraph.com", "cody"), ("sweep-ai", "sweep"), ("openhands", "openhands"),
    ]

    /// Names that are an assistant's whatever the email (a person called Claude signs with
    /// a surname, so only the bare name counts).
    static let names: [String: String] = [
        "claude": "claude-code", "claude code": "claude-code", "copilot": "github-copilot",
        "github copilot": "github-copilot", "cursor agent": "cursor", "cursor": "cursor", "devin": "devin",
        "codex": "codex", "chatgpt": "codex", "gemini": "gemini", "jules": "jules", "amazon q": "amazon-q",
        "windsurf": "windsurf", "cody": "cody", "tabnine": "tabnine",
    ]

    /// Reads `Name <email>` (or a bare name) and says which assistant it is, if any.
    static func match(_ text: String) -> KnownAssistant? {
        let lower = text.lowercased()
        var name = lower
        var email = ""
        if let open = lower.firstIndex(of: "<") {
            name = String(lower[..<open])
            email = String(lower[lower.index(after: open)...]).trimmingCharacters(in: CharacterSet(charactersIn: "> "))
        }
        let bareName = (name.split(separator: "(").first.map(String.init) ?? name).trimmingCharacters(in: .whitespaces)
        if let hit = emailSignatures.first(where: { email.contains($0.needle) || bareName.contains($0.needle) }) {
            return KnownAssistant(identity: hit.identity, model: model(in: text))
        }
        if let identity = names[bareName] ?? (bareName == "aider" ? "aider" : nil) {
            return KnownAssistant(identity: identity, model: model(in: text))
        }
        return nil
    }

    /// A `Generated-by:` value that names a tool not in the table is still an agent.
    static func named(_ text: String) -> KnownAssistant? {
        let name = text.split(separator: "<").first.map(String.init) ?? text
        let slug = GitCommit.slug(name.split(separator: "(").first.map(String.init) ?? name)
        return slug.isEmpty ? nil : KnownAssistant(identity: slug, model: model(in: text))
    }

    /// Aider writes the model in parentheses: `aider (anthropic/claude-3-5-sonnet)`.
    static func model(in text: String) -> String? {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return nil }
        let inner = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return inner.isEmpty ? nil : inner
    }
}
