import Foundation
import HCL
import Yams

/// Reads one Checkov-format policy file (YAML, or JSON, which is YAML too).
///
/// Every problem is a diagnostic with the file and the line and column of the node at
/// fault: a YAML syntax error, a missing `metadata.id`/`name`/`category` or `definition`,
/// an unknown `cond_type` or operator, a missing `value`, a regular expression that does
/// not compile. Checkov skips such a policy with a log line; Airlock refuses to scan
/// with a policy it cannot read, because a policy silently dropped is a gap in the gate.
struct CheckovPolicyParser {
    let path: String
    private let source: [UInt8]
    /// Byte offset of the start of each line.
    private let lineStarts: [Int]
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, source: [UInt8]) {
        self.path = path
        self.source = source
        var starts = [0]
        for (i, b) in source.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The policy, or nil when the file has errors (in `diagnostics`).
    mutating func parse() -> CheckovPolicy? {
        guard let text = String(validating: source, as: UTF8.self) else {
            error(at: nil, "The policy file is not UTF-8", "Save \(path) as UTF-8 text.")
            return nil
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                error(at: nil, "The policy file is empty", "A policy needs a `metadata` block and a `definition` block.")
                return nil
            }
            root = node
        } catch let e as YamlError {
            yamlError(e)
            return nil
        } catch {
            self.error(at: nil, "The policy file is not valid YAML", "\(error)")
            return nil
        }
        guard let top = root.mapping else {
            error(at: root, "A policy must be a mapping", "The file must hold a mapping with `metadata` and `definition` keys.")
            return nil
        }
        let metadataNode = top["metadata"]
        let metadata = metadataNode?.mapping
        if metadataNode == nil {
            error(at: root, "The policy has no metadata", "Add a `metadata` block with `id`, `name` and `category`.")
        } else if metadata == nil {
            error(at: metadataNode, "`metadata` must be a mapping", "Give `metadata` the keys `id`, `name` and `category`.")
        }
        // A missing key is reported at `metadata:` itself.
        let metadataKey = top.first { $0.key.scalar?.string == "metadata" }?.key
        let id = requiredString(metadata, "id", in: metadataKey, hint: "a unique ID such as CKV2_CUSTOM_1")
        let name = requiredString(metadata, "name", in: metadataKey, hint: "a short title saying what must hold")
        let categoryName = requiredString(metadata, "category", in: metadataKey, hint: "a Checkov category such as GENERAL_SECURITY")
        if let categoryName, CheckovPolicy.category(named: categoryName) == nil {
            warning(at: metadata?["category"], "Unknown policy category \"\(categoryName)\"",
                    "Checkov's categories are IAM, NETWORKING, ENCRYPTION, LOGGING, BACKUP_AND_RECOVERY, SECRETS, GENERAL_SECURITY, CONVENTION and others; the policy is reported as general.")
        }
        var severity = Severity.medium
        if let node = metadata?["severity"] {
            if let text = node.scalar?.string, let s = CheckovPolicy.severity(named: text) {
                severity = s
            } else {
                error(at: node, "Unknown severity \"\(node.scalar?.string ?? "")\"", "Use INFO, LOW, MEDIUM, HIGH or CRITICAL.")
            }
        }
        let guideline = metadata?["guideline"]?.scalar?.string
        var definition: CheckovCondition?
        if let node = top["definition"] {
            definition = condition(node)
        } else {
            error(at: root, "The policy has no definition", "Add a `definition` block with the conditions the resources must satisfy.")
        }
        guard let id, let name, let categoryName, let definition, !diagnostics.hasErrors else { return nil }
        return CheckovPolicy(
            id: id, name: name, category: categoryName, severity: severity, guideline: guideline, definition: definition, file: path)
    }

    // MARK: Conditions

    private static let conditionKeys: Set<String> = [
        "cond_type", "resource_types", "attribute", "operator", "value", "connected_resource_types",
    ]

    private mutating func condition(_ node: Node) -> CheckovCondition? {
        guard let map = node.mapping else {
            error(at: node, "A condition must be a mapping", "Write `cond_type`, `resource_types`, `attribute`, `operator` and `value`, or `and`/`or`/`not` over conditions.")
            return nil
        }
        for op in ["and", "or", "not"] {
            guard let children = map[op] else { continue }
            let items: [Node]
            if let seq = children.sequence {
                items = Array(seq)
            } else if children.mapping != nil {
                items = [children]
            } else {
                error(at: children, "`\(op)` needs conditions", "Give `\(op)` a list of conditions.")
                return nil
            }
            let parsed = items.map { condition($0) }
            guard parsed.allSatisfy({ $0 != nil }) else { return nil }
            let conditions = parsed.compactMap { $0 }
            switch op {
            case "not":
                guard conditions.count == 1 else {
                    error(at: children, "`not` takes exactly one condition", "It has \(conditions.count); combine them with `and` or `or` inside the `not`.")
                    return nil
                }
                return .not(conditions[0])
            case "and":
                guard !conditions.isEmpty else { error(at: children, "`and` needs conditions", "The list is empty."); return nil }
                return .and(conditions)
            default:
                guard !conditions.isEmpty else { error(at: children, "`or` needs conditions", "The list is empty."); return nil }
                return .or(conditions)
            }
        }
        for (key, _) in map {
            if let k = key.scalar?.string, !Self.conditionKeys.contains(k) {
                warning(at: key, "Unknown key \"\(k)\" in a condition", "It is ignored. A condition has \(Self.conditionKeys.sorted().joined(separator: ", ")).")
            }
        }
        guard let typeNode = map["cond_type"] else {
            error(at: node, "The condition has no cond_type", "Add `cond_type: attribute` (or connection, filter, resource).")
            return nil
        }
        let condType = typeNode.scalar?.string ?? ""
        let operatorNode = map["operator"]
        guard let opName = operatorNode?.scalar?.string else {
            error(at: operatorNode ?? node, "The condition has no operator", "Add an `operator`, such as `equals` or `exists`.")
            return nil
        }
        switch condType {
        case "attribute":
            return attributeCondition(map, node: node, operatorNode: operatorNode!, opName: opName)
        case "connection":
            guard opName == "exists" || opName == "not_exists" else {
                error(at: operatorNode, "Unknown connection operator \"\(opName)\"", "A connection condition takes `exists` or `not_exists`.")
                return nil
            }
            guard let from = types(map["resource_types"], required: true, in: node),
                let to = types(map["connected_resource_types"], required: true, in: node, key: "connected_resource_types")
            else { return nil }
            return .connection(ConnectionCondition(resourceTypes: from, connectedTypes: to, mustExist: opName == "exists"))
        case "filter":
            guard map["attribute"]?.scalar?.string == "resource_type" else {
                error(at: map["attribute"] ?? node, "A filter must be on resource_type", "Write `attribute: resource_type`, `operator: within` and the types as `value`.")
                return nil
            }
            guard opName == "within" else {
                error(at: operatorNode, "Unknown filter operator \"\(opName)\"", "A filter takes `within`.")
                return nil
            }
            guard let t = types(map["value"], required: true, in: node, key: "value") else { return nil }
            return .filter(t)
        case "resource":
            guard opName == "exists" || opName == "not_exists" else {
                error(at: operatorNode, "Unknown resource operator \"\(opName)\"", "A resource condition takes `exists` (allow only these types) or `not_exists` (forbid them).")
                return nil
            }
            guard let t = types(map["resource_types"], required: true, in: node) else { return nil }
            return .resource(t, allowed: opName == "exists")
        default:
            error(at: typeNode, "Unknown cond_type \"\(condType)\"", "Use attribute, connection, filter or resource.")
            return nil
        }
    }

    private mutating func attributeCondition(_ map: Node.Mapping, node: Node, operatorNode: Node, opName: String) -> CheckovCondition? {
        guard let op = CheckovOperator(rawValue: opName) else {
            if opName.hasPrefix("jsonpath_") {
                error(at: operatorNode, "JSONPath operators are not supported", "\"\(opName)\" needs a JSONPath engine Airlock does not have; write the path with dots and `*` and use \"\(opName.dropFirst(9))\".")
            } else {
                let suggestion = Self.closest(to: opName, among: CheckovOperator.allCases.map(\.rawValue)).map { " Did you mean \"\($0)\"?" } ?? ""
                error(at: operatorNode, "Unknown operator \"\(opName)\"", "Attribute conditions take Checkov's operators (equals, exists, contains, ...).\(suggestion)")
            }
            return nil
        }
        guard let resourceTypes = types(map["resource_types"], required: false, in: node) else { return nil }
        let attributeNode = map["attribute"]
        guard let attributeText = attributeNode?.scalar?.string, !attributeText.isEmpty else {
            if op == .any {
                return .attribute(AttributeCondition(resourceTypes: resourceTypes, attribute: CheckovAttributePath(""), op: op, value: .null))
            }
            error(at: attributeNode ?? node, "The condition has no attribute", "Name the attribute to test, such as `versioning.enabled` or `ingress.*.cidr_blocks`.")
            return nil
        }
        let valueNode = map["value"]
        if op.needsValue, valueNode == nil {
            error(at: node, "The condition has no value", "`\(opName)` compares the attribute with a `value`.")
            return nil
        }
        let value = valueNode.map(Self.policyValue) ?? .null
        var regex: NSRegularExpression?
        if op == .regexMatch || op == .notRegexMatch {
            do {
                regex = try NSRegularExpression(pattern: value.pythonString)
            } catch {
                self.error(at: valueNode, "Invalid regular expression", "\(value.pythonString) does not compile: \(error.localizedDescription)")
                return nil
            }
        }
        return .attribute(AttributeCondition(
            resourceTypes: resourceTypes, attribute: CheckovAttributePath(attributeText), op: op, value: value, regex: regex))
    }

    /// `resource_types`: a list, one name, or `all`; a missing one means all.
    private mutating func types(_ node: Node?, required: Bool, in parent: Node, key: String = "resource_types") -> ResourceTypeSet? {
        guard let node else {
            if required {
                error(at: parent, "The condition has no \(key)", "List the resource types, such as [aws_s3_bucket].")
                return nil
            }
            return .all
        }
        var names: [String] = []
        if let s = node.scalar?.string {
            names = [s]
        } else if let seq = node.sequence {
            for item in seq {
                guard let s = item.scalar?.string else {
                    error(at: item, "A resource type must be a name", "Write resource types as names, such as aws_s3_bucket.")
                    return nil
                }
                names.append(s)
            }
        } else {
            error(at: node, "\(key) must be a list of resource types", "Write a list, such as [aws_s3_bucket], or `all`.")
            return nil
        }
        if names.first?.lowercased() == "all" { return .all }
        if names.isEmpty, required {
            error(at: node, "\(key) is empty", "List at least one resource type.")
            return nil
        }
        return names.isEmpty ? .all : ResourceTypeSet(types: Set(names))
    }

    /// A YAML value as Checkov's `yaml.safe_load` gives it: plain scalars resolved to
    /// booleans, numbers and null; quoted ones stay strings.
    static func policyValue(_ node: Node) -> PolicyValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any {
                switch Resolver.default.resolveTag(of: node) {
                case .bool: return node.bool.map { .bool($0) } ?? .string(scalar.string)
                case .int:
                    if let i = node.int { return .number(Double(i), text: String(i)) }
                    return .string(scalar.string)
                case .float:
                    if let d = node.float { return .number(d, text: Self.pythonFloatText(d)) }
                    return .string(scalar.string)
                case .null: return .null
                default: return .string(scalar.string)
                }
            }
            return .string(scalar.string)
        case .sequence(let seq):
            return .list(seq.map(policyValue))
        case .mapping(let map):
            var out: [String: PolicyValue] = [:]
            for (k, v) in map { out[k.scalar?.string ?? ""] = policyValue(v) }
            return .map(out)
        }
    }

    /// Python's `str()` of a float: always with a fractional part (`1.0`).
    private static func pythonFloatText(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e16 { return String(format: "%.1f", d) }
        return "\(d)"
    }

    /// The candidate within two edits of `given`, for "did you mean".
    private static func closest(to given: String, among candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var current = [i] + [Int](repeating: 0, count: b.count)
                for j in stride(from: 1, through: b.count, by: 1) {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                previous = current
            }
            return a.isEmpty ? b.count : previous[b.count]
        }
        let scored = candidates.map { ($0, distance(Array(given), Array($0))) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    // MARK: Metadata helpers

    private mutating func requiredString(_ map: Node.Mapping?, _ key: String, in parent: Node?, hint: String) -> String? {
        guard let map else { return nil }
        guard let node = map[key] else {
            error(at: parent, "The policy has no metadata.\(key)", "Add `\(key):` under `metadata`: \(hint).")
            return nil
        }
        guard let s = node.scalar?.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(at: node, "metadata.\(key) must be a non-empty string", "Give it \(hint).")
            return nil
        }
        return s
    }

    // MARK: Diagnostics

    private mutating func yamlError(_ e: YamlError) {
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var detail = "YAML syntax: \(problem)"
            if let context { detail += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            diagnostics.append(Diagnostic(
                code: .invalidPolicyFile, summary: "The policy file is not valid YAML", detail: detail + ".",
                subject: range(line: mark.line, column: mark.column), file: path))
        default:
            error(at: nil, "The policy file is not valid YAML", "\(e)")
        }
    }

    private mutating func error(at node: Node?, _ summary: String, _ detail: String) {
        diagnostics.append(Diagnostic(code: .invalidPolicyFile, summary: summary, detail: detail, subject: range(of: node), file: path))
    }

    private mutating func warning(at node: Node?, _ summary: String, _ detail: String) {
        diagnostics.append(Diagnostic(
            severity: .warning, code: .invalidPolicyFile, summary: summary, detail: detail, subject: range(of: node), file: path))
    }

    /// The range of a node: a scalar's text on its line, or the first character of a
    /// collection. Yams (libyaml) counts lines and columns from 1, columns in Unicode scalars.
    private func range(of node: Node?) -> SourceRange? {
        guard let node, let mark = node.mark else { return range(line: 1, column: 1) }
        var r = range(line: mark.line, column: mark.column)
        if case .scalar(let s) = node, let start = r?.start {
            // Plain scalars span their text; quoted ones their quotes too.
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
            let length = s.string.unicodeScalars.count + (quoted ? 2 : 0)
            if !s.string.contains("\n") {
                let endByte = min(start.byte + s.string.utf8.count + (quoted ? 2 : 0), source.count)
                r = SourceRange(start: start, end: SourcePos(line: start.line, column: start.column + length, byte: endByte))
            }
        }
        return r
    }

    private func range(line: Int, column: Int) -> SourceRange? {
        guard line >= 1 else { return nil }
        let lineIndex = min(line - 1, lineStarts.count - 1)
        var byte = lineStarts[lineIndex]
        var col = 1
        // Columns count Unicode scalars: step over whole UTF-8 sequences.
        while col < column, byte < source.count, source[byte] != 0x0A {
            byte += 1
            while byte < source.count, source[byte] & 0xC0 == 0x80 { byte += 1 }
            col += 1
        }
        let pos = SourcePos(line: lineIndex + 1, column: col, byte: byte)
        return SourceRange(start: pos, end: SourcePos(line: pos.line, column: pos.column + 1, byte: min(byte + 1, source.count)))
    }
}
