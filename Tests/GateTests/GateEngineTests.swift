import Foundation
import Gate
import Testing

/// End to end over real Terraform plans: the decisions the issue names, and the limits.
struct GateEngineTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var plan: String
        var actor: Actor
        var context: GateContext
        var configuration: GateConfiguration = .defaults
        var outcome: Outcome
        /// A reason that must be among the decision's reasons.
        var rule: String
        var roles: [String]? = nil
        var testDescription: String { name }
    }

    static let agentLimits: GateConfiguration = {
        var c = GateConfiguration.defaults
        c.actorLimits = [ActorLimits(actors: ["agent:*"], limits: BlastRadiusLimits(
            resourceTypes: AllowDeny(allow: ["aws_*"], deny: ["aws_iam_user*"]), regions: ["us-*"], maxChanges: 10, maxDeletes: 0,
            protectStateful: true, maxInstanceSize: "xlarge"))]
        return c
    }()

    static let cases: [Case] = [
        Case(name: "an agent deleting a production database is denied", plan: "prod-db-delete/plan.json",
             actor: GateFixtures.agent, context: GateFixtures.prod, outcome: .deny, rule: "rule:agents-no-destroy-in-prod"),
        Case(name: "an agent replacing a production database is denied", plan: "prod-db-delete/plan-replace.json",
             actor: GateFixtures.agent, context: GateFixtures.prod, outcome: .deny, rule: "rule:agents-no-destroy-in-prod"),
        Case(name: "a human deleting a production database needs security", plan: "prod-db-delete/plan.json",
             actor: GateFixtures.human, context: GateFixtures.prod, outcome: .approvalRequired, rule: "rule:critical-risk-needs-security",
             roles: ["security"]),
        Case(name: "an agent adding an IAM wildcard needs a security approval", plan: "iam-wildcard/plan.json",
             actor: GateFixtures.agent, context: GateFixtures.dev, outcome: .approvalRequired, rule: "rule:critical-risk-needs-security",
             roles: ["security"]),
        Case(name: "an agent's tag change in dev is allowed", plan: "dev-tag-change/plan.json",
             actor: GateFixtures.agent, context: GateFixtures.dev, outcome: .allow, rule: "default"),
        Case(name: "an oversized instance breaks the agent's cost ceiling", plan: "oversized-instance/plan.json",
             actor: GateFixtures.agent, context: GateFixtures.dev, configuration: agentLimits, outcome: .deny, rule: "limit:max_instance_size"),
        Case(name: "an agent may delete nothing under max_deletes 0", plan: "stateful-and-network/plan.json",
             actor: GateFixtures.agent, context: GateFixtures.dev, configuration: agentLimits, outcome: .deny, rule: "limit:max_deletes"),
        Case(name: "protect_stateful stops a KMS key deletion", plan: "stateful-and-network/plan.json",
             actor: GateFixtures.agent, context: GateFixtures.dev, configuration: agentLimits, outcome: .deny, rule: "limit:protect_stateful"),
        Case(name: "a region outside the agent's list is denied", plan: "prod-db-delete/plan.json",
             actor: GateFixtures.agent, context: GateFixtures.dev, configuration: agentLimits, outcome: .deny, rule: "limit:regions"),
        Case(name: "limits for agents do not bind humans", plan: "oversized-instance/plan.json",
             actor: GateFixtures.human, context: GateFixtures.dev, configuration: agentLimits, outcome: .approvalRequired,
             rule: "rule:high-risk-needs-review"),
    ]

    @Test(arguments: cases)
    func decides(_ c: Case) throws {
        let decision = try GateFixtures.decide(c.plan, actor: c.actor, context: c.context, configuration: c.configuration)
        #expect(decision.outcome == c.outcome, "\(decision.reasons.map { "\($0.rule): \($0.message)" })")
        #expect(decision.reasons.contains { $0.rule == c.rule }, "\(decision.reasons.map(\.rule))")
        if let roles = c.roles { #expect(decision.approvals?.roles == roles) }
        // The strictest reason comes first and explains the outcome.
        #expect(decision.reasons.first?.outcome == decision.outcome)
    }

    @Test func environmentComesFromWorkspaceDirectoryOrRegion() throws {
        let byWorkspace = try GateFixtures.decide("dev-tag-change/plan.json", actor: GateFixtures.agent, context: GateContext(workspace: "prod-eu"))
        #expect(byWorkspace.environment?.name == "prod")
        let byDirectory = try GateFixtures.decide("dev-tag-change/plan.json", actor: GateFixtures.agent, context: GateContext(workspace: "default", directory: "envs/prod/network"))
        #expect(byDirectory.environment?.name == "prod")
        #expect(byDirectory.environment?.because.contains("envs/prod/network") == true)
        var config = GateConfiguration.defaults
        config.environments = [EnvironmentDefinition(name: "eu", regions: ["eu-*"])]
        let byRegion = try GateFixtures.decide("prod-db-delete/plan.json", actor: GateFixtures.human, context: GateContext(), configuration: config)
        #expect(byRegion.environment?.name == "eu")
        let none = try GateFixtures.decide("dev-tag-change/plan.json", actor: GateFixtures.agent, context: GateContext(workspace: "default"))
        #expect(none.environment == nil)
    }

    @Test func tierAndFactorsExplainTheRisk() throws {
        let decision = try GateFixtures.decide("prod-db-delete/plan.json", actor: GateFixtures.human, context: GateFixtures.prod)
        #expect(decision.tier == .critical)
        #expect(decision.riskFactors.contains { $0.kind == "stateful_delete" && $0.address == "aws_db_instance.orders" })
        #expect(decision.riskFactors.contains { $0.kind == "escalation" })
        #expect(decision.changes.delete == 1)
        #expect(decision.changes.destroyed == ["aws_db_instance.orders"])
    }

    @Test func aTagChangeOnAnInsecureBucketDoesNotCountItsOldFindingsAsNew() throws {
        let decision = try GateFixtures.decide("dev-tag-change/plan.json", actor: GateFixtures.agent, context: GateFixtures.dev)
        #expect(decision.findings.newCount == 0)
        #expect(decision.findings.existingCount > 0)
        // Existing findings weigh one tier less than new ones: never enough for a reviewer here.
        #expect(decision.tier < .high)
        #expect(decision.outcome == .allow)
    }

    @Test func unknownAccountCannotBeProvedWithinLimits() throws {
        var config = GateConfiguration.defaults
        config.actorLimits = [ActorLimits(actors: ["agent:*"], limits: BlastRadiusLimits(accounts: ["111111111111"]))]
        let decision = try GateFixtures.decide("dev-tag-change/plan.json", actor: GateFixtures.agent, context: GateFixtures.dev, configuration: config)
        #expect(decision.outcome == .approvalRequired)
        #expect(decision.reasons.contains { $0.rule == "limit:accounts" && $0.message.contains("--account") })
        let stated = try GateFixtures.decide(
            "dev-tag-change/plan.json", actor: GateFixtures.agent, context: GateContext(workspace: "dev", account: "222222222222"), configuration: config)
        #expect(stated.outcome == .deny)
    }

    @Test func decisionJSONRoundTripsAndNamesTheContractKeys() throws {
        let decision = try GateFixtures.decide("iam-wildcard/plan.json", actor: GateFixtures.agent, context: GateFixtures.dev)
        let json = DecisionRendering.json(decision)
        for key in ["\"decision\"", "\"tier\"", "\"reasons\"", "\"plan_digest\"", "\"actor\"", "\"findings_summary\"", "\"decision_id\""] {
            #expect(json.contains(key), "missing \(key)")
        }
        let back = try DecisionRendering.decode(Data(json.utf8))
        #expect(back.id == decision.id && back.outcome == decision.outcome && back.actor == decision.actor && back.reasons == decision.reasons)
        let text = DecisionRendering.text(decision, color: false)
        #expect(text.hasPrefix("APPROVAL REQUIRED"))
        #expect(text.contains("airlock approve dec_test"))
        #expect(!text.contains("\u{1B}["))
    }
}
