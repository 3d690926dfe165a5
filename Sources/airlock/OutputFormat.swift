import ArgumentParser

/// `--format` of the commands that print either a summary for people or JSON for machines.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
