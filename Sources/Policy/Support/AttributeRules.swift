import HCL
import Terraform

/// The verdicts most checks reach the same way: an attribute must be set, or must hold a
/// value, with the provider's default standing in for an unset attribute and an unknown
/// value reported as such rather than guessed.
enum AttributeRules {
    /// Passes when `path` will hold a value (a KMS key, a log destination).
    static func requirePresent(_ r: ResourceInstance, _ path: String, otherwise message: String) -> Verdict {
        switch r.presence(of: path) {
        case .set: return .passed
        case .unset: return .failed(path: path, message: message)
        case .unknown: return unknown(r, path)
        }
    }

    /// Passes when the bool at `path`, or `serviceDefault` when it is unset, is `expected`.
    static func requireBool(
        _ r: ResourceInstance, _ path: String, is expected: Bool, default serviceDefault: Bool, otherwise message: String
    ) -> Verdict {
        guard let v = r.valueOrProviderDefault(path, default: .bool(serviceDefault)) else {
            return serviceDefault == expected ? .passed : .failed(path: path, message: message)
        }
        guard v.isKnown else { return unknown(r, path) }
        return v.boolValue == expected ? .passed : .failed(path: path, message: message)
    }

    /// Passes when the string at `path`, or `serviceDefault` when it is unset, satisfies `accept`.
    static func requireString(
        _ r: ResourceInstance, _ path: String, default serviceDefault: String?, otherwise message: (String?) -> String,
        accept: (String) -> Bool
    ) -> Verdict {
        let fallback: Value = serviceDefault.map { .string($0) } ?? .null(.string)
        let v = r.valueOrProviderDefault(path, default: fallback) ?? fallback
        guard v.isKnown else { return unknown(r, path) }
        if let s = v.stringValue, accept(s) { return .passed }
        return .failed(path: path, message: message(v.stringValue))
    }

    /// The verdict for a value only apply can know.
    static func unknown(_ r: ResourceInstance, _ paths: String...) -> Verdict {
        let list = paths.map { "\(r.address).\($0)" }
        return .unknown(paths: paths, message: "The check depends on \(list.joined(separator: ", ")), known only after apply.")
    }
}
