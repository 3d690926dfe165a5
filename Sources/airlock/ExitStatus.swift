import ArgumentParser

/// The exit codes `airlock` documents in `--help`.
enum ExitStatus {
    /// Something to report: syntax errors, failed checks.
    static let reported = ExitCode(1)
    /// Bad usage or unusable input (missing file, unknown format).
    static let usage = ExitCode(2)
}
