import Audit
import Foundation
import Store

/// `GET /ui/audit`: a page of the audit chain, newest first, under the result of verifying
/// the whole chain.
struct WebAuditPage: Sendable {
    struct Event: Sendable {
        var sequence: Int
        var time: String
        var kind: String
        var actor: String
        var summary: String
        var decisionID: String?
        var decisionLink: String?
    }

    struct Problem: Sendable {
        var code: String
        var sequence: Int?
        var summary: String
        var detail: String
    }

    var chrome: WebChrome
    var verified: Bool
    var eventCount: Int
    var signaturesChecked: Int
    var keyFingerprint: String?
    var problems: [Problem]
    var events: [Event]
    var empty: Bool
    var range: String
    var newer: String?
    var older: String?

    static let pageSize = 50

    init(events: [AuditEvent], total: Int, verification: AuditVerification, token: APIToken) {
        chrome = WebChrome(title: "Audit log", token: token, tab: .audit)
        verified = verification.isValid
        eventCount = verification.eventCount
        signaturesChecked = verification.signaturesChecked
        keyFingerprint = verification.keyFingerprint
        problems = verification.problems.map {
            Problem(code: $0.code, sequence: $0.sequence, summary: $0.summary, detail: $0.detail)
        }
        self.events = events.map { event in
            Event(
                sequence: event.sequence, time: event.time, kind: event.record.kind.rawValue, actor: event.record.actor,
                summary: event.record.summary, decisionID: event.record.decisionID,
                decisionLink: event.record.decisionID.map(WebFormat.decisionLink))
        }
        empty = events.isEmpty
        let newest = events.first?.sequence ?? 0
        let oldest = events.last?.sequence ?? 0
        range = events.isEmpty ? "no events" : "events \(oldest)–\(newest) of \(total)"
        newer = newest < total && !events.isEmpty ? "/ui/audit?before=\(newest + Self.pageSize + 1)" : nil
        older = oldest > 1 ? "/ui/audit?before=\(oldest)" : nil
    }
}
