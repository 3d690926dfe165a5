import HCL

/// The declarations of one Terraform module: every `.tf` file of one directory.
public struct ModuleConfig: Sendable {
    public var directory: String
    public var files: [ConfigFile]
    public var variables: [String: VariableDeclaration] = [:]
    public var locals: [String: LocalDeclaration] = [:]
    public var resources: [ResourceDeclaration] = []
    public var moduleCalls: [String: ModuleCallDeclaration] = [:]
    public var outputs: [String: OutputDeclaration] = [:]
    /// Problems found while reading the declarations (syntax errors, duplicates).
    public var diagnostics: [Diagnostic] = []

    /// Resources by `mode.type.name` key.
    public var resourceIndex: [String: Int] = [:]

    public func resource(mode: ResourceInstance.Mode, type: String, name: String) -> ResourceDeclaration? {
        resourceIndex[ResourceDeclaration.key(mode: mode, type: type, name: name)].map { resources[$0] }
    }
}

/// Where a declaration is written.
public struct DeclarationSite: Sendable, Hashable {
    public var file: String
    public var range: SourceRange
}

public struct VariableDeclaration: Sendable {
    public var name: String
    public var type: TypeConstraint
    public var defaultValue: Expression?
    public var sensitive: Bool
    public var nullable: Bool
    public var validations: [Validation]
    public var site: DeclarationSite

    public struct Validation: Sendable {
        public var condition: Expression
        public var errorMessage: Expression?
    }
}

public struct LocalDeclaration: Sendable {
    public var name: String
    public var expression: Expression
    public var site: DeclarationSite
}

public struct ResourceDeclaration: Sendable {
    public var mode: ResourceInstance.Mode
    public var type: String
    public var name: String
    public var count: Expression?
    public var forEach: Expression?
    public var provider: String?
    /// The block body, meta-arguments included (they are skipped when building values).
    public var body: Body
    public var site: DeclarationSite

    public static func key(mode: ResourceInstance.Mode, type: String, name: String) -> String {
        "\(mode == .data ? "data." : "")\(type).\(name)"
    }
}

public struct ModuleCallDeclaration: Sendable {
    public var name: String
    public var source: String?
    public var version: String?
    public var count: Expression?
    public var forEach: Expression?
    /// Input variables for the child module, by name.
    public var arguments: [String: Attribute]
    public var site: DeclarationSite
}

public struct OutputDeclaration: Sendable {
    public var name: String
    public var value: Expression?
    public var sensitive: Bool
    public var site: DeclarationSite
}
