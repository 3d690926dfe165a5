// Terraform's `==` on numbers is go-cty 1.16's rawNumberEqual (what Terraform 1.11 ships):
// two whole numbers are equal when their values are, whatever their precisions
// (`pow(2, 60) == 1152921504606846976`); a whole number never equals a fraction; and two
// fractions are equal when Terraform prints them the same (`pow(10, -1) == 0.1`, although
// the 53-bit and 512-bit values differ). `<` and `>` compare exact values (big.Float.Cmp),
// and `<=`/`>=` are `<`/`>` or `==`, so for such a pair both `a <= b` and `a > b` can hold,
// exactly as in Terraform. Sets and sorting use `<`, which is a strict total order.

extension Number: Hashable, Comparable {
    /// Terraform's number equality: exact for whole numbers, by printed text for fractions;
    /// `-0 == 0`.
    public static func == (lhs: Number, rhs: Number) -> Bool {
        if case .small(let a, _) = lhs.storage, case .small(let b, _) = rhs.storage { return a == b }
        if lhs.sign != rhs.sign { return false }
        let lhsWhole = lhs.isInteger, rhsWhole = rhs.isInteger
        if lhsWhole != rhsWhole { return false }
        if lhsWhole { return compare(lhs, rhs) == 0 }
        return lhs.description == rhs.description
    }

    /// Hashes consistently with `==`: whole numbers by value, fractions by their text.
    public func hash(into hasher: inout Hasher) {
        if let value = int {
            hasher.combine(value)
            return
        }
        let value = binary
        if value.isInteger {
            hasher.combine(value.negative)
            hasher.combine(value.mantissa)
            hasher.combine(value.exponent)
        } else {
            hasher.combine(description)
        }
    }

    /// Exact comparison of values (Go's `big.Float.Cmp`), whatever their precisions.
    public static func < (lhs: Number, rhs: Number) -> Bool {
        compare(lhs, rhs) < 0
    }

    public static func > (lhs: Number, rhs: Number) -> Bool {
        compare(lhs, rhs) > 0
    }

    /// Terraform's `<=`: `<`, or equal by `==`.
    public static func <= (lhs: Number, rhs: Number) -> Bool {
        lhs < rhs || lhs == rhs
    }

    /// Terraform's `>=`: `>`, or equal by `==`.
    public static func >= (lhs: Number, rhs: Number) -> Bool {
        lhs > rhs || lhs == rhs
    }

    /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs` in exact value.
    public static func compare(_ lhs: Number, _ rhs: Number) -> Int {
        if case .small(let a, _) = lhs.storage, case .small(let b, _) = rhs.storage {
            return a < b ? -1 : (a == b ? 0 : 1)
        }
        return BinaryFloat.compare(lhs.binary, rhs.binary)
    }
}
