import ArgumentParser

/// The `airlock` command: the governance control plane between AI agents and `terraform apply`.
@main
struct Airlock: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "airlock",
        abstract: "Understand, check and gate Terraform changes before they are applied.",
        discussion: """
            Exit codes:
              0  success: nothing to report at or above the threshold
              1  findings or syntax errors were reported
              2  usage or input error (bad flag, missing file)
            """,
        version: version,
        subcommands: [ParseCommand.self]
    )
}
