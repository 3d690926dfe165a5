import Foundation
import Gate

/// How the web UI writes times, durations and labels. Times are UTC, like the audit log,
/// so what a reviewer reads matches what `airlock audit show` prints.
enum WebFormat {
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    /// How long ago `date` was: `just now`, `12 min ago`, `3 h ago`, `5 d ago`.
    static func age(of date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        if seconds < 60 { return "just now" }
        return duration(seconds) + " ago"
    }

    /// A duration in its largest whole unit: `45 s`, `12 min`, `3 h 20 min`, `5 d`.
    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min" }
        if s < 86400 {
            let minutes = (s % 3600) / 60
            return minutes == 0 ? "\(s / 3600) h" : "\(s / 3600) h \(minutes) min"
        }
        return "\(s / 86400) d"
    }

    static func label(_ outcome: Outcome) -> String {
        switch outcome {
        case .allow: return "allowed"
        case .approvalRequired: return "approval required"
        case .deny: return "denied"
        }
    }

    static func label(_ state: ApprovalStatus.State) -> String {
        switch state {
        case .cleared: return "cleared"
        case .pending: return "awaiting approval"
        case .rejected: return "rejected"
        case .denied: return "denied"
        case .expired: return "expired"
        }
    }

    static func label(_ source: Actor.Source) -> String {
        switch source {
        case .flags: return "command-line flags"
        case .environment: return "environment variables"
        case .gitTrailers: return "git commit trailers"
        case .fallback: return "fallback (the user running the command)"
        case .apiToken: return "API token (verified by the server)"
        }
    }

    /// Long planned values are cut so one finding cannot fill the page; the full value is in
    /// the API's JSON.
    static func truncated(_ text: String, limit: Int = 240) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + " …"
    }

    /// `/ui/decisions/ID`, with the ID percent-encoded: IDs are ours (`dec_…`), but the
    /// audit log and URLs may carry anything.
    static func decisionLink(_ id: String) -> String {
        "/ui/decisions/" + WebSession.percentEncode(id).replacingOccurrences(of: "/", with: "%2F")
    }
}
