/// `--format junit`: JUnit XML, one test case per check and resource.
public enum JUnitReport {
    public static func render(_ report: ScanReport) -> String {
        fatalError("JUnit output is not implemented yet")
    }
}
