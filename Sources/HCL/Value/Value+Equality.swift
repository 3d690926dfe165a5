extension Value {
    /// Terraform's `==`: unknown when either side is unknown, otherwise exact equality of
    /// type and value (numbers compare by value, so `3 == 3.0`). Marks are not compared.
    public func equals(_ other: Value) -> Value {
        let sensitive = isSensitive || other.isSensitive
        if !isWhollyKnown || !other.isWhollyKnown {
            // A null is never equal to a known non-null value, whatever else is unknown.
            if isNull != other.isNull, isKnown, other.isKnown { return Value.false.marked(sensitive) }
            return Value.unknown(.bool).marked(sensitive)
        }
        return Value.bool(Value.rawEquals(self, other, typeStrict: true)).marked(sensitive)
    }

    /// Deep equality of known values, ignoring marks.
    static func rawEquals(_ a: Value, _ b: Value, typeStrict: Bool) -> Bool {
        switch (a.storage, b.storage) {
        case (.null(let t1), .null(let t2)):
            return !typeStrict || t1 == t2 || t1 == .any || t2 == .any
        case (.null, _), (_, .null):
            return false
        case (.unknown, _), (_, .unknown):
            return false
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x, _), .list(let y, _)), (.set(let x, _), .set(let y, _)), (.tuple(let x), .tuple(let y)):
            if typeStrict, a.type != b.type, !(x.isEmpty && y.isEmpty) { return false }
            return x.count == y.count && zip(x, y).allSatisfy { rawEquals($0, $1, typeStrict: typeStrict) }
        case (.map(let x, _), .map(let y, _)), (.object(let x), .object(let y)):
            if typeStrict, a.type != b.type, !(x.isEmpty && y.isEmpty) { return false }
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], rawEquals(v, w, typeStrict: typeStrict) else { return false }
            }
            return true
        default:
            return false
        }
    }
}
