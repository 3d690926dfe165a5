/// EC2 and RDS instance types read as family and size, with sizes ordered by capacity.
///
/// Within a family each size doubles the one before (`large` has 2 vCPUs, `xlarge` 4,
/// `Nxlarge` 4·N), so a size compares by that number. `metal` is the whole host: larger
/// than any virtual size of its family, unless it names its size (`metal-24xl`).
public struct ParsedInstanceType: Sendable, Hashable {
    /// `m5`, `c7gn`, `r6i`; for RDS the class without `db.` (`db.r6g.2xlarge` → `r6g`).
    var family: String
    /// `2xlarge`, `metal`, `micro`.
    var size: String
    /// The size as vCPUs of a typical member of the family (`large` = 2).
    var capacity: Double

    /// Reads `m5.8xlarge`, `db.r6g.large`, `c7i.metal-24xl`; nil for anything else
    /// (`db.serverless`, a launch template's empty type).
    init?(_ name: String) {
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "db" { parts.removeFirst() }
        guard parts.count == 2, !parts[0].isEmpty, let capacity = Self.capacity(ofSize: parts[1]) else { return nil }
        self.family = parts[0]
        self.size = parts[1]
        self.capacity = capacity
    }

    /// The capacity of a size name, nil when it is not one.
    public static func capacity(ofSize size: String) -> Double? {
        switch size {
        case "nano": return 0.25
        case "micro": return 0.5
        case "small": return 1
        case "medium": return 1.5
        case "large": return 2
        case "xlarge": return 4
        case "metal": return .infinity
        default: break
        }
        if size.hasSuffix("xlarge"), let n = Double(size.dropLast("xlarge".count)), n > 0 { return 4 * n }
        // `metal-24xl`, `metal-48xl`: bare metal of a stated size.
        if size.hasPrefix("metal-"), size.hasSuffix("xl"), let n = Double(size.dropFirst("metal-".count).dropLast(2)), n > 0 {
            return 4 * n
        }
        return nil
    }

    /// Older EC2 families whose successor costs less per hour for the same size, or the
    /// same with more performance (on-demand Linux prices in us-east-1: `t2.micro`
    /// $0.0116 against `t3.micro` $0.0104; `m4.large` $0.10 against `m5.large` $0.096;
    /// `c4.large` $0.10 against `c5.large` $0.085; `r4.large` $0.133 against `r5.large`
    /// $0.126). The value is the successor to suggest.
    static let olderGenerationSuccessors: [String: String] = [
        "t1": "t3", "t2": "t3",
        "m1": "m5", "m2": "r5", "m3": "m5", "m4": "m5",
        "c1": "c5", "c3": "c5", "c4": "c5",
        "r3": "r5", "r4": "r5",
        "i2": "i3", "d2": "d3", "g2": "g4dn", "g3": "g4dn", "g3s": "g4dn", "p2": "p3",
        "cr1": "r5", "cc2": "c5", "hs1": "d3",
    ]
}
