import ArgumentParser
import Foundation
import Store

/// `airlock token`: API tokens for `airlock serve`, made directly in the store.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke the server's API tokens.",
        discussion: """
            A token acts for one actor in one role: agent (submits plans; the actor is agent:
            or ci:), reviewer (approves and rejects; a human:), or admin (everything, tokens
            included; a human:). Only the token's SHA-256 is stored; the token is printed once.
            Run these where the server keeps its state (--state-dir, or --database).
            """,
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self]
    )
}

struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token and print it (once) on standard output.")

    @Option(help: "A name to recognise the token by (who or what holds it).")
    var name: String

    @Option(help: "agent, reviewer or admin.")
    var role: String

    @Option(name: .customLong("actor"), help: ArgumentHelp("Who the token acts as: agent:NAME, ci:NAME or human:NAME.", valueName: "KIND:NAME"))
    var actor: String

    @Option(name: .customLong("on-behalf-of"), help: ArgumentHelp("For an agent: the human who sponsors it (who then may not approve its changes).", valueName: "human:NAME"))
    var onBehalfOf: String?

    @Option(name: .customLong("environment"), help: ArgumentHelp("Limit the token to an environment of airlock.yaml; repeatable (default: all).", valueName: "NAME"))
    var environments: [String] = []

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        guard let role = APIToken.Role(rawValue: role) else {
            throw ValidationError("--role must be agent, reviewer or admin.")
        }
        let directory = FileManager.default.currentDirectoryPath
        let (token, secret) = try await storeOptions.withStore(for: directory) { store in
            do {
                return try await store.createToken(
                    name: name, role: role, actorID: actor, sponsor: onBehalfOf, environments: environments, at: Date())
            } catch let error as StoreError {
                Terminal.writeStderr("error[\(error.code)]: \(error.message)\n")
                throw ExitStatus.usage
            }
        }
        Terminal.writeStderr("created \(token.id) (\(token.role.rawValue), \(token.actorID)); the token is shown once:\n")
        Terminal.writeStdout(secret + "\n")
    }
}

struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never their secrets).")

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let tokens = try await storeOptions.withStore(for: FileManager.default.currentDirectoryPath) { try await $0.tokens() }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Terminal.writeStdout(String(decoding: try encoder.encode(tokens), as: UTF8.self) + "\n")
        case .text:
            for t in tokens {
                let state = t.revokedAt == nil ? "active" : "revoked"
                let scope = t.environments.isEmpty ? "all environments" : t.environments.joined(separator: ",")
                Terminal.writeStdout("\(t.id)  \(t.role.rawValue)  \(t.actorID)\(t.sponsor.map { " for \($0)" } ?? "")  \(scope)  \(state)  \(t.name)\n")
            }
        }
    }
}

struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token; it stops working at once.")

    @Argument(help: "The token's ID (tok_...), as token list shows it.")
    var id: String

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let revoked = try await storeOptions.withStore(for: FileManager.default.currentDirectoryPath) { try await $0.revokeToken(id: id) }
        guard revoked else {
            Terminal.writeStderr("error: no active token \(id).\n")
            throw ExitStatus.usage
        }
        Terminal.writeStderr("revoked \(id)\n")
    }
}
