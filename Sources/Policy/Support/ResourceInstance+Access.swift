import HCL
import Terraform

extension ResourceInstance {
    /// The value at a path such as `versioning_configuration[0].status` or `tags["Name"]`;
    /// nil when the path leads nowhere. Unknown and null values are returned as they are.
    public func value(_ path: String) -> Value? {
        var current = values
        for step in PathStep.parse(path) {
            switch step {
            case .attribute(let name):
                guard let attrs = current.attributes, let next = attrs[name] else {
                    return current.isKnown ? nil : .dynamicUnknown
                }
                current = next
            case .index(let i):
                guard let es = current.elements else { return current.isKnown ? nil : .dynamicUnknown }
                guard i < es.count else { return nil }
                current = es[i]
            }
        }
        return current
    }

    /// A known string at `path`; nil when absent, null or unknown.
    public func string(_ path: String) -> String? { value(path)?.stringValue }
    public func bool(_ path: String) -> Bool? { value(path)?.boolValue }
    public func number(_ path: String) -> Double? { value(path)?.numberValue?.double }

    /// Whether the value at `path` is unknown somewhere (so a check cannot decide on it).
    public func isUnknown(_ path: String) -> Bool {
        guard let v = value(path) else { return false }
        return !v.isWhollyKnown
    }

    /// Whether `path` holds a non-null value (set in configuration or computed).
    public func isSet(_ path: String) -> Bool {
        guard let v = value(path) else { return false }
        if v.isNull { return false }
        if let c = v.count, v.isKnown, c == 0, v.elements != nil { return false }
        return true
    }

    /// Elements of the list/set/tuple at `path` (nested blocks), or [] when absent.
    public func blocks(_ path: String) -> [Value] { value(path)?.elements ?? [] }
}

/// One step of an attribute path.
public enum PathStep: Sendable, Hashable {
    case attribute(String)
    case index(Int)

    /// Parses `a.b[0].c` and `tags["k"]`.
    public static func parse(_ path: String) -> [PathStep] {
        var steps: [PathStep] = []
        var name = ""
        var i = path.startIndex
        func flush() {
            if !name.isEmpty { steps.append(.attribute(name)); name = "" }
        }
        while i < path.endIndex {
            let c = path[i]
            if c == "." {
                flush()
            } else if c == "[" {
                flush()
                guard let close = path[i...].firstIndex(of: "]") else { break }
                let inner = path[path.index(after: i)..<close]
                if let n = Int(inner) {
                    steps.append(.index(n))
                } else {
                    steps.append(.attribute(inner.trimmingCharacters(in: CharacterSet(charactersIn: "\""))))
                }
                i = close
            } else {
                name.append(c)
            }
            i = path.index(after: i)
        }
        flush()
        return steps
    }
}

import Foundation
