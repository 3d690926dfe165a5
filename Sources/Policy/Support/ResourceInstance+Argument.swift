import HCL
import Terraform

/// What a configuration makes of one argument: a known value, nothing at all (so the
/// provider's or the service's documented default applies), or a value only apply knows.
enum ArgumentState: Sendable, Hashable {
    case known(Value)
    case unset
    case unknown

    /// A known boolean; launch templates keep their tri-state booleans as the strings
    /// `"true"` and `"false"`, which count too.
    var bool: Bool? {
        guard case .known(let v) = self else { return nil }
        if let b = v.boolValue { return b }
        switch v.stringValue?.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    var string: String? {
        guard case .known(let v) = self else { return nil }
        return v.stringValue
    }

    var number: Double? {
        guard case .known(let v) = self else { return nil }
        return v.numberValue?.double
    }
}

extension ResourceInstance {
    /// The state of the argument at `path` (`multi_az`, `metadata_options[0].http_tokens`).
    ///
    /// An optional argument that the provider also computes is unknown in the values when
    /// the configuration leaves it out; the resource block as written tells that case from
    /// an expression whose value only apply knows. Without a block (plans) the two cannot
    /// be told apart, and the argument stays unknown.
    func argument(_ path: String) -> ArgumentState {
        // nil: the path leads through known values to nothing (an absent nested block).
        guard let v = value(path) else { return .unset }
        if v.isNull { return .unset }
        if v.isWhollyKnown { return .known(v) }
        if configurationWrites(path) == false { return .unset }
        return .unknown
    }

    /// The state of a nested block collection at `path` (`vpc_options`, `root_block_device`):
    /// known when the collection is, even if arguments inside it are computed; unset when
    /// absent, null or empty.
    func nestedBlocks(_ path: String) -> ArgumentState {
        guard let v = value(path), !v.isNull else { return .unset }
        if v.isKnown { return (v.count ?? 0) == 0 ? .unset : .known(v) }
        if configurationWrites(path) == false { return .unset }
        return .unknown
    }

    /// Whether the argument at `path` will hold a non-empty value after apply. An unknown
    /// value written as a reference to another resource's attribute (`aws_kms_key.k.arn`)
    /// will: apply fills it in.
    func holdsValue(_ path: String) -> Tri {
        switch argument(path) {
        case .unset:
            return .no
        case .known(let v):
            if let s = v.stringValue { return Tri(!s.isEmpty) }
            if let n = v.count { return Tri(n > 0) }
            return .yes
        case .unknown:
            return presence(of: path) == .set ? .yes : .maybe
        }
    }

    /// The verdict for a boolean argument that must be `expected`, where `whenUnset` is what
    /// AWS applies when the configuration says nothing.
    func requireBool(_ path: String, _ expected: Bool, whenUnset: Bool, failure: String) -> Verdict {
        let state = argument(path)
        switch state {
        case .unset:
            return whenUnset == expected ? .passed : .failed(path: path, message: failure)
        case .unknown:
            return unknownVerdict(path)
        case .known:
            guard let b = state.bool else { return unknownVerdict(path) }
            return b == expected ? .passed : .failed(path: path, message: failure)
        }
    }

    /// The verdict for a check that hangs on values only apply can know.
    func unknownVerdict(_ paths: String..., why: String? = nil) -> Verdict {
        let named = paths.map { "\(address).\($0)" }.joined(separator: ", ")
        return .unknown(paths: paths, message: why ?? "The check depends on \(named), known only after apply.")
    }
}
