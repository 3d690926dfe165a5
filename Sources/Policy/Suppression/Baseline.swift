import Foundation
import HCL

/// A recorded set of findings that are accepted for now (`--create-baseline`, `--baseline`).
///
/// The file is JSON, sorted, the same bytes for the same findings:
/// ```json
/// {
///   "airlock_baseline": 1,
///   "findings": [
///     {"check": "AL-AWS-S3-001", "resource": "aws_s3_bucket.data", "file": "main.tf",
///      "path": "", "fingerprint": "sha256:…"}
///   ]
/// }
/// ```
/// Only failed findings are recorded: an unknown one is not a known failure, and when apply
/// makes it fail it is new. A finding matches an entry by its fingerprint: the SHA-256 of
/// the check ID, the resource address, the attribute path at fault and the source text at
/// fault without its whitespace. Line numbers are not in it, so moving code leaves
/// the baseline valid, while changing the offending attribute (to another failing value)
/// makes the finding new. `file` is relative to the baseline's directory, for people.
///
/// A Checkov baseline (`checkov --create-baseline`: `failed_checks` by file, with the
/// resource and its `check_ids`) is read too: a finding matches when its resource and file
/// match and one of the check IDs names the check or a Checkov alias of it.
public enum Baseline {
    /// The format version written in `airlock_baseline`.
    public static let version = 1

