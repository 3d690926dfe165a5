import Foundation
import Gate
import Policy
import Store

// What every page's template reads, and the pieces several pages share. These are plain
// values for swift-mustache (it reads stored properties by reflection), built from the
// domain types; the templates escape every string they print.

/// The layout's part of a page: its title, who is signed in, which tab is open, and a banner.
struct WebChrome: Sendable {
    enum Tab: Sendable { case queue, audit, dashboard, none }

    var title: String
    var session: WebSessionView?
    var navQueue: Bool
    var navAudit: Bool
    var navDashboard: Bool
    var error: WebBanner?
    var notice: WebBanner?

    init(title: String, token: APIToken?, tab: Tab, error: WebBanner? = nil, notice: WebBanner? = nil) {
        self.title = title
        self.session = token.map(WebSessionView.init)
        self.navQueue = tab == .queue
        self.navAudit = tab == .audit
        self.navDashboard = tab == .dashboard
        self.error = error
        self.notice = notice
    }
}

/// The signed-in token, as the header shows it.
struct WebSessionView: Sendable {
    var actorID: String
    var kind: String
    var role: String
    var name: String

    init(_ token: APIToken) {
        actorID = token.actorID
        kind = (try? Actor.parseID(token.actorID).kind.rawValue) ?? "unknown"
        role = token.role.rawValue
        name = token.name
    }
}

/// A message across the top of a page: a refusal with its stable code, or a confirmation.
struct WebBanner: Sendable {
    var code: String?
    var message: String
}

/// Who asked for a decision.
struct WebActor: Sendable {
    var id: String
    var kind: String
    var identity: String
    var isAgent: Bool
    var isHuman: Bool
    var isCI: Bool
    var model: String?
    var tool: String?
    var session: String?
    var sponsor: String?
    var source: String

    init(_ actor: Actor) {
        id = actor.id
        kind = actor.kind.rawValue
        identity = actor.identity
        isAgent = actor.kind == .agent
        isHuman = actor.kind == .human
        isCI = actor.kind == .ci
        model = actor.model
        tool = actor.tool
        session = actor.session
        sponsor = actor.sponsor
        source = WebFormat.label(actor.source)
    }
}

/// How many findings of one severity.
struct WebSeverityCount: Sendable {
    var severity: String
    var count: Int

    /// Non-zero counts, most severe first.
    static func list(_ counts: [String: Int]) -> [WebSeverityCount] {
        Severity.allCases.reversed().compactMap { severity in
            guard let count = counts[severity.rawValue], count > 0 else { return nil }
            return WebSeverityCount(severity: severity.rawValue, count: count)
        }
    }
}

/// One decision as a row of the queue.
struct WebDecisionRow: Sendable {
    var id: String
    var link: String
    var actor: WebActor
    var environment: String?
    var tier: String
    var outcome: String
    var outcomeLabel: String
    var state: String
    var stateLabel: String
    var changeCounts: [WebChangeCount]
    var destroys: Bool
    var newFindings: [WebSeverityCount]
    var noNewFindings: Bool
    var age: String
    var createdAt: String

    init(_ decision: Decision, status: ApprovalStatus, now: Date) {
        id = decision.id
        link = WebFormat.decisionLink(decision.id)
        actor = WebActor(decision.actor)
        environment = decision.environment?.name
        tier = decision.tier.rawValue
        outcome = decision.outcome.rawValue
        outcomeLabel = WebFormat.label(decision.outcome)
        state = status.state.rawValue
        stateLabel = WebFormat.label(status.state)
        changeCounts = WebChangeCount.list(decision.changes)
        destroys = decision.changes.delete + decision.changes.replace > 0
        newFindings = WebSeverityCount.list(decision.findings.new)
        noNewFindings = newFindings.isEmpty
        age = WebFormat.age(of: decision.createdAt, now: now)
        createdAt = WebFormat.timestamp(decision.createdAt)
    }
}

/// One kind of change and how many, for the queue's compact `+3 ~1 −0 ±0`.
struct WebChangeCount: Sendable {
    var kind: String
    var symbol: String
    var count: Int
    var zero: Bool

    static func list(_ changes: ChangeSummary) -> [WebChangeCount] {
        [("create", "+", changes.create), ("update", "~", changes.update), ("delete", "−", changes.delete), ("replace", "±", changes.replace)]
            .map { WebChangeCount(kind: $0.0, symbol: $0.1, count: $0.2, zero: $0.2 == 0) }
    }
}
