import Foundation
import Store
import Testing

/// A token request and whether the store accepts it: the role, actor and sponsor rules.
struct TokenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var role: APIToken.Role
    var actor: String
    var sponsor: String? = nil
    var environments: [String] = []
    /// The canonical actor id stored, or nil when the request is refused (STORE006).
    var stored: String?

    var testDescription: String { name }

    static let all: [TokenCase] = [
        TokenCase(name: "an agent with its sponsor", role: .agent, actor: "agent:claude-code", sponsor: "human:alice", stored: "agent:claude-code"),
        TokenCase(name: "a CI job", role: .agent, actor: "ci:github-actions", stored: "ci:github-actions"),
        TokenCase(name: "a reviewer, kind in capitals", role: .reviewer, actor: "HUMAN:carol", stored: "human:carol"),
        TokenCase(name: "an admin", role: .admin, actor: "human:root", stored: "human:root"),
        TokenCase(name: "a person with an agent token", role: .agent, actor: "human:alice", stored: nil),
        TokenCase(name: "an agent with a reviewer token", role: .reviewer, actor: "agent:claude-code", stored: nil),
        TokenCase(name: "a CI job with an admin token", role: .admin, actor: "ci:jenkins", stored: nil),
        TokenCase(name: "a bare name", role: .agent, actor: "claude-code", stored: nil),
        TokenCase(name: "an unknown kind", role: .agent, actor: "robot:r2", stored: nil),
        TokenCase(name: "a sponsor who is an agent", role: .agent, actor: "agent:a", sponsor: "agent:b", stored: nil),
        TokenCase(name: "a sponsor without a kind", role: .agent, actor: "agent:a", sponsor: "alice", stored: nil),
        TokenCase(name: "a CI job with a sponsor", role: .agent, actor: "ci:jenkins", sponsor: "human:alice", stored: nil),
        TokenCase(name: "a reviewer with a sponsor", role: .reviewer, actor: "human:carol", sponsor: "human:alice", stored: nil),
        TokenCase(name: "an empty environment name", role: .agent, actor: "agent:a", environments: ["prod", " "], stored: nil),
    ]
}

struct TokenStoreTests {
    @Test(arguments: Backend.available)
    func aTokenIsFoundByItsSecretUntilRevoked(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: try await backend.isolatedLocation())
        #expect(try await store.tokenCount() == 0)
        let (token, secret) = try await store.createToken(
            name: "claude in CI", role: .agent, actorID: "agent:claude-code", sponsor: "human:alice",
            environments: ["staging", "prod", "staging"], at: AirlockStoreTests.now)
        #expect(token.id.hasPrefix("tok_"))
        #expect(token.environments == ["prod", "staging"])
        #expect(token.revokedAt == nil)
        // alk_ and 32 bytes in unpadded base64url: 43 characters.
        #expect(secret.hasPrefix("alk_") && secret.count == 47)
        #expect(secret.dropFirst(4).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })

        #expect(try await store.token(secret: secret) == token)
        #expect(try await store.token(secret: secret + "x") == nil)
        #expect(try await store.token(secret: "alk_unknown") == nil)
        let (other, otherSecret) = try await store.createToken(
            name: "carol", role: .reviewer, actorID: "human:carol", at: AirlockStoreTests.now.addingTimeInterval(1))
        #expect(otherSecret != secret)
        #expect(try await store.tokens() == [token, other])

        let revokedAt = AirlockStoreTests.now.addingTimeInterval(60)
        #expect(try await store.revokeToken(id: token.id, at: revokedAt))
        #expect(try await store.token(secret: secret) == nil)
        #expect(try await store.revokeToken(id: token.id) == false)
        #expect(try await store.revokeToken(id: "tok_missing") == false)
        #expect(try await store.tokens().map(\.revokedAt) == [revokedAt, nil])
        #expect(try await store.token(secret: otherSecret) == other)
        #expect(try await store.tokenCount() == 2)

        try await store.markTokenUsed(id: other.id, at: revokedAt)
        #expect(try await store.token(secret: otherSecret)?.lastUsedAt == revokedAt)
        await store.close()
    }

    @Test(arguments: TokenCase.all)
    func aTokensActorMustFitItsRole(_ test: TokenCase) async throws {
        let store = try await AirlockStore.open(location: AirlockStoreTests.temporaryDirectory())
        let attempt = { try await store.createToken(
            name: test.name, role: test.role, actorID: test.actor, sponsor: test.sponsor, environments: test.environments) }
        if let stored = test.stored {
            let (token, secret) = try await attempt()
            #expect(token.actorID == stored)
            #expect(try await store.token(secret: secret)?.actorID == stored)
        } else {
            let error = try await #require(throws: StoreError.self) { try await attempt() }
            #expect(error.code == "STORE006")
            #expect(try await store.tokenCount() == 0)
        }
        await store.close()
    }

    @Test func aTokenLimitedToEnvironmentsActsOnlyThere() {
        let limited = APIToken(id: "tok_a", name: "a", role: .agent, actorID: "agent:a", environments: ["prod"], createdAt: Date())
        #expect(limited.permits(environment: "prod"))
        #expect(!limited.permits(environment: "staging"))
        #expect(!limited.permits(environment: nil))
        var everywhere = limited
        everywhere.environments = []
        #expect(everywhere.permits(environment: "staging") && everywhere.permits(environment: nil))
    }
}
