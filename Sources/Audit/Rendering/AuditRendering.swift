/// The two ways `airlock audit show` prints events, as pure functions so the command stays
/// thin and the output is tested without a terminal.
public enum AuditRendering {
    /// One line per event: sequence, time, kind, actor, the plan digest's first 12 hex
    /// digits (`-` without one) and the summary, columns separated by two spaces.
    ///
    ///     12  2026-11-21T10:00:00.123Z  approval       human:alice        3f2a9c1e0b7d  approved by alice
    public static func text(_ events: [AuditEvent]) -> String {
        let sequenceWidth = events.map { String($0.sequence).count }.max() ?? 1
        let kindWidth = events.map(\.record.kind.rawValue.count).max() ?? 0
        let actorWidth = events.map { oneLine($0.record.actor).count }.max() ?? 0
        var out = ""
        for event in events {
            let plan = event.record.planDigest.map(shortDigest) ?? "-"
            out += leftPad(String(event.sequence), sequenceWidth) + "  " + event.time + "  "
                + rightPad(event.record.kind.rawValue, kindWidth) + "  " + rightPad(oneLine(event.record.actor), actorWidth)
                + "  " + rightPad(plan, 12) + "  " + oneLine(event.record.summary) + "\n"
        }
        return out
    }

    /// A JSON array with one element per line, each element exactly the event's line in
    /// `audit.log`, so `jq` programs work on both and the output is the same bytes every time.
    public static func json(_ events: [AuditEvent]) -> String {
        guard !events.isEmpty else { return "[]\n" }
        var out: [UInt8] = Array("[\n".utf8)
        for (index, event) in events.enumerated() {
            out.append(contentsOf: Array("  ".utf8))
            out.append(contentsOf: EventLine.json(event))
            out.append(contentsOf: Array((index == events.count - 1 ? "\n" : ",\n").utf8))
        }
        out.append(contentsOf: Array("]\n".utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// `sha256:3f2a…` → `3f2a9c1e0b7d`: enough to tell plans apart on a screen.
    private static func shortDigest(_ digest: String) -> String {
        let hex = digest.hasPrefix("sha256:") ? digest.dropFirst(7) : Substring(digest)
        return String(hex.prefix(12))
    }

    /// Control characters shown escaped, so one event is always one line of output.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                out += "\\u" + leftPad(String(scalar.value, radix: 16), 4, "0")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func leftPad(_ text: String, _ width: Int, _ fill: Character = " ") -> String {
        text.count >= width ? text : String(repeating: fill, count: width - text.count) + text
    }

    private static func rightPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
