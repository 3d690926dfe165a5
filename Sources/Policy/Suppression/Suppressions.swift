import HCL
import Terraform

/// Inline suppressions (`# airlock:ignore ID reason="..." expires=YYYY-MM-DD`, Checkov's
/// `#checkov:skip=CKV_AWS_20:reason`).
///
/// A suppression applies to the findings of the block it is written in (or, for
/// `airlock:ignore`, directly above): every instance of that resource, module check
/// findings of a `provider` or `terraform` block alike. It turns a failed or unknown
/// finding into a suppressed one that carries the reason. Airlock never drops a finding
/// silently, so:
/// - a suppression without a reason is not applied: the finding keeps its status, its
///   message says why, and a warning points at the comment;
/// - an expired suppression is not applied either: the finding fails again, with the
///   expiry date in its message and a warning at the comment;
/// - a malformed suppression, one that names no known check, or one outside any block is
///   a warning.
public enum Suppressions {
    /// Marks findings suppressed where the source says so; an expired suppression or one
    /// without a reason is reported. `today` is `YYYY-MM-DD` (UTC). `checks` are the checks
    /// that ran (built-in and custom), to tell an unknown ID from a check with no findings.
    public static func apply(
        _ findings: [Finding], modules: [ModuleConfig], today: String, checks: [CheckMetadata] = []
    ) -> (findings: [Finding], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var index: [String: FileSuppressions] = [:]
        var known = checks + Catalog.all.map(\.metadata) + Catalog.moduleChecks.map(\.metadata)
        known += findings.map(\.check)
        for module in modules {
            for file in module.files where index[file.path] == nil {
                let (entry, problems) = FileSuppressions.read(file, today: today, known: known)
                index[file.path] = entry
                diagnostics += problems
            }
        }
        guard !index.isEmpty else { return (findings, diagnostics) }
        var out = findings
        for i in out.indices {
            let f = out[i]
            guard f.status == .failed || f.status == .unknown, let file = f.file, let range = f.range,
                let entry = index[file], let directives = entry.directives(covering: range.start.byte)
            else { continue }
            guard let (directive, name) = directives.lazy.compactMap({ d in d.names(f.check).map { (d, $0) } }).first else { continue }
            let location = "\(relativeName(file)):\(directive.range.start.line)"
            if !directive.problems.isEmpty {
                out[i].message += " (The suppression at \(location) is not applied: it is malformed.)"
            } else if directive.reason == nil {
                out[i].message += " (The suppression at \(location) is not applied: it gives no reason.)"
            } else if let expires = directive.expires, expires < today {
                out[i].message += " (The suppression at \(location) expired on \(expires).)"
            } else {
                out[i].status = .suppressed
                out[i].suppression = Suppression(id: name, reason: directive.reason, expires: directive.expires, source: directive.kind.rawValue)
            }
        }
        return (out, diagnostics)
    }

    /// The last path component, for short notes in messages.
    private static func relativeName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// The suppressions of one file, by the top-level block they apply to.
struct FileSuppressions: Sendable {
    /// Each top-level block's byte range with its directives.
    var blocks: [(range: Range<Int>, directives: [SuppressionDirective])]

    /// The directives of the block that contains byte offset `byte`.
    func directives(covering byte: Int) -> [SuppressionDirective]? {
        blocks.first { $0.range.contains(byte) }?.directives
    }

    /// Reads the directives of `file` and attaches them to blocks; returns the warnings
    /// about directives that are malformed, lack a reason, have expired, name no known
    /// check, or belong to no block.
    static func read(_ file: ConfigFile, today: String, known: [CheckMetadata]) -> (FileSuppressions, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let comments = CommentScanner.comments(in: file.source)
        let directives = comments.compactMap { c in SuppressionDirective.parse(c).map { (c, $0) } }
        guard !directives.isEmpty else { return (FileSuppressions(blocks: []), []) }
        // Lines holding nothing but a comment, to find the comment run above a block header.
        let commentOnlyLines = Set(comments.filter(\.standsAlone).map(\.range.start.line))
        var attached = Set<Int>()
        var blocks: [(range: Range<Int>, directives: [SuppressionDirective])] = []
        for block in file.body.blocks {
            let inside = block.openBraceRange.end.byte..<block.closeBraceRange.start.byte
            var firstAbove = block.typeRange.start.line
            while commentOnlyLines.contains(firstAbove - 1) { firstAbove -= 1 }
            var mine: [SuppressionDirective] = []
            for (n, (comment, d)) in directives.enumerated() {
                let isInside = inside.contains(comment.range.start.byte)
                let isAbove = d.kind == .airlock && comment.standsAlone
                    && comment.range.start.line >= firstAbove && comment.range.start.line < block.typeRange.start.line
                if isInside || isAbove {
                    mine.append(d)
                    attached.insert(n)
                }
            }
            blocks.append((block.range.start.byte..<block.range.end.byte, mine))
        }
        for (n, (_, d)) in directives.enumerated() {
            func warn(_ code: DiagnosticCode, _ summary: String, _ detail: String) {
                diagnostics.append(Diagnostic(severity: .warning, code: code, summary: summary, detail: detail, subject: d.range, file: file.path))
            }
            if !attached.contains(n) {
                let place = d.kind == .airlock ? "inside the block or on the comment lines directly above it" : "inside the block, as Checkov requires"
                warn(.invalidSuppression, "Suppression outside any block", "This \(d.kind.rawValue) applies to nothing: write it \(place).")
                continue
            }
            if !d.problems.isEmpty {
                warn(.invalidSuppression, "Malformed suppression", "This \(d.kind.rawValue) is not applied: \(d.problems.joined(separator: "; ")).")
                continue
            }
            if d.reason == nil {
                let example = d.kind == .airlock
                    ? "airlock:ignore \(d.ids.joined(separator: ",")) reason=\"why this is acceptable\""
                    : "checkov:skip=\(d.ids.joined(separator: ",")):why this is acceptable"
                warn(.invalidSuppression, "Suppression without a reason",
                     "\(d.ids.joined(separator: ", ")) stays reported: a suppression must say why the finding is acceptable, so that reviewers and the audit log can judge it. Write `\(example)`.")
            }
            if let expires = d.expires, expires < today {
                warn(.expiredSuppression, "Suppression expired on \(expires)",
                     "The suppression of \(d.ids.joined(separator: ", ")) lapsed on \(expires): its findings count again. Fix the resource, or renew the suppression with a new date and reason.")
            }
            for id in d.ids where !known.contains(where: { d2 in ([d2.id] + d2.aliases).contains { $0.caseInsensitiveCompare(id) == .orderedSame } }) {
                warn(.invalidSuppression, "Suppression of an unknown check \(id)",
                     "No check has the ID or Checkov alias \(id), so this suppression does nothing. `airlock checks` lists the IDs.")
            }
        }
        return (FileSuppressions(blocks: blocks), diagnostics)
    }
}
