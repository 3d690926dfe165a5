import Foundation

/// A credential of `airlock serve`: which actor presents it, in which role, and for which
/// environments. The secret itself is never stored, only its SHA-256 (see `createToken`).
public struct APIToken: Sendable, Codable, Hashable {
    /// What a token's holder may do; each role is for one kind of actor.
    public enum Role: String, Sendable, Codable, Hashable, CaseIterable {
        /// Asks for decisions and reports applies: an agent or a CI job (`agent:`, `ci:`).
        case agent
        /// Approves or rejects decisions: a person (`human:`).
        case reviewer
        /// Manages tokens and settings: a person (`human:`).
        case admin
    }

    /// `tok_` and 20 random base32 characters; not secret, it names the token in lists and logs.
    public var id: String
    /// What the token is for, in the words of whoever made it (`claude-code on ci`).
    public var name: String
    public var role: Role
    /// Canonical actor id of the holder: `agent:claude-code`, `ci:github-actions`, `human:alice`.
    public var actorID: String
    /// For an agent: the person who answers for it (`human:alice`), who may then not
    /// approve its changes.
    public var sponsor: String?
    /// Environment names the token may act in, sorted; empty means every environment.
    public var environments: [String]
    public var createdAt: Date
    public var revokedAt: Date?
    /// When the server last accepted the token (`markTokenUsed`), if it records that.
    public var lastUsedAt: Date?

    public init(
        id: String, name: String, role: Role, actorID: String, sponsor: String? = nil, environments: [String] = [],
        createdAt: Date, revokedAt: Date? = nil, lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.actorID = actorID
        self.sponsor = sponsor
        self.environments = environments
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, actorID = "actor_id", sponsor, environments, createdAt = "created_at"
        case revokedAt = "revoked_at", lastUsedAt = "last_used_at"
    }

    /// Whether the token may act in `environment`: any, when it names none; otherwise only
    /// one it names, so a token limited to some environments acts nowhere unknown (nil).
    public func permits(environment: String?) -> Bool {
        guard !environments.isEmpty else { return true }
        guard let environment else { return false }
        return environments.contains(environment)
    }
}
