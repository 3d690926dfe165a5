import Foundation
import Yams

extension GateConfiguration {
    /// The file names `load` looks for, in order of preference.
    public static let fileNames = ["airlock.yaml", ".airlock.yaml"]

    /// Reads airlock.yaml text. Returns the configuration (nil when there are errors) and
    /// every problem found (errors and warnings), never throws, never crashes on any input.
    ///
    /// Sections the file leaves out keep their defaults (`GateConfiguration.defaults`), so a
    /// file with only `actors:` still has the default environments and rules. The schema
    /// is documented in docs/airlock-yaml.md. Diagnostics come sorted by line and column.
    public static func parse(_ text: String, path: String) -> (configuration: GateConfiguration?, diagnostics: [ConfigurationDiagnostic]) {
        var reader = ConfigurationReader(path: path, text: text)
        let configuration = reader.read()
        let diagnostics = reader.sortedDiagnostics
        return (diagnostics.containsErrors ? nil : configuration, diagnostics)
    }

    /// Looks for airlock.yaml (then .airlock.yaml) in `directory` and its parents up to the
    /// git root (a directory containing .git) or filesystem root; returns the defaults (path
    /// nil) when none exists.
    ///
    /// `text` is the file's content when one was found and read, for callers that digest or
    /// quote it.
    public static func load(searchingFrom directory: String) -> (configuration: GateConfiguration?, diagnostics: [ConfigurationDiagnostic], text: String?) {
        guard let path = find(searchingFrom: directory) else { return (.defaults, [], nil) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            let diagnostic = ConfigurationDiagnostic(
                severity: .error, code: ConfigurationDiagnostic.Code.unreadableFile.rawValue, path: path, line: 1, column: 1,
                summary: "The configuration file cannot be read as UTF-8 text",
                detail: "\(path) exists but could not be read, or is not UTF-8. The gate will not fall back to the defaults while a configuration it cannot read is present: fix the file's permissions or encoding, or remove it.")
            return (nil, [diagnostic], nil)
        }
        let (configuration, diagnostics) = parse(text, path: path)
        return (configuration, diagnostics, text)
    }

