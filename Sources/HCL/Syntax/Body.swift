/// The contents of a file or a block: attributes and nested blocks, each in source order.
public struct Body: Sendable, Hashable {
    /// Attributes in source order. A name appears once: a redefinition is reported and dropped.
    public var attributes: [Attribute]
    public var blocks: [Block]
    /// From the token before the first item (the opening brace) to the closing brace.
    public var range: SourceRange
    /// The empty range just after the body, where a missing item would be reported.
    public var endRange: SourceRange

    public init(attributes: [Attribute] = [], blocks: [Block] = [], range: SourceRange, endRange: SourceRange) {
        self.attributes = attributes
        self.blocks = blocks
        self.range = range
        self.endRange = endRange
    }

    /// The attribute with a given name, if the body sets it.
    public func attribute(_ name: String) -> Attribute? {
        attributes.first { $0.name == name }
    }

    /// The nested blocks of a given type, in source order.
    public func blocks(ofType type: String) -> [Block] {
        blocks.filter { $0.type == type }
    }
}

/// An argument definition, `name = expression`.
public struct Attribute: Sendable, Hashable {
    public var name: String
    public var expression: Expression
    /// From the start of the name to the end of the expression.
    public var range: SourceRange
    public var nameRange: SourceRange
    public var equalsRange: SourceRange

    public init(name: String, expression: Expression, range: SourceRange, nameRange: SourceRange, equalsRange: SourceRange) {
        self.name = name
        self.expression = expression
        self.range = range
        self.nameRange = nameRange
        self.equalsRange = equalsRange
    }
}

/// A block, `type "label" ... { body }`.
public struct Block: Sendable, Hashable {
    public var type: String
    /// The labels with escapes resolved.
    public var labels: [String]
    public var body: Body
    public var typeRange: SourceRange
    /// The range of each label, quotes included.
    public var labelRanges: [SourceRange]
    public var openBraceRange: SourceRange
    public var closeBraceRange: SourceRange

    public init(
        type: String, labels: [String], body: Body, typeRange: SourceRange, labelRanges: [SourceRange],
        openBraceRange: SourceRange, closeBraceRange: SourceRange
    ) {
        self.type = type
        self.labels = labels
        self.body = body
        self.typeRange = typeRange
        self.labelRanges = labelRanges
        self.openBraceRange = openBraceRange
        self.closeBraceRange = closeBraceRange
    }

    /// From the block type to the closing brace.
    public var range: SourceRange { .between(typeRange, closeBraceRange) }
}

/// A parsed configuration file: its (possibly partial) body and every problem found.
public struct ConfigFile: Sendable {
    public var path: String
    public var body: Body
    public var diagnostics: [Diagnostic]
    /// The file's bytes, for rendering diagnostics with their source line.
    public var source: [UInt8]

    public init(path: String, body: Body, diagnostics: [Diagnostic], source: [UInt8]) {
        self.path = path
        self.body = body
        self.diagnostics = diagnostics
        self.source = source
    }
}
