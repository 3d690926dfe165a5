import ArgumentParser
import Foundation
import HCL
import Policy

/// `airlock checks`: the built-in catalog, for people and for tools.
struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List the built-in checks with their IDs, Checkov aliases and severities."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let all = (Catalog.all.map(\.metadata) + Catalog.moduleChecks.map(\.metadata)).sorted { $0.id < $1.id }
        switch format {
        case .json:
            let items: [JSONValue] = all.map { m in
                .object([
                    ("id", .string(m.id)), ("aliases", .array(m.aliases.map { .string($0) })),
                    ("title", .string(m.title)), ("severity", .string(m.severity.rawValue)),
                    ("category", .string(m.category.rawValue)), ("service", .string(m.service)),
                    ("resource_types", .array(m.resourceTypes.map { .string($0) })),
                    ("description", .string(m.description)), ("remediation", .string(m.remediation)),
                    ("references", .array(m.references.map { .string($0) })),
                ])
            }
            Terminal.writeStdout(JSONValue.array(items).prettyText)
        case .text:
            var out = ""
            for m in all {
                let aliases = m.aliases.isEmpty ? "" : " (\(m.aliases.joined(separator: ", ")))"
                out += "\(m.id)\(aliases)  \(m.severity.rawValue)  \(m.title)\n"
            }
            out += "\(all.count) checks.\n"
            Terminal.writeStdout(out)
        }
    }
}