    /// The configuration file that applies to `directory`: the nearest one in it or a parent,
    /// stopping at the git root so a repository never picks up a file from outside itself.
    static func find(searchingFrom directory: String) -> String? {
        let files = FileManager.default
        var current = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        while true {
            for name in fileNames {
                let candidate = current.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                if files.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue { return candidate }
            }
            // `.git` is a directory in a clone and a file in a worktree or submodule.
            if files.fileExists(atPath: current.appendingPathComponent(".git").path) { return nil }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}

/// Reads `airlock.yaml` into a `GateConfiguration`, collecting every problem on the way.
///
/// It never stops at the first problem: a bad value is reported and left out, and reading
/// goes on, so one run shows the author everything to fix. References between sections
/// (environment names in rules and limits, sensitive categories) are checked at the end,
/// when every section is known.
struct ConfigurationReader {
    typealias Code = ConfigurationDiagnostic.Code

    let path: String
    let text: String
    private(set) var diagnostics: [ConfigurationDiagnostic] = []
    /// Environment names used by limits (`fromLimits`), rules and escalations.
    var environmentReferences: [(name: String, node: Node, fromLimits: Bool)] = []
    /// Sensitive category names used by rules and `risk.sensitive_change`.
    var categoryReferences: [(name: String, node: Node)] = []

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// By position, then in the order found (the sort is stable).
    var sortedDiagnostics: [ConfigurationDiagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }

    /// How messages name the document's own mapping.
    static let rootPath = "the top level"

    static let topLevelKeys = [
        "version", "environments", "actors", "risk", "rules", "default_outcome", "approvals", "stateful_types",
        "stateful_types_extra", "sensitive_types", "sensitive_types_extra", "baseline",
    ]

    /// The configuration as read, errors or not (the caller drops it when there are errors).
    mutating func read() -> GateConfiguration? {
        guard let root = compose() else { return nil }
        if case .scalar = root, isNull(root) {
            emptyFile()
            return nil
        }
        guard case .mapping = root else {
            report(.notAMapping, root, "The configuration must be a mapping of sections",
                   "Found \(describe(root)) at the top of the file. airlock.yaml is a mapping with `version: 1` and sections such as `environments:`, `actors:` and `rules:` (docs/airlock-yaml.md).")
            return nil
        }
        let file = Entry(key: nil, value: root, path: Self.rootPath)
        // The version decides how the rest is read, so it is checked before anything else.
        guard version(file) else { return nil }
        guard let top = fields(file, allowed: Self.topLevelKeys) else { return nil }

        let defaults = GateConfiguration.defaults
        var configuration = defaults
        configuration.path = path
        if let entry = top["environments"] { configuration.environments = environments(entry) ?? defaults.environments }
        if let entry = top["actors"] { configuration.actorLimits = actors(entry) }
        if let entry = top["risk"] { configuration.risk = risk(entry) }
        if let entry = top["rules"] { configuration.rules = rules(entry) }
        if let entry = top["default_outcome"], let outcome = choice(entry, of: Outcome.self) { configuration.defaultOutcome = outcome }
        if let entry = top["approvals"] { configuration.approvals = approvals(entry) }
        if let entry = top["stateful_types"] { configuration.statefulTypes = globs(entry) ?? [] }
        if let entry = top["stateful_types_extra"] { configuration.statefulTypes += globs(entry) ?? [] }
        if let entry = top["sensitive_types"] { configuration.sensitiveTypes = sensitiveTypes(entry) }
        if let entry = top["sensitive_types_extra"] {
            for added in sensitiveTypes(entry) {
                if let index = configuration.sensitiveTypes.firstIndex(where: { $0.name == added.name }) {
                    configuration.sensitiveTypes[index].types += added.types
                } else {
                    configuration.sensitiveTypes.append(added)
                }
            }
        }
        if let entry = top["baseline"] { configuration.baseline = string(entry) }

        checkReferences(configuration, top: top)
        return configuration
    }

    // MARK: Composing

    /// The document's root node, or nil when the text is not YAML we can read (reported).
    private mutating func compose() -> Node? {
        if let (line, column) = ConfigurationPrescan.excessiveNesting(in: text) {
            report(.nestingTooDeep, line: line, column: column, "The file nests deeper than Airlock reads",
                   "Collections here are nested (or indented) more than \(ConfigurationPrescan.depthLimit) levels deep; airlock.yaml needs five at most. Airlock stops here rather than risk running out of stack: check the file is the configuration you meant, and that brackets are closed.")
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                emptyFile()
                return nil
            }
            return root
        } catch let error as YamlError {
            yamlError(error)
        } catch {
            report(.invalidYAML, line: 1, column: 1, "The file is not valid YAML", "\(error)")
        }
        return nil
    }

    private mutating func emptyFile() {
        report(.emptyFile, line: 1, column: 1, "The configuration file is empty",
               "The file has no settings, so nothing says which schema it follows. The smallest valid file is the single line `version: 1`, which keeps every default; delete the file to use the defaults without one.")
    }

    private mutating func yamlError(_ error: YamlError) {
        let problem: String, line: Int, column: Int
        var context = ""
        switch error {
        case .scanner(let c, let p, let mark, _), .parser(let c, let p, let mark, _), .composer(let c, let p, let mark, _):
            problem = p
            (line, column) = (mark.line, mark.column)
            // libyaml's context comes first: "while parsing a block mapping at line 1,
            // column 1, did not find expected key".
            if let c { context = "\(c.text) at line \(c.mark.line), column \(c.mark.column), " }
        case .reader(let p, let offset, _, _):
            problem = p
            (line, column) = position(ofUTF8Offset: offset ?? 0)
        default:
            problem = "\(error)"
            (line, column) = (1, 1)
        }
        // libyaml reports a tab in indentation as a character that cannot start a token, or
        // as a plain scalar that violates indentation: say what it really is.
        if let tab = ConfigurationPrescan.leadingTab(in: text, line: line) {
            report(.tabIndentation, line: line, column: tab, "A tab in indentation",
                   "Line \(line) is indented with a tab. YAML allows only spaces for indentation, because a tab's width is not defined; replace the tab with spaces.")
            return
        }
        report(.invalidYAML, line: line, column: column, "The file is not valid YAML",
               "YAML syntax: \(context)\(problem). Check the indentation and quoting around this position; airlock.yaml is plain YAML 1.1 with spaces for indentation.")
    }

    /// Line and column (in Unicode scalars, as libyaml counts) of a UTF-8 byte offset.
    private func position(ofUTF8Offset offset: Int) -> (Int, Int) {
        var line = 1, column = 1, bytes = 0
        for scalar in text.unicodeScalars {
            if bytes >= offset { break }
            bytes += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    // MARK: Version

    /// Whether the file's version is one this Airlock reads; without a readable version
    /// the rest is still checked, with an unknown one it is not (a newer schema's keys
    /// would only show as noise).
    private mutating func version(_ file: Entry) -> Bool {
        let supported = GateConfiguration.schemaVersion
        guard let (key, value) = file.value.mapping?.first(where: { $0.key.scalar?.string == "version" }) else {
            report(.missingVersion, file.value, "The file has no version",
                   "Add `version: \(supported)` at the top of the file. The version says which schema the file follows, so a future Airlock can read it or refuse it clearly rather than misread it.")
            return true
        }
        let entry = Entry(key: key, value: value, path: "version")
        guard let number = integer(entry) else { return true }
        if number != supported {
            report(.unsupportedVersion, entry.value, "Unsupported configuration version \(number)",
                   "This Airlock reads `version: \(supported)` only. A file written for another version would be misread, so it is not read at all: write `version: \(supported)` and the schema of docs/airlock-yaml.md, or use the Airlock the file was written for.")
            return false
        }
        return true
    }

    // MARK: Cross-section checks

    /// Environment and category names used anywhere must exist once every section is read.
    private mutating func checkReferences(_ configuration: GateConfiguration, top: Fields) {
        let declared = Set(configuration.environments.map(\.name))
        let defaultNames = GateConfiguration.defaults.environments.map(\.name)
        let known = declared.union(defaultNames)
        let listed = (configuration.environments.map(\.name) + defaultNames.filter { !declared.contains($0) }).joined(separator: ", ")
        for reference in environmentReferences where !declared.contains(reference.name) {
            let suggestion = didYouMean(reference.name, among: Array(known))
            if known.contains(reference.name) {
                // A default name the file's own `environments:` dropped: legal, but it
                // never matches a plan.
                report(.unknownEnvironmentReference, reference.node, "Environment \"\(reference.name)\" is not declared in this file",
                       "\"\(reference.name)\" is one of the default environments, but this file's `environments:` replaces the defaults and declares only \(declared.isEmpty ? "none" : configuration.environments.map(\.name).joined(separator: ", ")); no plan will be recognised as \"\(reference.name)\". Declare it, or use a declared name.")
            } else if reference.fromLimits {
                report(.undeclaredEnvironment, reference.node, "Unknown environment \"\(reference.name)\"",
                       "Actor limits may name only declared environments (\(listed)); \"\(reference.name)\" is none of them, so the limit could never be met and every plan would breach it.\(suggestion) Declare it under `environments:` or fix the name.")
            } else {
                report(.unknownEnvironmentReference, reference.node, "Unknown environment \"\(reference.name)\"",
                       "No environment \"\(reference.name)\" is declared (\(listed)), so this condition never holds.\(suggestion) Declare it under `environments:` or fix the name.")
            }
        }
        // A file that declares its own environments but keeps the default rules or risk
        // escalations silently disarms them when it drops the names they use.
        if let environmentsEntry = top["environments"], case .mapping = environmentsEntry.value {
            var inherited: [String] = []
            if top["rules"] == nil { inherited += configuration.rules.flatMap { $0.when.environments ?? [] } }
            if top["risk"]?.value.mapping?["escalations"] == nil {
                inherited += configuration.risk.escalations.flatMap { $0.environments ?? [] }
            }
            var seen: Set<String> = []
            for name in inherited where !declared.contains(name) && seen.insert(name).inserted {
                report(.unknownEnvironmentReference, environmentsEntry.key ?? environmentsEntry.value,
                       "The default rules use environment \"\(name)\", which this file does not declare",
                       "The file replaces the default environments, but keeps the default rules and risk escalations, which name \"\(name)\"; they will never apply. Declare an environment named \"\(name)\", or write your own `rules:` and `risk.escalations:`.")
            }
        }
        let categories = Set(configuration.sensitiveTypes.map(\.name))
        for reference in categoryReferences where !categories.contains(reference.name) {
            let names = configuration.sensitiveTypes.map(\.name)
            report(.unknownSensitiveCategory, reference.node, "Unknown sensitive category \"\(reference.name)\"",
                   "No `sensitive_types` category is named \"\(reference.name)\" (the categories are \(names.isEmpty ? "none" : names.joined(separator: ", "))), so it never applies.\(didYouMean(reference.name, among: names)) Fix the name or add the category under `sensitive_types_extra:`.")
        }
    }

    // MARK: Reporting

    mutating func report(_ code: Code, _ node: Node?, _ summary: String, _ detail: String) {
        let mark = node?.mark
        report(code, line: mark?.line ?? 1, column: mark?.column ?? 1, summary, detail)
    }

    mutating func report(_ code: Code, line: Int, column: Int, _ summary: String, _ detail: String) {
        diagnostics.append(ConfigurationDiagnostic(
            severity: code.severity, code: code.rawValue, path: path, line: line, column: column, summary: summary, detail: detail))
    }
}
