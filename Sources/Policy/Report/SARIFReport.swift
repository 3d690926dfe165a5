/// `--format sarif`: SARIF 2.1.0 for code scanning.
public enum SARIFReport {
    public static func render(_ report: ScanReport) -> String {
        // Filled in by the reports work; see the issue.
        fatalError("SARIF output is not implemented yet")
    }
}
