import Foundation

/// Decides who the actor is from flags, then the environment, then the commit trailers of
/// the repository the plan came from, then the user running the command.
///
/// The first source that names an actor wins as a whole; companion facts (model, session,
/// sponsor) from a later source fill only what the winner left open, so
/// `AIRLOCK_ON_BEHALF_OF` set once in a shell still applies to `--actor agent:...`.
public struct ActorResolver: Sendable {
    /// What flags said (`--actor`, `--model`, `--tool`, `--session`, `--on-behalf-of`).
    public struct Flags: Sendable, Hashable {
        public var actor: String?
        public var model: String?
        public var tool: String?
        public var session: String?
        public var onBehalfOf: String?

        public init(actor: String? = nil, model: String? = nil, tool: String? = nil, session: String? = nil, onBehalfOf: String? = nil) {
            self.actor = actor
            self.model = model
            self.tool = tool
            self.session = session
            self.onBehalfOf = onBehalfOf
        }
    }

    public var flags: Flags
    /// The process environment (`AIRLOCK_ACTOR`, `AIRLOCK_MODEL`, `AIRLOCK_TOOL`,
    /// `AIRLOCK_SESSION`, `AIRLOCK_ON_BEHALF_OF`, `CI`, `GITHUB_ACTIONS`, `USER`).
    public var environment: [String: String]
    /// The last commit of the repository the plan was made in, when there is one.
    public var commit: GitCommit?

    public init(flags: Flags, environment: [String: String], commit: GitCommit? = nil) {
        self.flags = flags
        self.environment = environment
        self.commit = commit
    }

    public func resolve() throws(ActorError) -> Actor {
        var actor: Actor
        if let text = flags.actor {
            let (kind, identity) = try Actor.parseID(text)
            actor = Actor(kind: kind, identity: identity, source: .flags)
        } else if let text = environment["AIRLOCK_ACTOR"], !text.isEmpty {
            let (kind, identity) = try Actor.parseID(text)
            actor = Actor(kind: kind, identity: identity, source: .environment)
        } else if let commit, let agent = commit.agent {
            actor = agent
        } else {
            actor = fallback()
        }
        actor.model = actor.model ?? flags.model ?? nonEmpty("AIRLOCK_MODEL")
        actor.tool = actor.tool ?? flags.tool ?? nonEmpty("AIRLOCK_TOOL")
        actor.session = actor.session ?? flags.session ?? nonEmpty("AIRLOCK_SESSION")
        if let sponsor = flags.onBehalfOf ?? nonEmpty("AIRLOCK_ON_BEHALF_OF") {
            let (kind, identity) = try Actor.parseID(sponsor)
            guard kind == .human else {
                throw ActorError("--on-behalf-of names who answers for the change and must be a human (human:NAME), not \"\(sponsor)\".")
            }
            actor.sponsor = "human:\(identity)"
        }
        if actor.kind == .agent, actor.sponsor == nil, let author = commit?.authorIdentity {
            // The person who committed an agent's work answers for it.
            actor.sponsor = "human:\(author)"
        }
        if actor.kind != .agent, actor.sponsor != nil {
            throw ActorError("Only an agent acts on behalf of someone; \(actor.id) is a \(actor.kind.rawValue).")
        }
        return actor
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// CI systems say who they are through well-known variables; anyone else is the
    /// local user.
    private func fallback() -> Actor {
        let ciSystems: [(variable: String, name: String)] = [
            ("GITHUB_ACTIONS", "github-actions"), ("GITLAB_CI", "gitlab-ci"), ("CIRCLECI", "circleci"),
            ("BUILDKITE", "buildkite"), ("JENKINS_URL", "jenkins"), ("TF_BUILD", "azure-pipelines"),
            ("ATLANTIS_TERRAFORM_VERSION", "atlantis"), ("SPACELIFT", "spacelift"),
        ]
        for system in ciSystems where nonEmpty(system.variable) != nil {
            return Actor(kind: .ci, identity: system.name, source: .fallback)
        }
        if nonEmpty("CI") != nil { return Actor(kind: .ci, identity: "ci", source: .fallback) }
        let user = nonEmpty("USER") ?? nonEmpty("LOGNAME") ?? "unknown"
        return Actor(kind: .human, identity: GitCommit.slug(user), source: .fallback)
    }
}
