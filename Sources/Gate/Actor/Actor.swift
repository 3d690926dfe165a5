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
