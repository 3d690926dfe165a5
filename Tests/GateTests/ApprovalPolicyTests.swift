import Foundation
import Gate
import Testing

struct ApprovalPolicyTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func decision(roles: [String] = ["security"], count: Int = 1, outcome: Outcome = .approvalRequired) throws -> Decision {
        var d = try GateFixtures.decide("iam-wildcard/plan.json", actor: GateFixtures.agent, context: GateFixtures.dev, now: now)
        d.outcome = outcome
        d.approvals = ApprovalRequirement(count: count, roles: roles)
        return d
    }

    static func approval(_ reviewer: String, role: String?, on d: Decision, at: Date = now, verdict: Approval.Verdict = .approve, digest: String? = nil) -> Approval {
        let (kind, identity) = try! Actor.parseID(reviewer)
        return Approval(
            id: Approval.newID(), decisionID: d.id, verdict: verdict, reviewer: Actor(kind: kind, identity: identity), role: role,
            comment: nil, planDigest: digest ?? d.planDigest, createdAt: at, expiresAt: at.addingTimeInterval(3600))
    }

    @Test(arguments: [
        ("agent:cursor", "GATE201"), ("ci:github-actions", "GATE201"), ("agent:claude-code", "GATE201"),
        ("human:alice", "GATE203"),
    ])
    func separationOfDuties(_ reviewer: String, _ code: String) throws {
        let d = try Self.decision()
        let (kind, identity) = try Actor.parseID(reviewer)
        #expect {
            try ApprovalPolicy.check(
                reviewer: Actor(kind: kind, identity: identity), role: "security", verdict: .approve, decision: d, existing: [],
                settings: ApprovalSettings(), now: Self.now)
        } throws: { ($0 as? ApprovalRefusal)?.code == code }
    }

    @Test func theAuthorCannotReviewTheirOwnChange() throws {
        var d = try Self.decision()
        d.actor = Actor(kind: .human, identity: "bob")
        #expect { try ApprovalPolicy.check(reviewer: Actor(kind: .human, identity: "bob"), role: nil, verdict: .approve, decision: d, existing: [], settings: ApprovalSettings(), now: Self.now) }
            throws: { ($0 as? ApprovalRefusal)?.code == "GATE202" }
    }

    @Test func roleMembershipIsCheckedWhenDeclared() throws {
        let d = try Self.decision()
        let settings = ApprovalSettings(roleMembers: ["security": ["human:carol"]])
        #expect { try ApprovalPolicy.check(reviewer: Actor(kind: .human, identity: "dan"), role: "security", verdict: .approve, decision: d, existing: [], settings: settings, now: Self.now) }
            throws: { ($0 as? ApprovalRefusal)?.code == "GATE208" }
        try ApprovalPolicy.check(reviewer: Actor(kind: .human, identity: "carol"), role: "security", verdict: .approve, decision: d, existing: [], settings: settings, now: Self.now)
    }

    @Test func statusCountsDistinctReviewersAndRequiredRoles() throws {
        let d = try Self.decision(roles: ["security"], count: 2)
        var status = ApprovalPolicy.status(of: d, approvals: [], now: Self.now)
        #expect(status.state == .pending)
        let a1 = Self.approval("human:carol", role: "platform", on: d)
        status = ApprovalPolicy.status(of: d, approvals: [a1, a1], now: Self.now)
        #expect(status.state == .pending)
        #expect(status.missing.contains("an approval from the security role"))
        let a2 = Self.approval("human:dan", role: "security", on: d)
        status = ApprovalPolicy.status(of: d, approvals: [a1, a2], now: Self.now)
        #expect(status.state == .cleared)
        #expect(status.counted.count == 2)
    }

    @Test func approvalsExpireAndDecisionsExpire() throws {
        let d = try Self.decision()
        let a = Self.approval("human:carol", role: "security", on: d)
        #expect(ApprovalPolicy.status(of: d, approvals: [a], now: Self.now.addingTimeInterval(60)).state == .cleared)
        let late = ApprovalPolicy.status(of: d, approvals: [a], now: Self.now.addingTimeInterval(7200))
        #expect(late.state == .pending)
        #expect(late.missing.contains { $0.contains("expired") })
        #expect(ApprovalPolicy.status(of: d, approvals: [a], now: d.expiresAt).state == .expired)
    }

    @Test func anApprovalOfAnotherPlanDigestDoesNotCount() throws {
        let d = try Self.decision()
        let a = Self.approval("human:carol", role: "security", on: d, digest: "sha256:other")
        #expect(ApprovalPolicy.status(of: d, approvals: [a], now: Self.now).state == .pending)
    }

    @Test func aRejectionIsFinal() throws {
        let d = try Self.decision()
        let r = Self.approval("human:carol", role: "security", on: d, verdict: .reject)
        let a = Self.approval("human:dan", role: "security", on: d)
        #expect(ApprovalPolicy.status(of: d, approvals: [r, a], now: Self.now).state == .rejected)
        #expect { try ApprovalPolicy.check(reviewer: Actor(kind: .human, identity: "erin"), role: "security", verdict: .approve, decision: d, existing: [r], settings: ApprovalSettings(), now: Self.now) }
            throws: { ($0 as? ApprovalRefusal)?.code == "GATE207" }
    }

    @Test(arguments: [Outcome.allow, .deny])
    func onlyApprovalRequiredDecisionsTakeApprovals(_ outcome: Outcome) throws {
        let d = try Self.decision(outcome: outcome)
        #expect(throws: ApprovalRefusal.self) {
            try ApprovalPolicy.check(reviewer: Actor(kind: .human, identity: "carol"), role: nil, verdict: .approve, decision: d, existing: [], settings: ApprovalSettings(), now: Self.now)
        }
    }
}

struct PlanDigestTests {
    @Test func whitespaceAndKeyOrderDoNotChangeTheDigestButContentDoes() throws {
        let a = try PlanDigest.ofJSON(Array(#"{"b":1,"a":[true,null,"x"]}"#.utf8))
        let b = try PlanDigest.ofJSON(Array("{\n  \"a\": [true, null, \"x\"],\n  \"b\": 1\n}".utf8))
        let c = try PlanDigest.ofJSON(Array(#"{"b":2,"a":[true,null,"x"]}"#.utf8))
        let d = try PlanDigest.ofJSON(Array(#"{"b":1.0,"a":[true,null,"x"]}"#.utf8))
        #expect(a == b)
        #expect(a != c)
        #expect(a != d)
        #expect(a.hasPrefix("sha256:") && a.count == 71)
    }

    @Test func aRealPlanHasAStableDigest() throws {
        let (_, first) = try GateFixtures.plan("iam-wildcard/plan.json")
        let (_, second) = try GateFixtures.plan("iam-wildcard/plan.json")
        #expect(first == second)
    }

    @Test func malformedJSONNamesLineAndColumn() {
        #expect { try PlanDigest.ofJSON(Array("{\n  \"a\": ,\n}".utf8)) } throws: { error in
            guard let e = error as? JSONParser.Error else { return false }
            return e.line == 2 && e.column == 8
        }
    }
}
import HCL
