import Crypto
import Foundation
import Gate
import SQLKit

/// API tokens of `airlock serve`. A secret is shown once, when it is made; the database
/// keeps only its SHA-256, and a request's secret is found by that hash.
extension AirlockStore {
    /// Makes a token for `actorID` in `role` and returns it with its secret,
    /// `alk_` + 32 random bytes in unpadded base64url, which is not stored and cannot be
    /// shown again.
    ///
    /// Throws STORE006 when the actor does not fit the role: an agent token is for an agent
    /// or a CI job, a reviewer or admin token for a person, and only an agent has a sponsor,
    /// who is a person.
    public func createToken(
        name: String, role: APIToken.Role, actorID: String, sponsor: String? = nil, environments: [String] = [],
        at date: Date = Date()
    ) async throws -> (token: APIToken, secret: String) {
        let token = try Self.validatedToken(
            name: name, role: role, actorID: actorID, sponsor: sponsor, environments: environments, at: date)
        let secret = Self.newSecret()
        // A JSON array, or NULL for every environment.
        var environmentsText: String?
        if !token.environments.isEmpty {
            environmentsText = String(decoding: try JSONEncoder().encode(token.environments), as: UTF8.self)
        }
        try await database.raw("""
            INSERT INTO tokens (id, name, token_hash, role, actor_id, sponsor, environments, created_at)
            VALUES (\(bind: token.id), \(bind: token.name), \(bind: Self.hash(secret: secret)), \(bind: token.role.rawValue),
                    \(bind: token.actorID), \(bind: token.sponsor), \(bind: environmentsText), \(bind: Self.timestamp(date)))
            """).run()
        return (token, secret)
    }

    /// The token whose secret this is, or nil when there is none or it was revoked.
    public func token(secret: String) async throws -> APIToken? {
        guard secret.hasPrefix("alk_") else { return nil }
        return try await database.raw("""
            SELECT \(unsafeRaw: Self.tokenColumns) FROM tokens WHERE token_hash = \(bind: Self.hash(secret: secret)) AND revoked_at IS NULL
            """).first().map(Self.decodeToken)
    }

    /// Every token, revoked ones too, oldest first.
    public func tokens() async throws -> [APIToken] {
        try await database.raw("SELECT \(unsafeRaw: Self.tokenColumns) FROM tokens ORDER BY created_at, id").all()
            .map(Self.decodeToken)
    }

    /// Revokes the token `id`; returns false when there is no such token or it was already
    /// revoked. A revoked token is kept, so lists and audit events can still name it.
    @discardableResult
    public func revokeToken(id: String, at date: Date = Date()) async throws -> Bool {
        let rows = try await database.raw("""
            UPDATE tokens SET revoked_at = \(bind: Self.timestamp(date)) WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Records that the server accepted the token `id` at `date`. A write: a server may do
    /// it for some requests only.
    public func markTokenUsed(id: String, at date: Date = Date()) async throws {
        try await database.raw("UPDATE tokens SET last_used_at = \(bind: Self.timestamp(date)) WHERE id = \(bind: id)").run()
    }

    /// How many tokens were ever made, revoked ones too: a server that makes a first admin
    /// token when there is none does so once, not again after every token was revoked.
    public func tokenCount() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS count FROM tokens").first()?.decode(column: "count", as: Int.self) ?? 0
    }

    // MARK: Internals

    private static let tokenColumns = "id, name, role, actor_id, sponsor, environments, created_at, revoked_at, last_used_at"

    /// The token to store, with its actor and sponsor in canonical form, or STORE006.
    static func validatedToken(
        name: String, role: APIToken.Role, actorID: String, sponsor: String?, environments: [String], at date: Date
    ) throws -> APIToken {
        func refused(_ message: String) -> StoreError { StoreError(code: "STORE006", message: message) }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw refused("A token needs a name that says what it is for, e.g. \"claude-code in CI\".") }
        let actor: (kind: Actor.Kind, identity: String)
        do { actor = try Actor.parseID(actorID) } catch { throw refused("The token's actor is unusable: \(error.message)") }
        let canonicalActor = "\(actor.kind.rawValue):\(actor.identity)"
        switch role {
        case .agent:
            guard actor.kind == .agent || actor.kind == .ci else {
                throw refused("An agent token is for an agent or a CI job (agent:NAME, ci:NAME), not \(canonicalActor); give a person a reviewer or admin token.")
            }
        case .reviewer, .admin:
            guard actor.kind == .human else {
                throw refused("A \(role.rawValue) token is for a person (human:NAME), not \(canonicalActor): only people approve changes and manage the gate.")
            }
        }
        var canonicalSponsor: String?
        if let sponsor {
            let parsed: (kind: Actor.Kind, identity: String)
            do { parsed = try Actor.parseID(sponsor) } catch { throw refused("The token's sponsor is unusable: \(error.message)") }
            guard parsed.kind == .human else {
                throw refused("A sponsor answers for an agent and must be a person (human:NAME), not \"\(sponsor)\".")
            }
            guard actor.kind == .agent else {
                throw refused("Only an agent acts on behalf of someone; \(canonicalActor) is a \(actor.kind.rawValue), so its token has no sponsor.")
            }
            canonicalSponsor = "human:\(parsed.identity)"
        }
        let names = environments.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains(where: \.isEmpty) else {
            throw refused("An environment name is empty; leave the list empty for a token that may act in every environment.")
        }
        return APIToken(
            id: newTokenID(), name: name, role: role, actorID: canonicalActor, sponsor: canonicalSponsor,
            environments: Array(Set(names)).sorted(), createdAt: date)
    }

    /// `tok_` and 20 random lower-case base32 characters (100 bits), the form of Gate's IDs.
    static func newTokenID() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var generator = SystemRandomNumberGenerator()
        return "tok_" + String((0..<20).map { _ in alphabet[Int(generator.next() % 32)] })
    }

    /// `alk_` and 32 bytes from the system's secure random source, base64url without padding.
    static func newSecret() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let text = bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "alk_" + text
    }

    /// Hex SHA-256 of a secret's UTF-8, what `tokens.token_hash` holds.
    static func hash(secret: String) -> String {
        SHA256.hash(data: Array(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func decodeToken(_ row: any SQLRow) throws -> APIToken {
        let roleText = try row.decode(column: "role", as: String.self)
        guard let role = APIToken.Role(rawValue: roleText) else {
            throw StoreError(code: "STORE003", message: "A stored token has the unknown role \"\(roleText)\".")
        }
        let environments = try row.decode(column: "environments", as: String?.self).map { text in
            do { return try JSONDecoder().decode([String].self, from: Data(text.utf8)) } catch {
                throw StoreError(code: "STORE003", message: "A stored token's environments cannot be read: \(error)")
            }
        }
        return APIToken(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            role: role, actorID: try row.decode(column: "actor_id", as: String.self),
            sponsor: try row.decode(column: "sponsor", as: String?.self), environments: environments ?? [],
            createdAt: try date(row.decode(column: "created_at", as: String.self)),
            revokedAt: try row.decode(column: "revoked_at", as: String?.self).map(date),
            lastUsedAt: try row.decode(column: "last_used_at", as: String?.self).map(date))
    }
}
