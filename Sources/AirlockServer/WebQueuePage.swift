import Foundation
import Gate
import Store

/// `GET /ui`: decisions waiting for a verdict, newest first, then the latest others.
struct WebQueuePage: Sendable {
    var chrome: WebChrome
    var pendingTable: WebDecisionTable?
    var pendingCount: Int
    var recentTable: WebDecisionTable?

    init(pending: [(Decision, ApprovalStatus)], recent: [(Decision, ApprovalStatus)], token: APIToken, now: Date) {
        chrome = WebChrome(title: "Approval queue", token: token, tab: .queue)
        pendingTable = WebDecisionTable(pending.map { WebDecisionRow($0.0, status: $0.1, now: now) })
        pendingCount = pending.count
        recentTable = WebDecisionTable(recent.filter { $0.1.state != .pending }.map { WebDecisionRow($0.0, status: $0.1, now: now) })
    }
}

/// Rows for the `decision-table` partial; nil when there are none, so the page can say so.
struct WebDecisionTable: Sendable {
    var rows: [WebDecisionRow]

    init?(_ rows: [WebDecisionRow]) {
        guard !rows.isEmpty else { return nil }
        self.rows = rows
    }
}

/// `GET /ui/login`: the form to paste a token into.
struct WebLoginPage: Sendable {
    var chrome: WebChrome
    var next: String

    init(next: String, error: String? = nil) {
        chrome = WebChrome(title: "Sign in", token: nil, tab: .none, error: error.map { WebBanner(code: nil, message: $0) })
        self.next = next
    }
}

/// A page that only says what went wrong (an unknown decision, a refused form).
struct WebErrorPage: Sendable {
    var chrome: WebChrome
    var heading: String
    var message: String
    var code: String

    init(status: Int, code: String, message: String, token: APIToken?) {
        let heading = status == 404 ? "Not found" : status == 403 ? "Not allowed" : "Something went wrong"
        chrome = WebChrome(title: heading, token: token, tab: .none)
        self.heading = heading
        self.message = message
        self.code = code
    }
}
