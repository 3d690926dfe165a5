/// Who asks for a change: a human, an AI agent acting for a human, or a CI pipeline.
///
/// An actor is recorded in every decision, approval and audit event. Its `id` is
/// `kind:identity` (`agent:claude-code`, `human:alice`), the form flags, configuration
/// patterns and the audit log all use.
public struct Actor: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case human, agent, ci
    }

    /// Where the actor's identity was taken from, so a reviewer can judge how far to trust it.
    public enum Source: String, Sendable, Hashable, Codable {
        /// `--actor` and its companion flags.
        case flags
        /// `AIRLOCK_ACTOR` and its companions.
        case environment
        /// `Co-authored-by:` / `Generated-by:` trailers of the commit the plan was made from.
        case gitTrailers = "git_trailers"
        /// Nothing said who: the user running the command (or the CI system).
        case fallback
        /// The API token the server authenticated: the identity is the token's, not a claim.
        case apiToken = "api_token"
    }

    public var kind: Kind
    /// The name within the kind: `claude-code`, `alice`, `github-actions`.
    public var identity: String
    /// For agents: the model (`claude-sonnet-4.5`), when known.
    public var model: String?
    /// For agents: the tool that ran the model (`claude-code`, `cursor`), when known.
    public var tool: String?
    /// For agents: the session or run that produced the change.
    public var session: String?
    /// For agents: the human who sponsors the agent (`human:alice`); that human may not
    /// approve the agent's change.
    public var sponsor: String?
    public var source: Source

    public init(
        kind: Kind, identity: String, model: String? = nil, tool: String? = nil, session: String? = nil,
        sponsor: String? = nil, source: Source = .flags
    ) {
        self.kind = kind
        self.identity = identity
        self.model = model
        self.tool = tool
        self.session = session
        self.sponsor = sponsor
        self.source = source
    }

    /// `kind:identity`, the form patterns in `airlock.yaml` match.
    public var id: String { "\(kind.rawValue):\(identity)" }

    /// The facts worth recording beside the id, as flat strings (for the audit log).
    public var details: [String: String] {
        var out = ["kind": kind.rawValue, "source": source.rawValue]
        if let model { out["model"] = model }
        if let tool { out["tool"] = tool }
        if let session { out["session"] = session }
        if let sponsor { out["on_behalf_of"] = sponsor }
        return out
    }
}

/// A malformed actor given by a flag, the environment or the configuration.
public struct ActorError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Actor {
    /// Reads `kind:identity` (`agent:claude-code`, `human:alice`, `ci:github-actions`).
    /// A bare name is refused rather than guessed: a gate must know whether it faces an agent.
    public static func parseID(_ text: String) throws(ActorError) -> (kind: Kind, identity: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else {
            throw ActorError("\"\(text)\" is not an actor: write KIND:NAME, where KIND is human, agent or ci (agent:claude-code, human:alice).")
        }
        let kindText = trimmed[..<colon].lowercased()
        let identity = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard let kind = Kind(rawValue: kindText) else {
            throw ActorError("\"\(kindText)\" is not an actor kind: use human, agent or ci (in \"\(text)\").")
        }
        guard !identity.isEmpty, !identity.contains(where: { $0.isWhitespace || $0 == ":" }) else {
            throw ActorError("\"\(text)\" has no usable name after \"\(kindText):\" (no spaces or colons).")
        }
        return (kind, identity)
    }
}

import Foundation

extension Actor {
    enum CodingKeys: String, CodingKey {
        case id, kind, identity, model, tool, session, sponsor = "on_behalf_of", source
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        identity = try c.decode(String.self, forKey: .identity)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        tool = try c.decodeIfPresent(String.self, forKey: .tool)
        session = try c.decodeIfPresent(String.self, forKey: .session)
        sponsor = try c.decodeIfPresent(String.self, forKey: .sponsor)
        source = try c.decodeIfPresent(Source.self, forKey: .source) ?? .flags
    }

    /// Written with `id` first among equals, so a reader need not rebuild `kind:identity`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(identity, forKey: .identity)
        try c.encodeIfPresent(model, forKey: .model)
        try c.encodeIfPresent(tool, forKey: .tool)
        try c.encodeIfPresent(session, forKey: .session)
        try c.encodeIfPresent(sponsor, forKey: .sponsor)
        try c.encode(source, forKey: .source)
    }
}
