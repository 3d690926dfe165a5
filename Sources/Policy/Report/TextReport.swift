import Foundation
import HCL
import Terraform

/// `--format text`: findings grouped by file, each with the source line and the attribute
/// underlined, then one summary line. Colour only when asked (a terminal without NO_COLOR).
public struct TextReport {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    private func severityLabel(_ s: Severity) -> String {
        let label = s.rawValue.uppercased()
        switch s {
        case .critical: return paint(label, "1;35")
        case .high: return paint(label, "1;31")
        case .medium: return paint(label, "1;33")
        case .low: return paint(label, "1;34")
        case .info: return paint(label, "2")
        }
    }

    public func render(_ report: ScanReport) -> String {
        var out = ""
        var sources: [String: [Substring]] = [:]
        var currentFile: String?
        for f in report.reported {
            if f.file != currentFile {
                currentFile = f.file
                out += "\n" + paint(f.file.map(relative) ?? "(no file)", "1") + "\n"
            }
            let position = f.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
            let status: String
            switch f.status {
            case .failed: status = severityLabel(f.check.severity)
            case .unknown: status = paint("UNKNOWN", "36")
            case .suppressed: status = paint("SUPPRESSED", "2")
            case .passed: status = "PASSED"
            }
            let aliases = f.check.aliases.isEmpty ? "" : " (\(f.check.aliases.joined(separator: ", ")))"
            out += "  \(status) \(f.check.id)\(aliases) \(f.check.title)\n"
            out += "    \(f.resource)\(position)\n"
            out += "    \(f.message)\n"
            if let file = f.file, let range = f.range {
                if sources[file] == nil {
                    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                    sources[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
                }
                let lines = sources[file]!
                if range.start.line >= 1, range.start.line <= lines.count {
                    let line = String(lines[range.start.line - 1])
                    let width = range.start.line == range.end.line ? max(1, range.end.column - range.start.column) : max(1, line.count - range.start.column + 1)
                    out += "    \(String(format: "%4d", range.start.line)) | \(line)\n"
                    out += "         | " + String(repeating: " ", count: max(0, range.start.column - 1)) + paint(String(repeating: "^", count: width), "31") + "\n"
                }
            }
            if f.status == .failed { out += "    fix: \(f.check.remediation)\n" }
            if let s = f.suppression { out += "    suppressed by \(s.source)\(s.reason.map { ": \($0)" } ?? "")\n" }
        }
        let failed = report.count(.failed)
        let summary = "\(report.resourcesScanned) resources, \(report.checksRun) checks: \(report.count(.passed)) passed, \(failed) failed, \(report.count(.unknown)) unknown, \(report.count(.suppressed)) suppressed."
        out += "\n" + (failed > 0 ? paint(summary, "1;31") : paint(summary, "1;32")) + "\n"
        return out
    }

    private func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