    /// Writes the failed findings to `path` (atomically). Paths in the file are relative to
    /// `root`, or to the baseline's own directory when no root is given.
    public static func write(_ findings: [Finding], to path: String, root: String? = nil) throws {
        let base = root.map(absolute) ?? (absolute(path) as NSString).deletingLastPathComponent
        var sources = SourceCache()
        var entries: [[String: String]] = []
        for f in findings where f.status == .failed {
            entries.append([
                "check": f.check.id,
                "resource": f.resource,
                "file": f.file.map { relative(absolute($0), to: base) } ?? "",
                "path": f.path,
                "fingerprint": fingerprint(f, sources: &sources),
            ])
        }
        let keys = ["check", "resource", "file", "path", "fingerprint"]
        entries.sort { a, b in
            for k in ["file", "resource", "check", "path", "fingerprint"] where a[k] != b[k] { return a[k]! < b[k]! }
            return false
        }
        var seen = Set<String>()
        entries = entries.filter { seen.insert($0["fingerprint"]!).inserted }
        let document = JSONValue.object([
            ("airlock_baseline", .number(String(version))),
            ("findings", .array(entries.map { e in .object(keys.map { ($0, .string(e[$0]!)) }) })),
        ])
        try Data((document.prettyText + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Marks the failed findings recorded in the baseline at `baselinePath` as suppressed
    /// (source `baseline`); the rest are returned unchanged. Throws `BaselineError` for a
    /// file that cannot be read or is not a baseline, with the line and column at fault.
    public static func apply(_ findings: [Finding], baselinePath: String) throws -> [Finding] {
        let recorded = try read(baselinePath)
        var sources = SourceCache()
        var out = findings
        for i in out.indices where out[i].status == .failed {
            let f = out[i]
            let matched: Bool
            switch recorded {
            case .airlock(let fingerprints):
                matched = fingerprints.contains(fingerprint(f, sources: &sources))
            case .checkov(let entries):
                matched = entries.contains { e in
                    e.resource == f.resource && e.checkIDs.contains { id in ([f.check.id] + f.check.aliases).contains(id) }
                        && (e.file.isEmpty || (f.file.map { absolute($0).hasSuffix("/" + e.file) || $0 == e.file } ?? false))
                }
            }
            if matched {
                out[i].status = .suppressed
                out[i].suppression = Suppression(
                    id: f.check.id, reason: "Recorded in the baseline \((baselinePath as NSString).lastPathComponent).", source: "baseline")
            }
        }
        return out
    }

    // MARK: Reading

    enum Recorded {
        case airlock(Set<String>)
        case checkov([(file: String, resource: String, checkIDs: [String])])
    }

    static func read(_ path: String) throws -> Recorded {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(path: path, summary: "Cannot read the baseline", detail: "\(path) could not be read.", line: nil, column: nil)
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse([UInt8](data))
        } catch {
            throw BaselineError(
                path: path, summary: "The baseline is not valid JSON", detail: "\(error.message). Recreate it with --create-baseline.",
                line: error.line, column: error.column)
        }
        if json["airlock_baseline"] != nil {
            guard json["airlock_baseline"] == .number(String(version)) else {
                throw BaselineError(path: path, summary: "Unsupported baseline version",
                                    detail: "This Airlock reads baseline version \(version); recreate the baseline with --create-baseline.", line: nil, column: nil)
            }
            guard let items = json["findings"]?.arrayValue else {
                throw BaselineError(path: path, summary: "The baseline has no findings list",
                                    detail: "A baseline holds a \"findings\" array; recreate it with --create-baseline.", line: nil, column: nil)
            }
            var fingerprints = Set<String>()
            for (n, item) in items.enumerated() {
                guard let fp = item["fingerprint"]?.stringValue, fp.hasPrefix("sha256:") else {
                    throw BaselineError(path: path, summary: "A baseline entry has no fingerprint",
                                        detail: "Entry \(n + 1) of \"findings\" has no \"fingerprint\"; recreate the baseline with --create-baseline.", line: nil, column: nil)
                }
                fingerprints.insert(fp)
            }
            return .airlock(fingerprints)
        }
        if let files = json["failed_checks"]?.arrayValue {
            var entries: [(file: String, resource: String, checkIDs: [String])] = []
            for file in files {
                let name = String((file["file"]?.stringValue ?? "").drop { $0 == "/" })
                for finding in file["findings"]?.arrayValue ?? [] {
                    guard let resource = finding["resource"]?.stringValue else { continue }
                    let ids = (finding["check_ids"]?.arrayValue ?? []).compactMap(\.stringValue)
                    entries.append((name, resource, ids))
                }
            }
            return .checkov(entries)
        }
        throw BaselineError(path: path, summary: "Not a baseline file",
                            detail: "The file has neither \"airlock_baseline\" (Airlock) nor \"failed_checks\" (Checkov). Create one with --create-baseline.",
                            line: 1, column: 1)
    }

    // MARK: Fingerprints

    /// `sha256:` and the hash of what identifies the finding, without line numbers.
    static func fingerprint(_ f: Finding, sources: inout SourceCache) -> String {
        var text = ""
        if let file = f.file, let range = f.range, !range.isEmpty, let bytes = sources.bytes(of: file),
            range.start.byte < range.end.byte, range.end.byte <= bytes.count
        {
            // Without any whitespace: `terraform fmt` realigning `=` signs changes nothing.
            text = String(decoding: bytes[range.start.byte..<range.end.byte].filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        }
        var message: [UInt8] = []
        for part in [f.check.id, f.resource, f.path, text] {
            message += Array(part.utf8)
            message.append(0)
        }
        return "sha256:" + SHA256Hash.hex(message)
    }

    /// File contents read once per run.
    struct SourceCache {
        private var files: [String: [UInt8]?] = [:]

        mutating func bytes(of path: String) -> [UInt8]? {
            if let cached = files[path] { return cached }
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            files[path] = bytes
            return bytes
        }
    }

    // MARK: Paths

    private static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// `path` relative to the directory `base` (with `..` where it lies outside).
    static func relative(_ path: String, to base: String) -> String {
        let p = path.split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < p.count, common < b.count, p[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        return (up + p[common...].map(String.init)).joined(separator: "/")
    }
}

/// A baseline that cannot be used, with where in the file the problem is.
public struct BaselineError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var summary: String
    public var detail: String
    public var line: Int?
    public var column: Int?

    /// The problem as a diagnostic (code POL004), for the usual error rendering.
    public var diagnostic: Diagnostic {
        let subject = line.map { l in
            let pos = SourcePos(line: l, column: column ?? 1, byte: 0)
            return SourceRange(start: pos, end: pos)
        }
        return Diagnostic(code: .invalidBaseline, summary: summary, detail: detail, subject: subject, file: path)
    }

    public var description: String {
        let place = line.map { ":\($0):\(column ?? 1)" } ?? ""
        return "\(path)\(place): \(summary) [\(DiagnosticCode.invalidBaseline.rawValue)]: \(detail)"
    }
}
