import Foundation

/// A decision as JSON for machines and as a summary for people that says why.
public enum DecisionRendering {
    /// The JSON contract: `{"decision", "tier", "reasons", "plan_digest", "actor",
    /// "findings_summary", "decision_id", ...}`, keys sorted, dates in RFC 3339 UTC.
    /// With `status`, the live approval state is added under `"status"`: the decision is
    /// immutable once recorded, its status is not.
    public static func json(_ decision: Decision, status: ApprovalStatus? = nil) -> String {
        guard let data = try? encoder.encode(decision) else { return "{}\n" }
        guard let status, var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let statusData = try? encoder.encode(StatusJSON(status)), let statusObject = try? JSONSerialization.jsonObject(with: statusData)
        else { return String(decoding: data, as: UTF8.self) + "\n" }
        object["status"] = statusObject
        let merged = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? data
        return String(decoding: merged, as: UTF8.self) + "\n"
    }

    public static func decode(_ data: Data) throws -> Decision {
        try decoder.decode(Decision.self, from: data)
    }

    public static func encodeCompact(_ decision: Decision) -> Data {
        (try? compactEncoder.encode(decision)) ?? Data()
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    public static let compactEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    public static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()

    struct StatusJSON: Encodable {
        var state: String
        var missing: [String]
        var approvedBy: [String]

        init(_ s: ApprovalStatus) {
            state = s.state.rawValue
            missing = s.missing
            approvedBy = s.counted.map { $0.reviewer.id + ($0.role.map { " (\($0))" } ?? "") }
        }

        enum CodingKeys: String, CodingKey { case state, missing, approvedBy = "approved_by" }
    }

    /// The summary a person reads: the outcome and tier, who asked, what changes, and every
    /// reason, strictest first.
    public static func text(_ decision: Decision, status: ApprovalStatus? = nil, color: Bool) -> String {
        let paint = Paint(enabled: color)
        var out = ""
        let headline: String
        switch decision.outcome {
        case .allow: headline = paint.green("ALLOW")
        case .approvalRequired: headline = paint.yellow("APPROVAL REQUIRED")
        case .deny: headline = paint.red("DENY")
        }
        out += "\(headline)  risk \(paint.bold(decision.tier.rawValue))  decision \(decision.id)\n"
        var who = "  actor      \(decision.actor.id)"
        var extras: [String] = []
        if let m = decision.actor.model { extras.append("model \(m)") }
        if let s = decision.actor.session { extras.append("session \(s)") }
        if let sp = decision.actor.sponsor { extras.append("on behalf of \(sp)") }
        extras.append("from \(decision.actor.source.rawValue.replacingOccurrences(of: "_", with: " "))")
        who += " (" + extras.joined(separator: ", ") + ")"
        out += who + "\n"
        out += "  environment \(decision.environment.map { "\($0.name) (\($0.because))" } ?? "not recognised")\n"
        let c = decision.changes
        out += "  changes    \(c.create) to create, \(c.update) to update, \(c.replace) to replace, \(c.delete) to delete\n"
        let f = decision.findings
        out += "  findings   \(f.newCount) new, \(f.existingCount) existing\(f.unknown > 0 ? ", \(f.unknown) unknown until apply" : "")\n"
        out += "  plan       \(decision.planDigest)\n"
        out += "\nWhy:\n"
        for reason in decision.reasons {
            let mark: String
            switch reason.outcome {
            case .allow: mark = paint.green("allow")
            case .approvalRequired: mark = paint.yellow("approval")
            case .deny: mark = paint.red("deny")
            }
            out += "  [\(mark)] \(reason.rule): \(reason.message)\(reason.address.map { " — \($0)" } ?? "")\n"
        }
        if !decision.riskFactors.isEmpty {
            out += "\nRisk \(decision.tier.rawValue) because:\n"
            for factor in decision.riskFactors.prefix(8) {
                out += "  \(factor.tier.rawValue): \(factor.message)\(factor.address.map { " — \($0)" } ?? "")\n"
            }
            if decision.riskFactors.count > 8 { out += "  … and \(decision.riskFactors.count - 8) more factors (--format json lists more)\n" }
        }
        if let status {
            out += "\nStatus: \(status.state.rawValue)\n"
            for line in status.missing { out += "  needs \(line)\n" }
            for a in status.counted { out += "  approved by \(a.reviewer.id)\(a.role.map { " (\($0))" } ?? "")\n" }
        } else if decision.outcome == .approvalRequired, let req = decision.approvals {
            out += "\nNeeds \(req.count) approval\(req.count == 1 ? "" : "s")\(req.roles.isEmpty ? "" : " including the role\(req.roles.count == 1 ? "" : "s") \(req.roles.joined(separator: ", "))"):\n"
            out += "  airlock approve \(decision.id) --as human:REVIEWER\(req.roles.first.map { " --role \($0)" } ?? "")\n"
        }
        return out
    }
}

/// ANSI colours, off when the output is not a terminal.
struct Paint {
    var enabled: Bool
    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { wrap(s, "31;1") }
    func green(_ s: String) -> String { wrap(s, "32;1") }
    func yellow(_ s: String) -> String { wrap(s, "33;1") }
    func bold(_ s: String) -> String { wrap(s, "1") }
}
