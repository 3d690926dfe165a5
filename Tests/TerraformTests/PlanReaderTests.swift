import Foundation
import HCL
import Terraform
import Testing

/// A JSON file written by Terraform, found in the repository or in Debian's terraform-json package.
struct TerraformFixture: CustomTestStringConvertible, Sendable {
    /// Where it is, relative to the repository (or absolute for the Debian package).
    var path: String
    var testDescription: String { path }

    var absolutePath: String { path.hasPrefix("/") ? path : Repository.path(path) }

    func bytes() throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: absolutePath])
        }
        return [UInt8](data)
    }

    func json() throws -> JSONValue { try JSONParser.parse(try bytes()) }

    static let casesDirectory = "Tests/TerraformTests/Cases/plans"
    /// HashiCorp's own fixtures, as Debian installs them (`golang-github-hashicorp-terraform-json-dev`).
    static let debianDirectory = "/usr/share/gocode/src/github.com/hashicorp/terraform-json/testdata"
    static var debianAvailable: Bool { FileManager.default.fileExists(atPath: debianDirectory) }
    static let debianMissing = "HashiCorp's terraform-json fixtures are not installed (\(debianDirectory)); "
        + "run `apt-get install -y golang-github-hashicorp-terraform-json-dev` (scripts/build-hclref.sh does)"

    /// Every file under the case directory (recursively, leaving out configuration inputs) whose name matches.
    static func inCases(_ matches: (String) -> Bool) -> [TerraformFixture] {
        let base = Repository.path(casesDirectory)
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [TerraformFixture] = []
        for case let relative as String in walker {
            let name = (relative as NSString).lastPathComponent
            if relative.contains("/steps/") || relative.hasPrefix("steps/") || relative.contains(".terraform/") { continue }
            if matches(name) { out.append(TerraformFixture(path: "\(casesDirectory)/\(relative)")) }
        }
        return out.sorted { $0.path < $1.path }
    }

    static func inDebian(_ matches: (String) -> Bool) -> [TerraformFixture] {
        guard let walker = FileManager.default.enumerator(atPath: debianDirectory) else { return [] }
        var out: [TerraformFixture] = []
        for case let relative as String in walker where matches((relative as NSString).lastPathComponent) {
            out.append(TerraformFixture(path: "\(debianDirectory)/\(relative)"))
        }
        return out.sorted { $0.path < $1.path }
    }

    static func isPlan(_ name: String) -> Bool { name == "plan.json" || name.hasSuffix(".plan.json") }

    static let plans = inCases(isPlan)
    static let debianPlans = inDebian(isPlan)
    /// The evaluation corpus: AWS plans made by Terraform 1.11.4 (`scripts/gen-eval-oracle.sh`).
    static let evalPlans: [TerraformFixture] = Repository.list("Tests/Corpus/eval").compactMap { dir in
        let path = "Tests/Corpus/eval/\(dir)/plan.json"
        return FileManager.default.fileExists(atPath: Repository.path(path)) ? TerraformFixture(path: path) : nil
    }

    static func named(_ relative: String) -> TerraformFixture { TerraformFixture(path: "\(casesDirectory)/\(relative)") }
}

// MARK: - Walking values and trees

/// One step of a path written as JSON (`"tags"`, `0`), as Terraform's trees are written.
enum ValueStep: Hashable, CustomStringConvertible, Sendable {
    case key(String)
    case index(Int)

    var description: String {
        switch self {
        case .key(let k): return ".\(k)"
        case .index(let i): return "[\(i)]"
        }
    }

    /// `input.tags.Build`, `input.secrets[0]`, `tags["a.b"]`.
    static func parse(_ path: String) -> [ValueStep] {
        var out: [ValueStep] = []
        var s = Substring(path)
        while !s.isEmpty {
            if s.hasPrefix(".") { s = s.dropFirst() }
            if s.hasPrefix("[\"") {
                let end = s.range(of: "\"]")!
                out.append(.key(String(s[s.index(s.startIndex, offsetBy: 2)..<end.lowerBound])))
                s = s[end.upperBound...]
            } else if s.hasPrefix("[") {
                let end = s.firstIndex(of: "]")!
                out.append(.index(Int(s[s.index(after: s.startIndex)..<end])!))
                s = s[s.index(after: end)...]
            } else {
                let end = s.firstIndex { $0 == "." || $0 == "[" } ?? s.endIndex
                out.append(.key(String(s[..<end])))
                s = s[end...]
            }
        }
        return out
    }
}

extension Value {
    /// The value at `steps`, or the first unknown value on the way; nil when the path leads nowhere.
    /// `sensitiveOnTheWay` tells whether any value passed (the result included) is marked sensitive.
    func walk(_ steps: [ValueStep]) -> (value: Value, sensitiveOnTheWay: Bool)? {
        var v = self
        var sensitive = v.isSensitive
        for step in steps {
            if !v.isKnown { return (v, sensitive) }
            switch step {
            case .key(let k):
                guard let next = v.attributes?[k] else { return nil }
                v = next
            case .index(let i):
                guard let es = v.elements, es.indices.contains(i) else { return nil }
                v = es[i]
            }
            sensitive = sensitive || v.isSensitive
        }
        return (v, sensitive)
    }

    func at(_ path: String) -> Value? { walk(ValueStep.parse(path))?.value }
}

/// The paths of every `true` leaf of an `after_unknown` / `*_sensitive` tree.
func trueLeaves(_ tree: JSONValue, _ prefix: [ValueStep] = []) -> [[ValueStep]] {
    switch tree {
    case .bool(true): return [prefix]
    case .object(let members): return members.flatMap { trueLeaves($0.1, prefix + [.key($0.0)]) }
    case .array(let es): return es.enumerated().flatMap { trueLeaves($0.element, prefix + [.index($0.offset)]) }
    case .null, .bool(false), .number, .string: return []
    }
}

