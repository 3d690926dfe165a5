import Foundation
import HCL
import Gate
import Policy
import Terraform

/// One plan judged: the decision, and the findings behind it for a reviewer to read.
public struct GateEvaluation: Sendable {
    public var decision: Decision
    /// Failing and undecidable findings on the resources the plan changes.
    public var findings: [ReviewFinding]
    /// How many resource instances the plan leaves behind (for the scan's audit event).
    public var resourceCount: Int
    public var failedCount: Int
}

/// A finding as a reviewer sees it next to a decision: the check, where, and why.
public struct ReviewFinding: Sendable, Hashable, Codable {
    public var check: String
    public var title: String
    public var severity: String
    public var status: String
    public var resource: String
    /// The attribute at fault (`ingress[0].cidr_blocks`), or empty for the whole resource.
    public var path: String
    public var message: String
    /// The plan's value at `path`, as JSON, when the plan shows one.
    public var value: String?
    public var isNew: Bool

    enum CodingKeys: String, CodingKey {
        case check, title, severity, status, resource, path, message, value
        case isNew = "new"
    }
}

extension GatePolicy {
    /// Reads the plan JSON, scans it and decides. Pure apart from reading the baseline.
    ///
    /// - Parameters:
    ///   - planJSON: The bytes of `terraform show -json`; the plan digest is theirs.
    ///   - path: What to call the plan in diagnostics and findings.
    ///   - planFileDigest: `sha256:` of the binary plan file, when the caller has it.
    public func evaluate(
        planJSON: [UInt8], path: String, planFileDigest: String?, actor: Actor, context: GateContext,
        id: String = Decision.newID(), now: Date = Date()
    ) throws(GateInputError) -> GateEvaluation {
        let plan: Plan
        let document: JSONValue
        do {
            (plan, document) = try PlanReader.parseKeepingDocument(planJSON, path: path)
        } catch {
            throw GateInputError(diagnostics: [error.diagnostic])
        }
        let scan: (findings: [Finding], prior: [Finding])
        do {
            scan = try GateScan.run(plan: plan, engine: engine, baselinePath: baselinePath)
        } catch let error as BaselineError {
            throw GateInputError(diagnostics: [error.diagnostic])
        } catch {
            throw GateInputError(diagnostics: [
                Diagnostic(code: .invalidPlanFile, summary: "the scan failed", detail: "\(error)", subject: nil, file: path),
            ])
        }
        let gate = GateEngine(configuration: configuration, policyDigest: digest)
        let decision = gate.decide(
            GateEngine.Input(
                plan: plan, planDigest: PlanDigest.ofJSON(document), planFileDigest: planFileDigest, actor: actor,
                context: context, findings: scan.findings, priorFindings: scan.prior),
            id: id, now: now)
        let priorKeys = Set(scan.prior.map { $0.check.id + "|" + $0.resource })
        let touched = Set(decision.changes.items.map(\.address))
        let instances = Dictionary(plan.resourceInstances.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        let reviewed = scan.findings
            .filter { ($0.status == .failed || $0.status == .unknown) && touched.contains($0.resource) }
            .map { finding in
                ReviewFinding(
                    check: finding.check.id, title: finding.check.title, severity: finding.check.severity.rawValue,
                    status: finding.status.rawValue, resource: finding.resource, path: finding.path, message: finding.message,
                    value: instances[finding.resource].flatMap { Self.value(at: finding.path, in: $0) },
                    isNew: finding.status == .failed && !priorKeys.contains(finding.check.id + "|" + finding.resource))
            }
        return GateEvaluation(
            decision: decision, findings: reviewed, resourceCount: plan.resourceInstances.count,
            failedCount: scan.findings.filter { $0.status == .failed }.count)
    }
}

extension GatePolicy {
    /// The planned value at a finding's path, shortened for a reviewer: `"0.0.0.0/0"`,
    /// `["*"]`, `(known after apply)`. Nil when the finding names no attribute.
    static func value(at path: String, in instance: ResourceInstance) -> String? {
        guard !path.isEmpty, let value = instance.value(path) else { return nil }
        let text = render(value, depth: 0)
        return text.count > 240 ? String(text.prefix(239)) + "…" : text
    }

    private static func render(_ value: Value, depth: Int) -> String {
        if !value.isKnown { return "(known after apply)" }
        if value.isNull { return "null" }
        if let b = value.boolValue { return b ? "true" : "false" }
        if let n = value.numberValue { return n.description }
        if let s = value.stringValue { return quoted(s) }
        guard depth < 4 else { return "…" }
        if let attrs = value.attributes {
            return "{" + attrs.keys.sorted().map { "\($0) = \(render(attrs[$0]!, depth: depth + 1))" }.joined(separator: ", ") + "}"
        }
        if let es = value.elements { return "[" + es.map { render($0, depth: depth + 1) }.joined(separator: ", ") + "]" }
        return "…"
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
