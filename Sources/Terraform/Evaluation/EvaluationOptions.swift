import HCL

/// What `terraform plan` would be given besides the configuration.
public struct EvaluationOptions: Sendable {
    /// `terraform.workspace`.
    public var workspace: String = "default"
    /// `-var-file` paths, in command-line order (relative to the working directory).
    public var varFiles: [String] = []
    /// `-var name=value` options, in command-line order.
    public var vars: [String] = []
    /// The environment, for `TF_VAR_name` values.
    public var environment: [String: String] = [:]
    /// The working directory: `path.cwd`, and where relative file paths resolve.
    public var workingDirectory: String?

    public init(
        workspace: String = "default", varFiles: [String] = [], vars: [String] = [],
        environment: [String: String] = [:], workingDirectory: String? = nil
    ) {
        self.workspace = workspace
        self.varFiles = varFiles
        self.vars = vars
        self.environment = environment
        self.workingDirectory = workingDirectory
    }
}

/// What static evaluation found: every resource instance, the root outputs, and problems.
public struct EvaluationResult: Sendable {
    public var instances: [ResourceInstance]
    public var outputs: [String: Value]
    public var diagnostics: [Diagnostic]
    /// Every module read (the root first), for checks on blocks that are not resources:
    /// `provider`, `terraform`, `variable`.
    public var modules: [ModuleConfig] = []
}
