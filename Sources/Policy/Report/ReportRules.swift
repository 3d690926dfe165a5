/// The checks a report's findings come from, each once, sorted by ID: SARIF rules, JUnit
/// suites.
struct ReportRules {
    var checks: [CheckMetadata]
    var index: [String: Int]

    init(_ report: ScanReport) {
        var byID: [String: CheckMetadata] = [:]
        for f in report.findings where byID[f.check.id] == nil { byID[f.check.id] = f.check }
        checks = byID.keys.sorted().map { byID[$0]! }
        index = Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($1.id, $0) })
    }
}