/// JSON with object members sorted and null members dropped: planned values leave unknown
/// members out where `Value.jsonValue` writes null, so both are compared in this form.
func normalizedJSON(_ j: JSONValue) -> JSONValue {
    switch j {
    case .object(let members):
        var last: [String: JSONValue] = [:]
        for (k, v) in members { last[k] = v }
        return .object(last.keys.sorted().compactMap { k in last[k]!.isNull ? nil : (k, normalizedJSON(last[k]!)) })
    case .array(let es): return .array(es.map(normalizedJSON))
    case .number(let n): return .number(Number(parsing: n)?.description ?? n)
    case .null, .bool, .string: return j
    }
}

func describePaths(_ list: [[ValueStep]]) -> String { list.prefix(5).map { $0.map(\.description).joined() }.joined(separator: ", ") }

/// Reads a document that must fail, and returns the error (nil if it read, or failed otherwise).
func documentError(_ read: () throws -> Void) -> TerraformDocumentError? {
    do {
        try read()
        return nil
    } catch let error as TerraformDocumentError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

// MARK: - Tests

@Suite struct PlanReaderTests {
    // MARK: Every fixture, against the JSON it came from

    static let allPlans = TerraformFixture.plans + TerraformFixture.evalPlans

    @Test func fixturesArePresent() {
        #expect(TerraformFixture.plans.count >= 12, "plans in \(TerraformFixture.casesDirectory)")
        #expect(TerraformFixture.plans.contains { $0.path.hasSuffix("lifecycle/plan.json") })
    }

    @Test(arguments: allPlans)
    func planMatchesItsJSON(_ fixture: TerraformFixture) throws {
        try checkPlan(fixture)
    }

    @Test(
        .enabled(if: TerraformFixture.debianAvailable || Repository.inCI, "\(TerraformFixture.debianMissing)"),
        arguments: TerraformFixture.debianPlans)
    func hashicorpPlanMatchesItsJSON(_ fixture: TerraformFixture) throws {
        try checkPlan(fixture)
    }

    /// HashiCorp's installed fixtures: required in CI, a visible note elsewhere.
    @Test func hashicorpFixturesInstalled() {
        if TerraformFixture.debianAvailable {
            #expect(TerraformFixture.debianPlans.count >= 10)
        } else if Repository.inCI {
            Issue.record("\(TerraformFixture.debianMissing). CI must have them.")
        } else {
            print("note: skipping HashiCorp's installed plan and state fixtures: \(TerraformFixture.debianMissing)")
        }
    }

    /// The evaluation corpus (44 AWS plans when complete) reads without error and keeps
    /// every planned address and every unknown.
    @Test func evalCorpusReads() throws {
        let fixtures = TerraformFixture.evalPlans
        try #require(!fixtures.isEmpty, "no Tests/Corpus/eval/*/plan.json")
        for f in fixtures {
            let plan = try PlanReader.read(path: f.absolutePath)
            #expect(!plan.changes.isEmpty, "\(f.path) has no resource_changes")
        }
    }

    /// The invariants every real plan must satisfy, checked against the raw JSON.
    func checkPlan(_ fixture: TerraformFixture) throws {
        let json = try fixture.json()
        let plan = try PlanReader.read(path: fixture.absolutePath)
        #expect(plan.formatVersion.description == json["format_version"]?.stringValue)
        #expect(plan.terraformVersion == json["terraform_version"]?.stringValue)

        // Changes: the same entries, in order.
        let rawChanges = json["resource_changes"]?.arrayValue ?? []
        #expect(plan.changes.map(\.address) == rawChanges.map { $0["address"]?.stringValue ?? "?" })
        #expect(plan.drift.count == (json["resource_drift"]?.arrayValue ?? []).count)

        // Planned instances: every planned_values resource, and each keeps its address.
        var planned: [(address: String, values: JSONValue?, sensitive: JSONValue?)] = []
        func collect(_ module: JSONValue?) {
            for r in module?["resources"]?.arrayValue ?? [] {
                planned.append((r["address"]?.stringValue ?? "?", r["values"], r["sensitive_values"]))
            }
            for c in module?["child_modules"]?.arrayValue ?? [] { collect(c) }
        }
        collect(json["planned_values"]?["root_module"])
        // Then instances taken from changes that planned_values left out (Terraform 0.12).
        try #require(plan.resourceInstances.count >= planned.count, "planned instance count")
        let fromChanges = plan.resourceInstances.dropFirst(planned.count)
        #expect(fromChanges.isEmpty || plan.formatVersion.major == 0, "\(fromChanges.map(\.address)) not in planned_values")
        for (instance, raw) in zip(plan.resourceInstances, planned) {
            let parsed = try Address.parseInstance(raw.address)
            #expect(instance.module == parsed.module && instance.mode == parsed.mode && instance.type == parsed.type
                && instance.name == parsed.name && instance.key == parsed.key, "\(raw.address)")
            #expect(instance.origin == .plan(path: fixture.absolutePath))
        }

        // Every change that leaves an object behind (not a delete, forget or deposed object)
        // has its planned instance; data sources read while planning have no change.
        let instancesByAddress = Dictionary(
            plan.resourceInstances.map { (Address.instance(module: $0.module, mode: $0.mode, type: $0.type, name: $0.name, key: $0.key), $0) },
            uniquingKeysWith: { a, _ in a })
        var rawAddresses = Dictionary(zip(planned.map(\.address), plan.resourceInstances), uniquingKeysWith: { a, _ in a })
        for instance in fromChanges { rawAddresses[instance.address] = instance }
        for (entry, raw) in zip(plan.changeEntries, rawChanges) where entry.deposed == nil {
            // Terraform keeps a forgotten object in planned_values: it lives on, unmanaged.
            guard entry.change.actions != [.delete] else {
                #expect(rawAddresses[entry.address] == nil, "\(entry.address) is \(entry.change.actions) but planned")
                continue
            }
            guard let instance = rawAddresses[entry.address] else {
                Issue.record("\(fixture.path): \(entry.address) (\(entry.change.actions)) has no planned instance")
                continue
            }
            #expect(instancesByAddress[instance.address] != nil)
            // Every after_unknown leaf is unknown in the planned instance and in the change.
            let unknownLeaves = trueLeaves(raw["change"]?["after_unknown"] ?? .null)
            let knownInInstance = unknownLeaves.filter { instance.values.walk($0)?.value.isKnown ?? true }
            #expect(knownInInstance.isEmpty, "\(entry.address): after_unknown leaves not unknown: \(describePaths(knownInInstance))")
            if !unknownLeaves.isEmpty {
                let after = try #require(entry.change.after, "\(entry.address) has after_unknown but no after")
                let knownInChange = unknownLeaves.filter { after.walk($0)?.value.isKnown ?? true }
                #expect(knownInChange.isEmpty, "\(entry.address): change.after leaves not unknown: \(describePaths(knownInChange))")
            }
            // Every after_sensitive leaf that has a value is marked.
            for tree in [raw["change"]?["after_sensitive"]] {
                let notMarked = trueLeaves(tree ?? .null).filter { path in
                    guard let found = entry.change.after?.walk(path) else { return false }
                    return !found.sensitiveOnTheWay
                }
                #expect(notMarked.isEmpty, "\(entry.address): after_sensitive leaves not marked: \(describePaths(notMarked))")
            }
        }

        // Known parts equal the JSON exactly (numbers included); sensitive_values are marked.
        for (instance, raw) in zip(plan.resourceInstances, planned) {
            let expected = normalizedJSON(raw.values ?? .object([]))
            #expect(normalizedJSON(instance.values.jsonValue) == expected, "values of \(raw.address)")
            let notMarked = trueLeaves(raw.sensitive ?? .null).filter { instance.values.walk($0).map { !$0.sensitiveOnTheWay } ?? false }
            #expect(notMarked.isEmpty, "\(raw.address): sensitive_values not marked: \(describePaths(notMarked))")
        }

        // Before values equal the JSON; outputs are all read.
        for (entry, raw) in zip(plan.changeEntries, rawChanges) {
            if let before = raw["change"]?["before"], !before.isNull {
                #expect(entry.change.before.map { normalizedJSON($0.jsonValue) } == normalizedJSON(before), "before of \(entry.address)")
            }
        }
        #expect(plan.outputChanges.map(\.name) == (json["output_changes"]?.objectMembers ?? []).map(\.0).sorted())
        #expect(plan.plannedOutputs.map(\.name) == (json["planned_values"]?["outputs"]?.objectMembers ?? []).map(\.0).sorted())
        #expect(plan.priorState == nil || json["prior_state"] != nil)
    }

    // MARK: What the fixtures made by Terraform 1.11.4 say

    struct ChangeCase: CustomTestStringConvertible, Sendable {
        var fixture: String
        var address: String
        var actions: [ResourceChange.Action]
        var reason: String?
        var previous: String? = nil
        var replacePaths: [String] = []
        var deposed: Bool = false
        var importID: String? = nil
        var testDescription: String { "\(fixture) \(address)\(deposed ? " (deposed)" : "")" }
    }

    static let changeCases: [ChangeCase] = [
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.upd", actions: [.update], reason: nil),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.keep", actions: [.noOp], reason: nil),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.cbd", actions: [.create, .delete],
              reason: "replace_because_cannot_update", replacePaths: ["triggers_replace"]),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.tainted", actions: [.delete, .create], reason: "replace_because_tainted"),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.requested", actions: [.delete, .create], reason: "replace_by_request"),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.triggered", actions: [.delete, .create], reason: "replace_by_triggers"),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.gone", actions: [.delete], reason: "delete_because_no_resource_config"),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.counted[2]", actions: [.delete], reason: "delete_because_count_index"),
        .init(fixture: "lifecycle/plan.json", address: #"terraform_data.each["b"]"#, actions: [.delete], reason: "delete_because_each_key"),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.forgotten", actions: [.forget], reason: "delete_because_no_resource_config"),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.new_name", actions: [.noOp], reason: nil, previous: "terraform_data.old_name"),
        .init(fixture: "lifecycle/plan.json", address: #"terraform_data.each["new"]"#, actions: [.create], reason: nil),
        .init(fixture: "lifecycle/plan.json", address: #"module.svc["k\"2"].terraform_data.inner[2]"#, actions: [.create], reason: nil),
        .init(fixture: "lifecycle/plan.json", address: #"module.svc["k1"].module.leaf[0].terraform_data.leaf"#, actions: [.noOp], reason: nil),
        .init(fixture: "unknown-sensitive/plan.json", address: "data.terraform_remote_state.late", actions: [.read], reason: "read_because_config_unknown"),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", actions: [.create], reason: nil),
        .init(fixture: "modules/plan.json", address: #"module.region["ap-south-1"].module.zone["a"].terraform_data.subnet[0]"#, actions: [.create], reason: nil),
        .init(fixture: "modules/plan.json", address: #"module.region["eu-west-1"].module.zone["b"].terraform_data.subnet[0]"#, actions: [.delete], reason: "delete_because_no_module"),
        .init(fixture: "modules/plan.json", address: #"module.region["eu-west-1"].module.zone["a"].terraform_data.subnet[1]"#, actions: [.create], reason: nil),
        .init(fixture: "modules/plan.json", address: "module.replica[1].module.zone[\"x\"].terraform_data.subnet[0]", actions: [.delete], reason: "delete_because_no_module"),
        .init(fixture: "modules/destroy.plan.json", address: #"module.region["us-east-1"].module.zone["a"].terraform_data.subnet[0]"#, actions: [.delete], reason: nil),
        .init(fixture: "aws-drift/plan.json", address: "aws_s3_bucket.logs", actions: [.delete], reason: nil, deposed: true),
        .init(fixture: "aws-drift/plan.json", address: "aws_s3_bucket.logs", actions: [.noOp], reason: nil),
        .init(fixture: "aws-drift/plan.json", address: "aws_s3_bucket.adopted", actions: [.noOp], reason: nil, importID: "airlock-unmanaged"),
        .init(fixture: "aws-drift/plan.json", address: "aws_iam_role.app", actions: [.update], reason: nil),
        .init(fixture: "aws-drift/plan.json", address: "aws_db_instance.db", actions: [.create], reason: nil),
    ]

    @Test(arguments: changeCases)
    func change(_ c: ChangeCase) throws {
        let plan = try PlanReader.read(path: TerraformFixture.named(c.fixture).absolutePath)
        let entry = try #require(plan.changeEntries.first { $0.address == c.address && ($0.deposed != nil) == c.deposed })
        #expect(entry.change.actions == c.actions)
        #expect(entry.change.actionReason == c.reason)
        #expect(entry.change.previousAddress == c.previous)
        #expect(entry.change.replacePaths == c.replacePaths)
        #expect(entry.change.isReplace == (c.actions.count == 2))
        #expect(entry.importing?.id == c.importID)
        #expect(plan.errored == false && plan.complete == true)
        // A deleted object has no planned instance; a forgotten one keeps it (it lives on, unmanaged).
        let planned = plan.resourceInstances.contains { $0.address == c.address }
        #expect(planned == (c.actions != [.delete] || c.deposed))
    }

    enum Expectation: Sendable, CustomStringConvertible {
        case unknown
        /// Known, with this JSON; `sensitive` says whether it (or something around it) is marked.
        case known(String, sensitive: Bool)
        case absent

        var description: String {
            switch self {
            case .unknown: return "unknown"
            case .known(let j, let s): return "\(j)\(s ? " (sensitive)" : "")"
            case .absent: return "absent"
            }
        }
    }

    struct ValueCase: CustomTestStringConvertible, Sendable {
        var fixture: String
        var address: String
        var path: String
        var expected: Expectation
        /// Where to look: the planned instance, or the change's before or after.
        var side: Side = .planned
        enum Side: Sendable { case planned, before, after, drift }
        var testDescription: String { "\(fixture) \(address) \(path) = \(expected)" }
    }

    static let valueCases: [ValueCase] = [
        // Unknown: a whole computed attribute, members, elements.
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "id", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "output", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.created_at", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.tags.Build", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.tags.Env", expected: .known(#""prod""#, sensitive: false)),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.ports", expected: .known("[80,443]", sensitive: false)),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.nothing", expected: .known("null", sensitive: false)),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.zones", expected: .known(#"["a","b"]"#, sensitive: false)),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.downstream[1]", path: "input", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.partial", path: "input[0]", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.partial", path: "input[1]", expected: .known(#""fixed""#, sensitive: false)),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.partial", path: "input[2].nested", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.partial", path: "input[2].known", expected: .known("1", sensitive: false)),
        .init(fixture: "unknown-sensitive/plan.json", address: "data.terraform_remote_state.late", path: "config.path", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "data.terraform_remote_state.late", path: "outputs", expected: .unknown),
        .init(fixture: "unknown-sensitive/plan.json", address: "data.terraform_remote_state.late", path: "backend", expected: .known(#""local""#, sensitive: false)),
        // Sensitive: a member from a sensitive variable, an element from sensitive().
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.password",
              expected: .known(#""correct horse battery staple""#, sensitive: true)),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.secrets[0]", expected: .known(#""one""#, sensitive: true)),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.secrets[1]", expected: .known(#""two""#, sensitive: false)),
        .init(fixture: "unknown-sensitive/plan.json", address: "terraform_data.app", path: "input.password", expected: .known(#""correct horse battery staple""#, sensitive: true), side: .after),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.upd", path: "input.password", expected: .known(#""hunter2""#, sensitive: true), side: .before),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.upd", path: "input.size", expected: .known("1", sensitive: false), side: .before),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.upd", path: "input.size", expected: .known("2", sensitive: false), side: .after),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.upd", path: "output", expected: .unknown, side: .after),
        .init(fixture: "lifecycle/plan.json", address: #"terraform_data.each["x$${y}"]"#, path: "input", expected: .known(#""x${y}""#, sensitive: false)),
        .init(fixture: "lifecycle/plan.json", address: #"terraform_data.each["we\"ird"]"#, path: "input", expected: .known(#""we\"ird""#, sensitive: false)),
        .init(fixture: "lifecycle/plan.json", address: "terraform_data.gone", path: "input", expected: .known(#""bye""#, sensitive: false), side: .before),
        // Sensitive by the provider's schema; nested blocks as arrays of objects.
        .init(fixture: "aws-drift/plan.json", address: "aws_db_instance.db", path: "password", expected: .known(#""not-a-real-password""#, sensitive: true)),
        .init(fixture: "aws-drift/plan.json", address: "aws_db_instance.db", path: "id", expected: .unknown),
        .init(fixture: "aws-drift/plan.json", address: "aws_db_instance.db", path: "allocated_storage", expected: .known("20", sensitive: false)),
        .init(fixture: "aws-drift/plan.json", address: "aws_security_group.web", path: "ingress[0].cidr_blocks", expected: .known(#"["0.0.0.0/0"]"#, sensitive: false)),
        .init(fixture: "aws-drift/plan.json", address: "aws_iam_role.app", path: "tags.Owner", expected: .known(#""someone-else""#, sensitive: false), side: .before),
        .init(fixture: "aws-drift/plan.json", address: "aws_iam_role.app", path: "tags.Owner", expected: .known(#""airlock""#, sensitive: false), side: .after),
        .init(fixture: "aws-drift/plan.json", address: "aws_iam_role.app", path: "tags.Owner", expected: .known(#""someone-else""#, sensitive: false), side: .drift),
        .init(fixture: "aws-drift/refresh-only.plan.json", address: "aws_iam_role.app", path: "tags.Owner", expected: .known(#""someone-else""#, sensitive: false), side: .drift),
        // Terraform 0.12's plans (format 0.1) leave `values` out for an empty object.
        .init(fixture: "hashicorp/basic/plan.json", address: "null_resource.bar", path: "id", expected: .unknown),
        .init(fixture: "hashicorp/basic/plan.json", address: "null_resource.bar", path: "triggers", expected: .unknown),
        .init(fixture: "hashicorp/basic/plan.json", address: "module.foo.null_resource.foo", path: "triggers.foo", expected: .known(#""bar""#, sensitive: false)),
        .init(fixture: "hashicorp/basic/plan.json", address: "data.null_data_source.baz", path: "inputs.bar_id", expected: .unknown),
        .init(fixture: "hashicorp/basic/plan.json", address: "data.null_data_source.baz", path: "nonexistent", expected: .absent),
    ]

    @Test(arguments: valueCases)
    func value(_ c: ValueCase) throws {
        let plan = try PlanReader.read(path: TerraformFixture.named(c.fixture).absolutePath)
        let root: Value?
        switch c.side {
        case .planned: root = plan.instance(at: c.address)?.values
        case .before: root = plan.changeEntries.first { $0.address == c.address && $0.deposed == nil }?.change.before
        case .after: root = plan.changeEntries.first { $0.address == c.address && $0.deposed == nil }?.change.after
        case .drift: root = plan.drift.first { $0.address == c.address }?.after
        }
        let values = try #require(root, "no \(c.side) value for \(c.address)")
        let found = values.walk(ValueStep.parse(c.path))
        switch c.expected {
        case .absent:
            #expect(found == nil)
        case .unknown:
            let f = try #require(found, "\(c.path) not found")
            #expect(!f.value.isKnown)
        case .known(let json, let sensitive):
            let f = try #require(found, "\(c.path) not found")
            #expect(f.value.isWhollyKnown)
            #expect(normalizedJSON(f.value.jsonValue) == normalizedJSON(try JSONParser.parse(json)))
            #expect(f.sensitiveOnTheWay == sensitive)
        }
    }

    @Test func outputs() throws {
        let plan = try PlanReader.read(path: TerraformFixture.named("unknown-sensitive/plan.json").absolutePath)
        let outputs = Dictionary(uniqueKeysWithValues: plan.plannedOutputs.map { ($0.name, $0) })
        #expect(outputs["app_id"]?.value.isKnown == false)
        #expect(outputs["mixed"]?.value.at("known")?.stringValue == "yes")
        #expect(outputs["mixed"]?.value.at("unknown")?.isKnown == false)
        #expect(outputs["mixed"]?.value.at("list[1]")?.isKnown == false)
        #expect(outputs["mixed"]?.value.at("list[0]")?.numberValue == Number(1))
        #expect(outputs["password"]?.sensitive == true && outputs["password"]?.value.isSensitive == true)
        // Outputs carry their type, so their values are typed exactly.
        #expect(outputs["zones"]?.type == .tuple([.string, .string, .string]))
        #expect(outputs["region"]?.value == .string("eu-west-1"))

        let changes = Dictionary(uniqueKeysWithValues: plan.outputChanges.map { ($0.name, $0) })
        #expect(changes["retired"]?.actions == [.delete] && changes["retired"]?.after == nil)
        #expect(changes["token"]?.actions == [.update] && changes["token"]?.isSensitive == true)
        #expect(changes["app_id"]?.actions == [.create] && changes["app_id"]?.after?.isKnown == false)
        #expect(changes["region"]?.actions == [.noOp])
    }

    @Test func priorStateVariablesAndRelevantAttributes() throws {
        let plan = try PlanReader.read(path: TerraformFixture.named("unknown-sensitive/plan.json").absolutePath)
        // A data source read while planning is only in prior_state.
        #expect(plan.instance(at: "data.terraform_remote_state.self") == nil)
        let prior = try #require(plan.priorState)
        let read = try #require(prior.instance(at: "data.terraform_remote_state.self"))
        #expect(read.values.at("outputs.region")?.stringValue == "eu-west-1")
        #expect(read.origin == .plan(path: plan.path))
        // Terraform writes sensitive variables in clear; the declaration marks them.
        #expect(plan.variables["db_password"]?.stringValue == "correct horse battery staple")
        #expect(plan.variables["db_password"]?.isSensitive == true)

        let lifecycle = try PlanReader.read(path: TerraformFixture.named("lifecycle/plan.json").absolutePath)
        #expect(lifecycle.variables["password"]?.isSensitive == true)
        let refresh = try PlanReader.read(path: TerraformFixture.named("aws-drift/refresh-only.plan.json").absolutePath)
        #expect(refresh.changes.isEmpty && refresh.drift.map(\.address) == ["aws_iam_role.app"])
        let unknown = try PlanReader.read(path: TerraformFixture.named("unknown-sensitive/plan.json").absolutePath)
        #expect(unknown.relevantAttributes.contains(RelevantAttribute(resource: "terraform_data.app", path: "output")))
    }

    @Test func destroyPlanHasNoPlannedInstances() throws {
        let plan = try PlanReader.read(path: TerraformFixture.named("modules/destroy.plan.json").absolutePath)
        #expect(plan.resourceInstances.isEmpty)
        #expect(!plan.changes.isEmpty && plan.changes.allSatisfy { $0.actions == [.delete] })
        #expect(plan.priorState?.resourceInstances.count == plan.changes.count)
    }

    // MARK: Addresses

    struct AddressCase: CustomTestStringConvertible, Sendable {
        var text: String
        var module: [ModuleStep]
        var mode: ResourceInstance.Mode = .managed
        var type: String
        var name: String
        var key: InstanceKey?
        var testDescription: String { text }
    }

    static let addressCases: [AddressCase] = [
        .init(text: "aws_s3_bucket.b", module: [], type: "aws_s3_bucket", name: "b"),
        .init(text: "data.aws_iam_policy_document.p", module: [], mode: .data, type: "aws_iam_policy_document", name: "p"),
        .init(text: #"module.a["x"].module.b[0].aws_s3_bucket.c["k"]"#,
              module: [ModuleStep(name: "a", key: .string("x")), ModuleStep(name: "b", key: .int(0))],
              type: "aws_s3_bucket", name: "c", key: .string("k")),
        .init(text: #"module.m["k\"2"].data.terraform_remote_state.s[3]"#,
              module: [ModuleStep(name: "m", key: .string("k\"2"))], mode: .data, type: "terraform_remote_state", name: "s", key: .int(3)),
        .init(text: #"terraform_data.each["x$${y}"]"#, module: [], type: "terraform_data", name: "each", key: .string("x${y}")),
        .init(text: #"terraform_data.each["100%%{a}"]"#, module: [], type: "terraform_data", name: "each", key: .string("100%{a}")),
        .init(text: #"terraform_data.each["$$"]"#, module: [], type: "terraform_data", name: "each", key: .string("$$")),
        .init(text: #"terraform_data.each["back\\slash"]"#, module: [], type: "terraform_data", name: "each", key: .string("back\\slash")),
        .init(text: #"terraform_data.each["a\nb\tc\rd"]"#, module: [], type: "terraform_data", name: "each", key: .string("a\nb\tc\rd")),
        .init(text: #"terraform_data.each["\u00e9\U0001F600"]"#, module: [], type: "terraform_data", name: "each", key: .string("é😀")),
        .init(text: #"terraform_data.each["ünï code"]"#, module: [], type: "terraform_data", name: "each", key: .string("ünï code")),
        .init(text: #"terraform_data.each["dot.ted key"]"#, module: [], type: "terraform_data", name: "each", key: .string("dot.ted key")),
        .init(text: #"terraform_data.each[""]"#, module: [], type: "terraform_data", name: "each", key: .string("")),
        .init(text: "module.module.module.x.data.data.y", module: [ModuleStep(name: "module"), ModuleStep(name: "x")], mode: .data, type: "data", name: "y"),
        .init(text: "module.with-dash_1.null_resource._x-y", module: [ModuleStep(name: "with-dash_1")], type: "null_resource", name: "_x-y"),
    ]

    @Test(arguments: addressCases)
    func parsesAddress(_ c: AddressCase) throws {
        let a = try Address.parseInstance(c.text)
        #expect(a.module == c.module)
        #expect(a.mode == c.mode)
        #expect(a.type == c.type)
        #expect(a.name == c.name)
        #expect(a.key == c.key)
    }

    static let invalidAddresses = [
        "", "aws_s3_bucket", "aws_s3_bucket.", ".b", "module.a", "module.a.", "module.a[\"x\"]",
        "aws_s3_bucket.b[", "aws_s3_bucket.b[x]", "aws_s3_bucket.b[\"k]", "aws_s3_bucket.b[\"k\"", "aws_s3_bucket.b[0][1]",
        "aws_s3_bucket.b.c", "aws_s3_bucket.b[\"${x}\"]", "aws_s3_bucket.b[\"\\q\"]", "aws_s3_bucket.b[\"\\u12\"]",
        "aws_s3_bucket.b[99999999999999999999]", "1bucket.b", "aws_s3_bucket.b ", "data.x", "data..y",
    ]

    @Test(arguments: invalidAddresses)
    func rejectsAddress(_ text: String) {
        #expect(throws: Address.ParseError.self) { try Address.parseInstance(text) }
    }

    @Test func parsesModuleAddresses() throws {
        #expect(try Address.parseModule("") == [])
        #expect(try Address.parseModule(#"module.a["x"].module.b[0]"#) == [ModuleStep(name: "a", key: .string("x")), ModuleStep(name: "b", key: .int(0))])
        #expect(throws: Address.ParseError.self) { try Address.parseModule("module.a.aws_s3_bucket.b") }
        #expect(throws: Address.ParseError.self) { try Address.parseModule("module.a.") }
    }

    /// Every address Terraform wrote in the fixtures is written back identically by
    /// `Address.instance`, template openers in keys included (`$${`, `%%{`).
    @Test func addressesRoundTrip() throws {
        var all: [String] = []
        for f in TerraformFixture.plans {
            for r in (try f.json())["resource_changes"]?.arrayValue ?? [] { all.append(r["address"]?.stringValue ?? "") }
        }
        #expect(all.count > 50)
        for text in all {
            let a = try Address.parseInstance(text)
            #expect(a.description == text)
        }
    }

    // MARK: Malformed input: errors, never crashes

    struct BadInput: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var summary: String
        var code: DiagnosticCode = .invalidPlanFile
        /// Line and column for JSON syntax errors.
        var position: (Int, Int)? = nil
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ summary: String, code: DiagnosticCode = .invalidPlanFile, at position: (Int, Int)? = nil) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.summary = summary
            self.code = code
            self.position = position
        }

        init(_ name: String, bytes: [UInt8], _ summary: String, at position: (Int, Int)? = nil) {
            self.name = name
            self.bytes = bytes
            self.summary = summary
            self.position = position
        }
    }

    /// A minimal valid 1.2 plan with one change; `patch` replaces parts of it.
    static func plan(_ change: String = #"{"actions":["create"],"before":null,"after":{"a":1},"after_unknown":{"id":true}}"#,
                     version: String = "1.2", extra: String = "") -> String {
        #"{"format_version":"\#(version)","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[{"address":"x_y.z","mode":"managed","type":"x_y","name":"z","values":{"a":1}}]}},"resource_changes":[{"address":"x_y.z","mode":"managed","type":"x_y","name":"z","change":\#(change)}]\#(extra)}"#
    }

    static let badInputs: [BadInput] = {
        let real = (try? TerraformFixture.named("lifecycle/plan.json").bytes()) ?? []
        var cases: [BadInput] = [
            .init("empty file", "", "Empty file"),
            .init("whitespace only", "  \n\t ", "Empty file"),
            .init("not JSON", "resource \"aws_s3_bucket\" \"b\" {}", "Not valid JSON", at: (1, 1)),
            .init("JSON syntax error on line 3", "{\n  \"format_version\": \"1.2\",\n  \"planned_values\": {,}\n}", "Not valid JSON", at: (3, 22)),
            .init("truncated small plan", String(plan().dropLast(20)), "Not valid JSON"),
            .init("array, not object", "[1,2]", "Not a Terraform plan"),
            .init("string, not object", "\"plan\"", "Not a Terraform plan"),
            .init("no format_version", #"{"planned_values":{}}"#, "Not a Terraform plan"),
            .init("state file given as plan", #"{"version":4,"resources":[]}"#, "This is a state file, not a plan"),
            .init("state JSON given as plan", #"{"format_version":"1.0","values":{}}"#, "This is a state, not a plan"),
            .init("format version 2.0", plan(version: "2.0"), "Unsupported plan format version 2.0"),
            .init("format version 10.1", plan(version: "10.1"), "Unsupported plan format version 10.1"),
            .init("format version not a version", plan(version: "one"), "Invalid format version"),
            .init("format version a number", #"{"format_version":1.2,"planned_values":{}}"#, "Unexpected plan structure"),
            .init("resource_changes a number", #"{"format_version":"1.2","resource_changes":5}"#, "Unexpected plan structure"),
            .init("resource_changes element a string", #"{"format_version":"1.2","resource_changes":["x"]}"#, "Unexpected plan structure"),
            .init("planned_values an array", #"{"format_version":"1.2","planned_values":[]}"#, "Unexpected plan structure"),
            .init("resources an object", #"{"format_version":"1.2","planned_values":{"root_module":{"resources":{}}}}"#, "Unexpected plan structure"),
            .init("child_modules a string", #"{"format_version":"1.2","planned_values":{"root_module":{"child_modules":"x"}}}"#, "Unexpected plan structure"),
            .init("change missing", #"{"format_version":"1.2","resource_changes":[{"address":"x_y.z"}]}"#, "Missing plan member"),
            .init("actions a string", plan(#"{"actions":"create"}"#), "Unexpected plan structure"),
            .init("actions empty", plan(#"{"actions":[]}"#), "Unexpected plan structure"),
            .init("unknown action", plan(#"{"actions":["obliterate"]}"#), "Unknown change action"),
            .init("after_unknown leaf a string", plan(#"{"actions":["create"],"after":{},"after_unknown":{"id":"yes"}}"#), "Unexpected plan structure"),
            .init("after_sensitive leaf a number", plan(#"{"actions":["create"],"after":{"a":1},"after_sensitive":{"a":1}}"#), "Unexpected plan structure"),
            .init("address not an address", plan().replacingOccurrences(of: #""address":"x_y.z","mode":"managed","type":"x_y","name":"z","change""#, with: #""address":"x_y","change""#), "Invalid resource address"),
            .init("type disagrees with address", plan().replacingOccurrences(of: #""type":"x_y","name":"z","change""#, with: #""type":"other","name":"z","change""#), "Inconsistent resource address"),
            .init("unknown mode", plan().replacingOccurrences(of: #""mode":"managed","type":"x_y","name":"z","change""#, with: #""mode":"ephemeral","type":"x_y","name":"z","change""#), "Unknown resource mode"),
            .init("index disagrees with address", plan().replacingOccurrences(of: #""address":"x_y.z","mode":"managed","type":"x_y","name":"z","change""#, with: #""address":"x_y.z[0]","mode":"managed","type":"x_y","name":"z","index":3,"change""#), "Inconsistent resource address"),
            .init("fractional index", plan().replacingOccurrences(of: #""name":"z","change""#, with: #""name":"z","index":1.5,"change""#), "Unexpected plan structure"),
            .init("duplicate current change", #"{"format_version":"1.2","resource_changes":[{"address":"x_y.z","change":{"actions":["create"]}},{"address":"x_y.z","change":{"actions":["update"]}}]}"#, "Duplicate resource change"),
            .init("module_address disagrees", plan().replacingOccurrences(of: #""name":"z","change""#, with: #""name":"z","module_address":"module.m","change""#), "Inconsistent resource address"),
            .init("resource outside its module", #"{"format_version":"1.2","planned_values":{"root_module":{"child_modules":[{"address":"module.a","resources":[{"address":"module.b.x_y.z"}]}]}}}"#, "Inconsistent resource address"),
            .init("replace_paths step an object", plan(#"{"actions":["update"],"replace_paths":[[{"a":1}]]}"#), "Unexpected plan structure"),
            .init("huge exponent number", plan(#"{"actions":["create"],"after":{"a":1e999999999999}}"#), "Unexpected plan structure"),
            .init("prior_state without format_version", plan(extra: #","prior_state":{"values":{}}"#), "Missing plan member"),
            .init("prior_state a list", plan(extra: #","prior_state":[]"#), "Unexpected plan structure"),
            .init("errored flag a string", plan(extra: #","errored":"no""#), "Unexpected plan structure"),
            .init("deep nesting, 100k levels", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), "Not valid JSON", at: (1, 513)),
            .init("deep nesting inside a plan", #"{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"x_y.z","values":"# + String(repeating: #"{"a":"#, count: 100_000), "Not valid JSON"),
            .init("saved binary plan", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00], "Saved plan file, not JSON"),
            .init("byte-order mark", bytes: [0xEF, 0xBB, 0xBF] + Array(plan().utf8), "Not valid JSON", at: (1, 1)),
            .init("invalid UTF-8 in a string", bytes: Array(#"{"format_version":"1.2","x":""#.utf8) + [0xFF, 0x22, 0x7D], "This is a state, not a plan"),
            .init("NUL byte", bytes: [0x7B, 0x00, 0x7D], "Not valid JSON", at: (1, 2)),
        ]
        // A real plan cut at several places.
        for fraction in [1, 10, 33, 50, 90, 99] where !real.isEmpty {
            let cut = real.count * fraction / 100
            cases.append(.init("real plan truncated at \(fraction)%", bytes: Array(real[..<cut]), "Not valid JSON"))
        }
        return cases
    }()

    @Test(arguments: badInputs)
    func rejects(_ bad: BadInput) throws {
        let error = try #require(documentError { _ = try PlanReader.parse(bad.bytes, path: "bad.json") }, "read without error")
        #expect(error.code == bad.code)
        #expect(error.summary == bad.summary, "\(error)")
        #expect(error.file == "bad.json")
        #expect(!error.detail.isEmpty)
        if let (line, column) = bad.position {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.diagnostic.subject?.start.line == line)
        }
        // The sniffing entry point fails as well, never crashes.
        #expect(documentError { _ = try TerraformDocument.parse(bad.bytes, path: "bad.json") } != nil || bad.summary.contains("state"))
    }

    /// Shapes Terraform never writes but that are read conservatively, not refused.
    @Test func mismatchedTreesAreConservative() throws {
        let text = Self.plan(#"{"actions":["create"],"after":{"a":"s","b":[1,2],"c":{"d":1}},"after_unknown":{"a":{"x":true},"b":{"k":true},"extra":[true]},"after_sensitive":{"c":[true],"b":{"z":true}}}"#)
        let plan = try PlanReader.parse(Array(text.utf8), path: "p.json")
        let after = try #require(plan.changes.first?.after)
        #expect(after.at("a")?.isKnown == false)
        #expect(after.at("b")?.isKnown == false)
        #expect(after.at("extra[0]")?.isKnown == false)
        #expect(after.at("c")?.isSensitive == true)
        #expect(after.at("b")?.isSensitive == true)
    }

    @Test func deeplyNestedValuesWithinTheLimit() throws {
        // 500 levels of values and of after_unknown, as deep as JSONParser allows.
        let depth = 500
        let value = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        let unknown = String(repeating: #"{"a":"#, count: depth) + "true" + String(repeating: "}", count: depth)
        let text = Self.plan(#"{"actions":["create"],"after":\#(value),"after_unknown":\#(unknown)}"#)
        let plan = try PlanReader.parse(Array(text.utf8), path: "deep.json")
        var v = try #require(plan.changes.first?.after)
        for _ in 0..<depth { v = v.attributes?["a"] ?? .dynamicNull }
        #expect(!v.isKnown)
    }

    @Test func largePlan() throws {
        // 5,000 resources, 2.5 MB (the suite runs unoptimised; 20,000 in 10 MB read in about a second optimised).
        var resources: [String] = []
        var changes: [String] = []
        for i in 0..<5_000 {
            let values = #"{"bucket":"b-\#(i)","tags":{"Name":"n\#(i)","Team":"t"},"rules":[{"days":\#(i),"enabled":true}],"size":\#(i).5}"#
            resources.append(#"{"address":"aws_s3_bucket.b[\#(i)]","mode":"managed","type":"aws_s3_bucket","name":"b","index":\#(i),"values":\#(values)}"#)
            changes.append(#"{"address":"aws_s3_bucket.b[\#(i)]","mode":"managed","type":"aws_s3_bucket","name":"b","index":\#(i),"change":{"actions":["create"],"before":null,"after":\#(values),"after_unknown":{"id":true,"arn":true}}}"#)
        }
        let text = #"{"format_version":"1.2","planned_values":{"root_module":{"resources":[\#(resources.joined(separator: ","))]}},"resource_changes":[\#(changes.joined(separator: ","))]}"#
        let plan = try PlanReader.parse(Array(text.utf8), path: "large.json")
        #expect(plan.resourceInstances.count == 5_000)
        #expect(plan.resourceInstances[4_999].key == .int(4_999))
        #expect(plan.resourceInstances[7].values.at("size")?.numberValue == Number(parsing: "7.5"))
        #expect(plan.resourceInstances[7].unknownPaths == ["arn", "id"])
    }

    // MARK: Sniffing

    struct SniffCase: CustomTestStringConvertible, Sendable {
        var fixture: String
        var isPlan: Bool
        var testDescription: String { fixture }
    }

    static let sniffCases: [SniffCase] =
        TerraformFixture.plans.map { SniffCase(fixture: $0.path, isPlan: true) }
        + TerraformFixture.inCases { $0 == "terraform.tfstate" || $0 == "state.json" }.map { SniffCase(fixture: $0.path, isPlan: false) }

    @Test(arguments: sniffCases)
    func sniffs(_ c: SniffCase) throws {
        let document = try TerraformDocument.read(path: Repository.path(c.fixture))
        switch document {
        case .plan: #expect(c.isPlan)
        case .state: #expect(!c.isPlan)
        }
    }

    @Test func sniffRejectsOtherJSON() throws {
        let error = try #require(documentError { _ = try TerraformDocument.parse(Array(#"{"name":"package","dependencies":{}}"#.utf8), path: "package.json") })
        #expect(error.summary == "Neither a plan nor a state")
        #expect(error.detail.contains("`name`"))
        let missing = try #require(documentError { _ = try TerraformDocument.read(path: "/nonexistent/plan.json") })
        #expect(missing.code == .unreadableFile)
        let directory = try #require(documentError { _ = try TerraformDocument.read(path: Repository.path(TerraformFixture.casesDirectory)) })
        #expect(directory.code == .unreadableFile)
    }
}
