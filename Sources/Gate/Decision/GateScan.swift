import Foundation
import Policy
import Terraform

/// Runs the policy catalog over a plan for the gate: over what the plan leaves behind, and
/// over the prior state, so a finding that was already there is told from a new one.
public enum GateScan {
    public static func run(plan: Plan, engine: PolicyEngine, baselinePath: String?) throws -> (findings: [Finding], prior: [Finding]) {
        var findings = engine.run(plan.resourceInstances, modules: [])
        if let baselinePath {
            findings = try Baseline.apply(findings, baselinePath: baselinePath)
        }
        let prior = plan.priorState.map { engine.run($0.resourceInstances, modules: []) } ?? []
        return (findings, prior.filter { $0.status == .failed })
    }
}
