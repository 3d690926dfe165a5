import Foundation
import HCL

/// Checkov-format YAML policies from a directory (`--policy-dir`).
///
/// Every `.yaml`, `.yml` and `.json` file under the directory (recursively, as Checkov's
/// `--external-checks-dir` reads it) is one policy; files are read in path order so the
/// checks and their diagnostics come out the same on every machine.
public enum CustomPolicies {
    /// The checks defined by every `.yaml`/`.yml`/`.json` file of `directory`; a malformed
    /// file is a diagnostic naming the file and line.
    public static func load(directory: String) -> (checks: [Check], diagnostics: [Diagnostic]) {
        load(directories: [directory])
    }

    /// The checks of several directories at once, so that an ID used twice across them is
    /// reported. A custom ID may not reuse a built-in check's ID or Checkov alias either:
    /// suppressions and baselines name checks by ID, and one name must mean one check.
    public static func load(directories: [String], reserved: [CheckMetadata]? = nil) -> (checks: [Check], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var policies: [CheckovPolicy] = []
        for directory in directories {
            let files = policyFiles(in: directory)
            if files.isEmpty {
                diagnostics.append(Diagnostic(
                    severity: .warning, code: .invalidPolicyFile, summary: "No policy files in \(directory)",
                    detail: "Custom policies are read from .yaml, .yml and .json files; \(directory) has none.",
                    subject: nil, file: directory))
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    diagnostics.append(Diagnostic(
                        code: .invalidPolicyFile, summary: "Cannot read the policy file", detail: "\(file) could not be read.",
                        subject: nil, file: file))
                    continue
                }
                var parser = CheckovPolicyParser(path: file, source: [UInt8](data))
                let policy = parser.parse()
                diagnostics += parser.diagnostics
                if let policy { policies.append(policy) }
            }
        }
        var taken: [String: String] = [:]
        for m in reserved ?? (Catalog.all.map(\.metadata) + Catalog.moduleChecks.map(\.metadata)) {
            for name in [m.id] + m.aliases { taken[name.uppercased()] = "the built-in check \(m.id)" }
        }
        var checks: [Check] = []
        for policy in policies {
            if let owner = taken[policy.id.uppercased()] {
                diagnostics.append(Diagnostic(
                    code: .invalidPolicyFile, summary: "Policy ID \(policy.id) is already taken",
                    detail: "\(policy.id) already names \(owner). Give the custom policy an ID of its own (such as CKV2_CUSTOM_1), so that suppressions and baselines name one check.",
                    subject: idRange(in: policy.file), file: policy.file))
                continue
            }
            taken[policy.id.uppercased()] = "the custom policy in \(policy.file)"
            checks.append(policy.check)
        }
        return (checks, diagnostics)
    }

    /// The policy files under `directory`, sorted by path.
    static func policyFiles(in directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator {
            let ext = url.pathExtension.lowercased()
            guard ext == "yaml" || ext == "yml" || ext == "json" else { continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files.append(url.path)
        }
        return files.sorted()
    }

    /// Where `id:` is written in a policy file, for the duplicate-ID diagnostic.
    private static func idRange(in file: String) -> SourceRange? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        var line = 1, lineStart = 0
        let bytes = [UInt8](data)
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                let text = String(decoding: bytes[lineStart..<i], as: UTF8.self)
                let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\"" }
                if trimmed.hasPrefix("id:") || trimmed.hasPrefix("id\":") {
                    let column = text.count - trimmed.count + 1
                    let start = SourcePos(line: line, column: column, byte: lineStart + column - 1)
                    return SourceRange(start: start, end: SourcePos(line: line, column: text.count + 1, byte: i))
                }
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return nil
    }
}
