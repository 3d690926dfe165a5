import HCL

/// A JSON value together with where it sits in its document, so that a reader can say
/// exactly which member has the wrong shape.
///
/// Plan and state readers walk documents through nodes instead of raw `JSONValue`s: every
/// accessor either returns the shape Terraform writes or throws a `TerraformDocumentError`
/// naming the JSON path, what was expected and what was found.
struct JSONNode {
    /// What kind of document is being read: sets the error code and the wording.
    struct Context {
        var file: String
        var code: DiagnosticCode
        /// "plan" or "state", for messages.
        var document: String
    }

    let value: JSONValue
    /// The JSON path, `resource_changes[3].change`; empty for the document itself.
    let path: String
    let context: Context

    init(_ value: JSONValue, path: String = "", context: Context) {
        self.value = value
        self.path = path
        self.context = context
    }

    /// The path as shown in messages.
    var shownPath: String { path.isEmpty ? "the document" : "`\(path)`" }

    func error(_ summary: String, _ detail: String) -> TerraformDocumentError {
        TerraformDocumentError(code: context.code, summary: summary, detail: detail, file: context.file)
    }

    /// An error saying this node does not have the shape Terraform writes.
    func wrongShape(expected: String) -> TerraformDocumentError {
        error(
            "Unexpected \(context.document) structure",
            "\(shownPath) is \(value.kindDescription); Terraform writes \(expected) there. The file is not "
                + "the output of `terraform show -json` or was changed by hand; regenerate it with Terraform.")
    }

    private func childPath(_ key: String) -> String {
        let step = Identifier.isIdentifier(key) ? key : "[\(JSONNode.quoted(key))]"
        if path.isEmpty || step.hasPrefix("[") { return path + step }
        return path + "." + step
    }

    // MARK: Objects

    /// The members of an object, in document order.
    func members() throws(TerraformDocumentError) -> [(String, JSONNode)] {
        guard case .object(let members) = value else { throw wrongShape(expected: "an object") }
        return members.map { ($0.0, JSONNode($0.1, path: childPath($0.0), context: context)) }
    }

    /// The members of an object, or none when the node is null.
    func membersOrEmpty() throws(TerraformDocumentError) -> [(String, JSONNode)] {
        if value.isNull { return [] }
        return try members()
    }

    /// The member `key` of an object; nil when absent or null. Throws when the node is not an object.
    func optional(_ key: String) throws(TerraformDocumentError) -> JSONNode? {
        guard case .object = value else { throw wrongShape(expected: "an object") }
        guard let member = value[key], !member.isNull else { return nil }
        return JSONNode(member, path: childPath(key), context: context)
    }

    /// The member `key`, which must be present and not null.
    func required(_ key: String) throws(TerraformDocumentError) -> JSONNode {
        guard let node = try optional(key) else {
            throw error(
                "Missing \(context.document) member",
                "\(shownPath) has no `\(key)`; Terraform always writes it. The file is incomplete or not "
                    + "Terraform's output; regenerate it with Terraform.")
        }
        return node
    }

    /// A string as a JSON literal, for messages and paths.
    static func quoted(_ s: String) -> String {
        var out = ""
        Value.appendJSONString(s, to: &out)
        return out
    }

    func has(_ key: String) -> Bool { value[key] != nil }

    // MARK: Scalars and arrays

    func string() throws(TerraformDocumentError) -> String {
        guard case .string(let s) = value else { throw wrongShape(expected: "a string") }
        return s
    }

    func bool() throws(TerraformDocumentError) -> Bool {
        guard case .bool(let b) = value else { throw wrongShape(expected: "true or false") }
        return b
    }

    /// An integer written without fraction or exponent, as Terraform writes counts and versions.
    func int() throws(TerraformDocumentError) -> Int {
        guard case .number(let text) = value else { throw wrongShape(expected: "an integer") }
        guard let i = Int(text) else {
            throw error(
                "Unexpected \(context.document) structure",
                "\(shownPath) is the number \(text); Terraform writes a whole number that fits 64 bits there.")
        }
        return i
    }

    func array() throws(TerraformDocumentError) -> [JSONNode] {
        guard case .array(let elements) = value else { throw wrongShape(expected: "an array") }
        return elements.enumerated().map { JSONNode($0.element, path: "\(path)[\($0.offset)]", context: context) }
    }

    /// The elements of an array, or none when the node is null (Go writes an empty slice as null).
    func arrayOrEmpty() throws(TerraformDocumentError) -> [JSONNode] {
        if value.isNull { return [] }
        return try array()
    }

    func optionalString(_ key: String) throws(TerraformDocumentError) -> String? { try optional(key)?.string() }
    func optionalBool(_ key: String) throws(TerraformDocumentError) -> Bool? { try optional(key)?.bool() }
    func optionalInt(_ key: String) throws(TerraformDocumentError) -> Int? { try optional(key)?.int() }
}

extension JSONValue {
    /// "an object", "the string \"x\"", ...: what a value is, for error messages.
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return "the number \(n.count > 40 ? String(n.prefix(40)) + "…" : n)"
        case .string(let s): return "the string \(JSONNode.quoted(s.count > 40 ? String(s.prefix(40)) + "…" : s))"
        case .array(let es): return "an array of \(es.count) element\(es.count == 1 ? "" : "s")"
        case .object: return "an object"
        }
    }
}
