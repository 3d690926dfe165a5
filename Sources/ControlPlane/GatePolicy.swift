import Foundation
import Gate
import HCL
import Policy
import Terraform

/// Everything a plan is judged by: the gate configuration and its text, the checks (the
/// catalog plus custom policies), the baseline, and the digest that names them together.
/// Built once per CLI run, or once when the server starts.
public struct GatePolicy: Sendable {
    public var configuration: GateConfiguration
    /// The configuration file's text, or nil when the defaults are in force.
    public var configurationText: String?
    public var engine: PolicyEngine
    public var baselinePath: String?
    /// `sha256:` of the configuration, the check IDs, Airlock's version and the baseline.
    public var digest: String
    /// Warnings about the custom policies, for the caller to show.
    public var warnings: [Diagnostic] = []

    public var checkCount: Int { engine.checks.count + engine.moduleChecks.count }

    /// Loads custom policies from `policyDirectories` (Checkov YAML) on top of the catalog.
    /// Throws their diagnostics when any of them is an error: a gate never runs on a policy
    /// it misread.
    public static func make(
        configuration: GateConfiguration, configurationText: String?, policyDirectories: [String] = [],
        baselinePath: String? = nil
    ) throws(GateInputError) -> GatePolicy {
        var engine = PolicyEngine()
        var customPolicyBytes: Data?
        var warnings: [Diagnostic] = []
        if !policyDirectories.isEmpty {
            let (checks, problems) = CustomPolicies.load(directories: policyDirectories)
            if problems.hasErrors { throw GateInputError(diagnostics: problems) }
            warnings = problems
            engine.checks += checks
            customPolicyBytes = policyFileBytes(policyDirectories)
        }
        let digest = PolicyDigest.compute(
            airlockVersion: ReportTool.airlock.version, configurationText: configurationText,
            checkIDs: engine.checks.map(\.metadata.id) + engine.moduleChecks.map(\.metadata.id),
            baseline: baselinePath.flatMap { FileManager.default.contents(atPath: $0) }, customPolicies: customPolicyBytes)
        return GatePolicy(
            configuration: configuration, configurationText: configurationText, engine: engine, baselinePath: baselinePath,
            digest: digest, warnings: warnings)
    }

    /// Every policy file under the directories, in path order, for the policy digest.
    static func policyFileBytes(_ directories: [String]) -> Data {
        var paths: [String] = []
        for dir in directories {
            let enumerator = FileManager.default.enumerator(atPath: dir)
            while let item = enumerator?.nextObject() as? String {
                if item.hasSuffix(".yaml") || item.hasSuffix(".yml") { paths.append((dir as NSString).appendingPathComponent(item)) }
            }
        }
        var data = Data()
        for path in paths.sorted() {
            data.append(Data(path.utf8))
            data.append(FileManager.default.contents(atPath: path) ?? Data())
        }
        return data
    }
}

/// Input the gate cannot judge (a plan that is not a plan, a bad baseline or custom
/// policy), with diagnostics that name the file, line and column.
public struct GateInputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// `file:line:column: error[CODE]: summary: detail`, one line per diagnostic.
    public var description: String {
        diagnostics.map { d in
            let place = [d.file, d.subject.map { "\($0.start.line):\($0.start.column)" }].compactMap { $0 }.joined(separator: ":")
            return (place.isEmpty ? "" : place + ": ") + "\(d.severity.rawValue)[\(d.code.rawValue)]: \(d.summary)"
                + (d.detail.isEmpty ? "" : ": " + d.detail)
        }.joined(separator: "\n")
    }
}
