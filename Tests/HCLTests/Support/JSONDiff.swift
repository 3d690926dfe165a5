import Foundation

/// Compares decoded JSON values and describes the first difference.
enum JSONDiff {
    static func decode(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// The path and values of the first difference, or nil when equal. Keys in `ignoring`
    /// are skipped at every level.
    static func firstDifference(_ a: Any, _ b: Any, ignoring: Set<String> = [], path: String = "$") -> String? {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() where !ignoring.contains(key) {
                guard let xv = x[key], let yv = y[key] else { return "\(path).\(key): present on one side only" }
                if let d = firstDifference(xv, yv, ignoring: ignoring, path: "\(path).\(key)") { return d }
            }
            return nil
        case (let x as [Any], let y as [Any]):
            guard x.count == y.count else { return "\(path): \(x.count) items != \(y.count) items" }
            for (i, (xv, yv)) in zip(x, y).enumerated() {
                if let d = firstDifference(xv, yv, ignoring: ignoring, path: "\(path)[\(i)]") { return d }
            }
            return nil
        case (let x as NSNumber, let y as NSNumber):
            return x == y ? nil : "\(path): \(x) != \(y)"
        case (let x as String, let y as String):
            return x == y ? nil : "\(path): \"\(x)\" != \"\(y)\""
        case (is NSNull, is NSNull):
            return nil
        default:
            return "\(path): \(a) != \(b)"
        }
    }
}
