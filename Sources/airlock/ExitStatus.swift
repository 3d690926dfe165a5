import ArgumentParser

/// The exit codes `airlock` documents in `--help`.
enum ExitStatus {
    /// Something to report: syntax errors, failed checks, a log that does not verify.
    static let reported = ExitCode(1)
    /// Bad usage or unusable input (missing file, unknown format).
    static let usage = ExitCode(2)
    /// The gate asks for approval (`gate`), or apply waits for one (`apply`).
    static let approvalRequired = ExitCode(3)
    /// The gate denies the plan, or apply refuses it.
    static let denied = ExitCode(4)
}
