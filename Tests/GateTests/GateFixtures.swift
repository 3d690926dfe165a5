import Foundation
import Gate
import Policy
import Terraform

/// The real Terraform plans under Fixtures/ (scripts/gen-plan-fixtures.sh --cases ...).
enum GateFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func path(_ name: String) -> String { "\(directory)/\(name)" }

    static func plan(_ name: String) throws -> (Plan, String) {
        let bytes = [UInt8](FileManager.default.contents(atPath: path(name))!)
        let (plan, document) = try PlanReader.parseKeepingDocument(bytes, path: path(name))
        return (plan, PlanDigest.ofJSON(document))
    }

    /// Decides a fixture plan with a real scan, as `airlock gate` does.
    static func decide(
        _ name: String, actor: Actor, context: GateContext = GateContext(), configuration: GateConfiguration = .defaults,
        now: Date = Date(timeIntervalSince1970: 1_800_000_000)
    ) throws -> Decision {
        let (plan, digest) = try plan(name)
        let scan = try GateScan.run(plan: plan, engine: PolicyEngine(), baselinePath: nil)
        let engine = GateEngine(configuration: configuration, policyDigest: "sha256:test")
        return engine.decide(
            GateEngine.Input(plan: plan, planDigest: digest, actor: actor, context: context, findings: scan.findings, priorFindings: scan.prior),
            id: "dec_test", now: now)
    }

    static let agent = Actor(kind: .agent, identity: "claude-code", model: "claude-sonnet-4.5", sponsor: "human:alice")
    static let human = Actor(kind: .human, identity: "bob")
    static let prod = GateContext(workspace: "prod")
    static let dev = GateContext(workspace: "dev")
}
