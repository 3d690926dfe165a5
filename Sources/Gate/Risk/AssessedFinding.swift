import Policy
import Terraform

/// A failing finding on a resource the plan changes, and whether the change introduced it.
public struct AssessedFinding: Sendable, Hashable {
    public var finding: Finding
    /// Not in the baseline, and not already failing on the same resource before the change.
    public var isNew: Bool

    public init(finding: Finding, isNew: Bool) {
        self.finding = finding
        self.isNew = isNew
    }

    /// Scans what the plan will leave behind on the resources it creates, updates or
    /// replaces. A finding that also fails on the same resource in the plan's prior state,
    /// or that the baseline records, is existing: the change did not introduce it.
    /// `findings` are the scan of the planned instances (baseline already applied: recorded
    /// ones are suppressed with source `baseline`); `prior` the scan of the prior state.
    public static func assess(findings: [Finding], prior: [Finding], changes: ChangeSet) -> [AssessedFinding] {
        var touched = Set<String>()
        for change in changes.changes where change.kind == .create || change.kind == .update || change.kind == .replace {
            touched.insert(change.address)
        }
        var before = Set<String>()
        for f in prior where f.status == .failed { before.insert(f.check.id + "\u{0}" + f.resource) }
        var out: [AssessedFinding] = []
        for f in findings where touched.contains(f.resource) {
            switch f.status {
            case .failed:
                out.append(AssessedFinding(finding: f, isNew: !before.contains(f.check.id + "\u{0}" + f.resource)))
            case .suppressed where f.suppression?.source == "baseline":
                var failed = f
                failed.status = .failed
                out.append(AssessedFinding(finding: failed, isNew: false))
            case .suppressed, .passed, .unknown:
                continue
            }
        }
        return out
    }
}

/// Counts of failing findings on the changed resources, by severity, new and existing.
public struct FindingsSummary: Sendable, Hashable, Codable {
    public var new: [String: Int]
    public var existing: [String: Int]
    /// Checks that could not decide because a value is known only after apply.
    public var unknown: Int
    /// The most severe findings, new first, at most ten.
    public var top: [FindingBrief]

    public init(new: [String: Int] = [:], existing: [String: Int] = [:], unknown: Int = 0, top: [FindingBrief] = []) {
        self.new = new
        self.existing = existing
        self.unknown = unknown
        self.top = top
    }

    public init(_ assessed: [AssessedFinding], unknown: Int) {
        var new: [String: Int] = [:]
        var existing: [String: Int] = [:]
        for a in assessed {
            if a.isNew { new[a.finding.check.severity.rawValue, default: 0] += 1 } else { existing[a.finding.check.severity.rawValue, default: 0] += 1 }
        }
        let ranked = assessed.sorted {
            if $0.isNew != $1.isNew { return $0.isNew }
            if $0.finding.check.severity != $1.finding.check.severity { return $0.finding.check.severity > $1.finding.check.severity }
            if $0.finding.resource != $1.finding.resource { return $0.finding.resource < $1.finding.resource }
            return $0.finding.check.id < $1.finding.check.id
        }
        self.init(new: new, existing: existing, unknown: unknown, top: ranked.prefix(10).map(FindingBrief.init))
    }

    public var newCount: Int { new.values.reduce(0, +) }
    public var existingCount: Int { existing.values.reduce(0, +) }
}

/// One finding as a decision shows it.
public struct FindingBrief: Sendable, Hashable, Codable {
    public var check: String
    public var severity: String
    public var resource: String
    public var message: String
    public var isNew: Bool

    enum CodingKeys: String, CodingKey {
        case check, severity, resource, message
        case isNew = "new"
    }

    public init(_ a: AssessedFinding) {
        check = a.finding.check.id
        severity = a.finding.check.severity.rawValue
        resource = a.finding.resource
        message = a.finding.message
        isNew = a.isNew
    }
}
