import Gate
import Testing

struct ActorTests {
    struct TrailerCase: CustomTestStringConvertible, Sendable {
        var name: String
        var author: (String, String)
        var message: String
        var expected: String?
        var model: String? = nil
        var sponsor: String? = nil
        var testDescription: String { name }
    }

    static let trailerCases: [TrailerCase] = [
        TrailerCase(name: "Claude Code co-author", author: ("Alice Smith", "alice@example.com"),
                    message: "Add bucket\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n", expected: "agent:claude-code", sponsor: "human:alice"),
        TrailerCase(name: "Copilot co-author", author: ("Bob", "bob@example.com"),
                    message: "Fix SG\n\nCo-authored-by: Copilot <198982749+Copilot@users.noreply.github.com>", expected: "agent:github-copilot", sponsor: "human:bob"),
        TrailerCase(name: "Aider names its model", author: ("Carol", "carol@example.com"),
                    message: "feat: x\n\nCo-authored-by: aider (anthropic/claude-3-5-sonnet) <noreply@aider.chat>",
                    expected: "agent:aider", model: "anthropic/claude-3-5-sonnet", sponsor: "human:carol"),
        TrailerCase(name: "Generated-by with an unknown tool", author: ("Dan", "dan@example.com"),
                    message: "Change\n\nGenerated-by: SuperAgent 3", expected: "agent:superagent-3", sponsor: "human:dan"),
        TrailerCase(name: "a bot author", author: ("devin-ai-integration[bot]", "158243242+devin-ai-integration[bot]@users.noreply.github.com"),
                    message: "Update tags", expected: "agent:devin"),
        TrailerCase(name: "a human co-author is not an agent", author: ("Eve", "eve@example.com"),
                    message: "Pairing\n\nCo-authored-by: Claude Dupont <claude.dupont@example.com>", expected: nil),
        TrailerCase(name: "a trailer-like line in the body is not a trailer", author: ("Eve", "eve@example.com"),
                    message: "Co-authored-by: Claude <noreply@anthropic.com>", expected: nil),
    ]

    @Test(arguments: trailerCases)
    func commitTrailers(_ c: TrailerCase) throws {
        let commit = GitCommit(authorName: c.author.0, authorEmail: c.author.1, message: c.message)
        let actor = try ActorResolver(flags: .init(), environment: ["USER": "eve"], commit: commit).resolve()
        if let expected = c.expected {
            #expect(actor.id == expected)
            #expect(actor.source == .gitTrailers)
            #expect(actor.model == c.model)
            #expect(actor.sponsor == c.sponsor)
        } else {
            #expect(actor.id == "human:eve")
        }
    }

    @Test func flagsWinOverEnvironmentWhichWinsOverTrailers() throws {
        let commit = GitCommit(authorName: "A", authorEmail: "a@x.org", message: "x\n\nCo-authored-by: Claude <noreply@anthropic.com>")
        let env = ["AIRLOCK_ACTOR": "agent:cursor", "AIRLOCK_SESSION": "s-1", "AIRLOCK_ON_BEHALF_OF": "human:zoe"]
        let byFlags = try ActorResolver(flags: .init(actor: "agent:claude-code", model: "opus"), environment: env, commit: commit).resolve()
        #expect(byFlags.id == "agent:claude-code" && byFlags.source == .flags && byFlags.model == "opus")
        #expect(byFlags.session == "s-1" && byFlags.sponsor == "human:zoe")
        let byEnv = try ActorResolver(flags: .init(), environment: env, commit: commit).resolve()
        #expect(byEnv.id == "agent:cursor" && byEnv.source == .environment)
    }

    @Test func ciIsRecognisedFromItsVariables() throws {
        let actor = try ActorResolver(flags: .init(), environment: ["GITHUB_ACTIONS": "true", "USER": "runner"]).resolve()
        #expect(actor.id == "ci:github-actions")
    }

    @Test(arguments: ["claude", "robot:x", "agent:", "agent:two words", "human:a:b"])
    func malformedActorsAreRefused(_ text: String) {
        #expect(throws: ActorError.self) { try ActorResolver(flags: .init(actor: text), environment: [:]).resolve() }
    }

    @Test func onlyAgentsHaveSponsorsAndSponsorsAreHuman() {
        #expect(throws: ActorError.self) { try ActorResolver(flags: .init(actor: "human:a", onBehalfOf: "human:b"), environment: [:]).resolve() }
        #expect(throws: ActorError.self) { try ActorResolver(flags: .init(actor: "agent:a", onBehalfOf: "agent:b"), environment: [:]).resolve() }
    }
}

struct GlobPatternTests {
    @Test(arguments: [
        ("aws_*", "aws_s3_bucket", true), ("aws_iam_*", "aws_s3_bucket", false), ("agent:*", "agent:claude-code", true),
        ("agent:*", "human:alice", false), ("envs/prod/**", "envs/prod/eu/db", true), ("envs/prod/**", "envs/prod", false),
        ("**/prod", "envs/prod", true), ("**/prod", "prod", true), ("**/prod/**", "a/prod/b", true), ("envs/*", "envs/a/b", false),
        ("t3.?large", "t3.xlarge", true), ("*", "", true), ("prod", "production", false),
    ])
    func matches(_ pattern: String, _ name: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(name) == expected)
    }
}
