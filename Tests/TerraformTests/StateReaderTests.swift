import Foundation
import HCL
import Terraform
import Testing

@Suite struct StateReaderTests {
    static func isStateFile(_ name: String) -> Bool { name == "terraform.tfstate" }
    static func isStateJSON(_ name: String) -> Bool { name == "state.json" }

    static let states = TerraformFixture.inCases { isStateFile($0) || isStateJSON($0) }
    static let debianStates = TerraformFixture.inDebian { isStateFile($0) || isStateJSON($0) }

    @Test func fixturesArePresent() {
        #expect(Self.states.filter { $0.path.hasSuffix(".tfstate") }.count >= 6)
        #expect(Self.states.filter { $0.path.hasSuffix("state.json") }.count >= 5)
    }

    // MARK: Every fixture, against the JSON it came from

    @Test(arguments: states)
    func stateMatchesItsJSON(_ fixture: TerraformFixture) throws {
        try checkState(fixture)
    }

    @Test(
        .enabled(if: TerraformFixture.debianAvailable || Repository.inCI, "\(TerraformFixture.debianMissing)"),
        arguments: debianStates)
    func hashicorpStateMatchesItsJSON(_ fixture: TerraformFixture) throws {
        try checkState(fixture)
    }

    func checkState(_ fixture: TerraformFixture) throws {
        let json = try fixture.json()
        let state = try StateReader.read(path: fixture.absolutePath)
        #expect(state.terraformVersion == json["terraform_version"]?.stringValue)
        for object in state.objects { #expect(object.instance.origin == .state(path: fixture.absolutePath)) }

        if fixture.path.hasSuffix(".tfstate") {
            #expect(state.format == .stateFile(version: 4))
            #expect(state.lineage == json["lineage"]?.stringValue)
            // One object per instance, in order, with its key, status, deposed key and sensitive paths.
            var raw: [(resource: JSONValue, instance: JSONValue)] = []
            for r in json["resources"]?.arrayValue ?? [] {
                for i in r["instances"]?.arrayValue ?? [] { raw.append((r, i)) }
            }
            try #require(state.objects.count == raw.count)
            for (object, (r, i)) in zip(state.objects, raw) {
                let instance = object.instance
                #expect(instance.type == r["type"]?.stringValue && instance.name == r["name"]?.stringValue)
                #expect(instance.mode.rawValue == r["mode"]?.stringValue)
                #expect(Address.module(instance.module) == (r["module"]?.stringValue ?? ""))
                switch i["index_key"] {
                case .number(let n)?: #expect(instance.key == .int(Int(n)!))
                case .string(let s)?: #expect(instance.key == .string(s))
                default: #expect(instance.key == nil)
                }
                #expect(object.tainted == (i["status"]?.stringValue == "tainted"))
                #expect(object.deposed == i["deposed"]?.stringValue)
                for path in i["sensitive_attributes"]?.arrayValue ?? [] {
                    let steps: [ValueStep] = (path.arrayValue ?? []).compactMap { s in
                        switch (s["type"]?.stringValue, s["value"]) {
                        case ("get_attr"?, .string(let k)?): return .key(k)
                        case ("index"?, let v?):
                            if case .number(let n)? = v["value"] { return .index(Int(n)!) }
                            if case .string(let k)? = v["value"] { return .key(k) }
                            return nil
                        default: return nil
                        }
                    }
                    let found = try #require(instance.values.walk(steps), "\(instance.address): sensitive path \(steps) not found")
                    #expect(found.sensitiveOnTheWay, "\(instance.address): \(steps) not marked sensitive")
                }
            }
        } else {
            let version = try #require(json["format_version"]?.stringValue)
            #expect(state.format == .values(formatVersion: try #require(FormatVersion(version))))
            var raw: [JSONValue] = []
            func collect(_ module: JSONValue?) {
                raw += module?["resources"]?.arrayValue ?? []
                for c in module?["child_modules"]?.arrayValue ?? [] { collect(c) }
            }
            collect(json["values"]?["root_module"])
            try #require(state.objects.count == raw.count)
            for (object, r) in zip(state.objects, raw) {
                #expect(normalizedJSON(object.instance.values.jsonValue) == normalizedJSON(r["values"] ?? .object([])), "\(object.instance.address)")
                let notMarked = trueLeaves(r["sensitive_values"] ?? .null).filter { object.instance.values.walk($0).map { !$0.sensitiveOnTheWay } ?? false }
                #expect(notMarked.isEmpty, "\(object.instance.address): sensitive_values not marked: \(describePaths(notMarked))")
                #expect(object.deposed == r["deposed_key"]?.stringValue)
                #expect(object.tainted == (r["tainted"]?.boolValue ?? false))
            }
        }
        let outputs = (json["outputs"] ?? json["values"]?["outputs"])?.objectMembers ?? []
        #expect(state.outputs.map(\.name) == outputs.map(\.0).sorted())
        for o in state.outputs {
            let raw = try #require(outputs.last { $0.0 == o.name }?.1)
            #expect(normalizedJSON(o.value.jsonValue) == normalizedJSON(raw["value"] ?? .null), "output \(o.name)")
            #expect(o.sensitive == (raw["sensitive"]?.boolValue ?? false))
            #expect(o.value.containsSensitive == o.sensitive)
        }
        // Each current address once; deposed objects only in `objects`.
        let current = state.resourceInstances.map(\.parsedAddress)
        #expect(Set(current).count == current.count)
        #expect(state.resourceInstances.count == state.objects.filter { $0.deposed == nil }.count)
    }

    // MARK: The two state formats agree

    static let pairs: [String] = TerraformFixture.inCases(isStateFile).compactMap { f in
        let dir = (f.path as NSString).deletingLastPathComponent
        return FileManager.default.fileExists(atPath: Repository.path("\(dir)/state.json")) ? dir : nil
    }

    /// A state file and `terraform show -json` of it, both written by Terraform, give the
    /// same objects, values, sensitive marks and outputs: the state file's dynamic-typed
    /// attributes are unwrapped and its sensitive paths marked exactly as the JSON output shows.
    @Test(arguments: pairs)
    func stateFileAgreesWithShowJSON(_ dir: String) throws {
        let file = try StateReader.read(path: Repository.path("\(dir)/terraform.tfstate"))
        let shown = try StateReader.read(path: Repository.path("\(dir)/state.json"))
        try #require(file.objects.count == shown.objects.count)
        func key(_ o: StateObject) -> String { "\(o.instance.address) \(o.deposed ?? "")" }
        let byKey = Dictionary(shown.objects.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        for a in file.objects {
            let b = try #require(byKey[key(a)], "\(key(a)) missing from state.json")
            #expect(normalizedJSON(a.instance.values.jsonValue) == normalizedJSON(b.instance.values.jsonValue), "values of \(key(a))")
            #expect(sensitivePaths(a.instance.values) == sensitivePaths(b.instance.values), "sensitive parts of \(key(a))")
            #expect(a.tainted == b.tainted && a.schemaVersion == b.schemaVersion)
            #expect(a.instance.provider == b.instance.provider)
            #expect(a.dependencies == b.dependencies)
        }
        #expect(file.outputs == shown.outputs)
    }

    /// Paths of every value marked sensitive (the marks themselves, not what they contain).
    func sensitivePaths(_ v: Value, _ prefix: String = "") -> [String] {
        var out = v.isSensitive ? [prefix] : []
        if let es = v.elements {
            for (i, e) in es.enumerated() { out += sensitivePaths(e, "\(prefix)[\(i)]") }
        } else if let attrs = v.attributes {
            for k in attrs.keys.sorted() { out += sensitivePaths(attrs[k]!, "\(prefix).\(k)") }
        }
        return out
    }

    // MARK: What the fixtures say

    @Test func lifecycleState() throws {
        let state = try StateReader.read(path: TerraformFixture.named("lifecycle/terraform.tfstate").absolutePath)
        let tainted = try #require(state.objects.first { $0.instance.address == "terraform_data.tainted" })
        #expect(tainted.tainted)
        #expect(state.objects.filter(\.tainted).count == 1)
        let upd = try #require(state.instance(at: "terraform_data.upd"))
        #expect(upd.values.at("input.password")?.isSensitive == true)
        #expect(upd.values.at("input.password")?.stringValue == "hunter2")
        #expect(upd.values.at("input.size")?.isSensitive == false)
        // The dynamic-typed `input` is unwrapped and typed: an object, not {value, type}.
        #expect(upd.values.at("input.size")?.numberValue == Number(1))
        #expect(upd.provider == "terraform.io/builtin/terraform")
        let leaf = try #require(state.instance(at: #"module.svc["k\"2"].module.leaf[0].terraform_data.leaf"#))
        #expect(leaf.module == [ModuleStep(name: "svc", key: .string("k\"2")), ModuleStep(name: "leaf", key: .int(0))])
        #expect(state.instance(at: #"terraform_data.each["x$${y}"]"#)?.values.at("input")?.stringValue == "x${y}")
        #expect(state.instance(at: #"terraform_data.each["ünï code"]"#) != nil)
        #expect(state.resourceInstances.count == 25)
    }

    @Test func deposedObject() throws {
        for name in ["aws-drift/terraform.tfstate", "aws-drift/state.json"] {
            let state = try StateReader.read(path: TerraformFixture.named(name).absolutePath)
            let logs = state.objects.filter { $0.instance.address == "aws_s3_bucket.logs" }
            #expect(logs.count == 2, "\(name)")
            #expect(logs.filter { $0.deposed != nil }.map { $0.instance.values.at("bucket")?.stringValue } == ["airlock-fixture-v1"])
            #expect(state.instance(at: "aws_s3_bucket.logs")?.values.at("bucket")?.stringValue == "airlock-fixture-v2")
            #expect(state.resourceInstances.filter { $0.address == "aws_s3_bucket.logs" }.count == 1)
            #expect(state.instance(at: "aws_security_group.web")?.values.at("ingress[0].from_port")?.numberValue == Number(443))
        }
    }

    @Test func outputsAreTyped() throws {
        let state = try StateReader.read(path: TerraformFixture.named("unknown-sensitive/terraform.tfstate").absolutePath)
        let outputs = Dictionary(uniqueKeysWithValues: state.outputs.map { ($0.name, $0) })
        #expect(outputs["token"]?.sensitive == true && outputs["token"]?.value.isSensitive == true)
        #expect(outputs["zones"]?.type == .tuple([.string, .string]))
        #expect(outputs["region"]?.value == .string("eu-west-1"))
        let old = try StateReader.read(path: TerraformFixture.named("hashicorp/has_changes/terraform.tfstate").absolutePath)
        #expect(old.outputs.first { $0.name == "map" }?.value.at("number")?.numberValue == Number(42))
        #expect(old.instance(at: "null_resource.baz[1]") != nil)
        #expect(old.instance(at: "null_resource.bar")?.provider == "provider.null")
        let dependsOn = try StateReader.read(path: TerraformFixture.named("hashicorp/config_resource_depends_on/terraform.tfstate").absolutePath)
        #expect(dependsOn.objects.first?.dependencies == ["null_resource.foo"])
    }

    // MARK: Formats Airlock reads conservatively

    @Test func dynamicWrappers() throws {
        func attribute(_ json: String) throws -> Value? {
            let text = #"{"version":4,"resources":[{"mode":"managed","type":"t_t","name":"n","instances":[{"attributes":{"a":\#(json)}}]}]}"#
            return try StateReader.parse(Array(text.utf8), path: "s.tfstate").resourceInstances.first?.values.at("a")
        }
        #expect(try attribute(#"{"value":["x","y"],"type":["list","string"]}"#) == .list([.string("x"), .string("y")]))
        #expect(try attribute(#"{"value":{"k":1},"type":["map","number"]}"#) == .map(["k": .number(1)]))
        #expect(try attribute(#"{"value":null,"type":"string"}"#) == .null(.string))
        // Not wrappers: other members, a type that is not a type, a value of another shape.
        #expect(try attribute(#"{"value":"x","type":"string","other":1}"#)?.at("other") != nil)
        #expect(try attribute(#"{"value":"x","type":"str"}"#)?.at("type")?.stringValue == "str")
        #expect(try attribute(#"{"value":"x","type":"number"}"#)?.at("value")?.stringValue == "x")
    }

    @Test func sensitivePathsAreConservative() throws {
        func marked(_ paths: String) throws -> Value {
            let text = #"{"version":4,"resources":[{"mode":"managed","type":"t_t","name":"n","instances":[{"attributes":{"a":{"b":"x","c":["y","z"]},"d":"w","e":null},"sensitive_attributes":\#(paths)}]}]}"#
            return try #require(try StateReader.parse(Array(text.utf8), path: "s.tfstate").resourceInstances.first?.values)
        }
        let v = try marked(#"[[{"type":"get_attr","value":"a"},{"type":"get_attr","value":"c"},{"type":"index","value":{"value":1,"type":"number"}}]]"#)
        #expect(v.at("a.c[1]")?.isSensitive == true && v.at("a.c[0]")?.isSensitive == false && v.at("a.b")?.isSensitive == false)
        // A path that goes deeper than the value marks where it stops.
        #expect(try marked(#"[[{"type":"get_attr","value":"d"},{"type":"get_attr","value":"deeper"}]]"#).at("d")?.isSensitive == true)
        // A step Airlock does not know marks the part reached so far.
        #expect(try marked(#"[[{"type":"get_attr","value":"a"},{"type":"future_step","value":1}]]"#).at("a")?.isSensitive == true)
        // A path to nothing marks nothing, as there is nothing to reveal.
        let none = try marked(#"[[{"type":"get_attr","value":"missing"}],[{"type":"get_attr","value":"e"},{"type":"get_attr","value":"f"}]]"#)
        #expect(!none.containsSensitive)
    }

    @Test func flatmapAttributesAreUnknown() throws {
        let text = #"{"version":4,"resources":[{"mode":"managed","type":"t_t","name":"n","instances":[{"attributes_flat":{"id":"1","tags.%":"0"}}]}]}"#
        let state = try StateReader.parse(Array(text.utf8), path: "s.tfstate")
        #expect(state.resourceInstances.first?.values.isKnown == false)
    }

    @Test func emptyStates() throws {
        let shown = try StateReader.parse(Array(#"{"format_version":"1.0"}"#.utf8), path: "s.json")
        #expect(shown.objects.isEmpty && shown.format == .values(formatVersion: FormatVersion(major: 1, minor: 0)))
        let file = try StateReader.parse(Array(#"{"version":4,"terraform_version":"1.11.4","serial":1,"lineage":"x","outputs":{},"resources":[],"check_results":null}"#.utf8), path: "s.tfstate")
        #expect(file.objects.isEmpty && file.serial == 1)
    }

    // MARK: Malformed input

    static let badStates: [PlanReaderTests.BadInput] = {
        let real = (try? TerraformFixture.named("lifecycle/terraform.tfstate").bytes()) ?? []
        func resource(_ r: String) -> String { #"{"version":4,"resources":[\#(r)]}"# }
        var cases: [PlanReaderTests.BadInput] = [
            .init("empty", "", "Empty file", code: .invalidStateFile),
            .init("not JSON", "version = 4", "Not valid JSON", code: .invalidStateFile, at: (1, 1)),
            .init("version 3 (Terraform 0.11)", #"{"version":3,"terraform_version":"0.11.14","serial":1,"modules":[]}"#, "Unsupported state file version 3", code: .invalidStateFile),
            .init("version 1", #"{"version":1}"#, "Unsupported state file version 1", code: .invalidStateFile),
            .init("version 5", #"{"version":5,"resources":[]}"#, "Unsupported state file version 5", code: .invalidStateFile),
            .init("version a string", #"{"version":"4"}"#, "Unexpected state structure", code: .invalidStateFile),
            .init("version fractional", #"{"version":4.5}"#, "Unexpected state structure", code: .invalidStateFile),
            .init("show-json format 2.0", #"{"format_version":"2.0","values":{}}"#, "Unsupported state format version 2.0", code: .invalidStateFile),
            .init("a plan given as state", #"{"format_version":"1.2","planned_values":{}}"#, "This is a plan, not a state", code: .invalidStateFile),
            .init("neither", #"{"serial":1}"#, "Not a Terraform state", code: .invalidStateFile),
            .init("an array", "[]", "Not a Terraform state", code: .invalidStateFile),
            .init("resources an object", #"{"version":4,"resources":{}}"#, "Unexpected state structure", code: .invalidStateFile),
            .init("resource a number", resource("1"), "Unexpected state structure", code: .invalidStateFile),
            .init("mode unknown", resource(#"{"mode":"ephemeral","type":"t_t","name":"n"}"#), "Unexpected state structure", code: .invalidStateFile),
            .init("type missing", resource(#"{"mode":"managed","name":"n"}"#), "Missing state member", code: .invalidStateFile),
            .init("name not an identifier", resource(#"{"mode":"managed","type":"t_t","name":"a.b"}"#), "Invalid resource name", code: .invalidStateFile),
            .init("module not an address", resource(#"{"module":"module.","mode":"managed","type":"t_t","name":"n"}"#), "Invalid module address", code: .invalidStateFile),
            .init("instances a string", resource(#"{"mode":"managed","type":"t_t","name":"n","instances":"x"}"#), "Unexpected state structure", code: .invalidStateFile),
            .init("index_key a bool", resource(#"{"mode":"managed","type":"t_t","name":"n","instances":[{"index_key":true}]}"#), "Unexpected state structure", code: .invalidStateFile),
            .init("attributes an array", resource(#"{"mode":"managed","type":"t_t","name":"n","instances":[{"attributes":[]}]}"#), "Unexpected state structure", code: .invalidStateFile),
            .init("sensitive path not an array", resource(#"{"mode":"managed","type":"t_t","name":"n","instances":[{"attributes":{},"sensitive_attributes":[{"type":"get_attr"}]}]}"#), "Unexpected state structure", code: .invalidStateFile),
            .init("output type invalid", #"{"version":4,"outputs":{"o":{"value":1,"type":"integer"}}}"#, "Unexpected state structure", code: .invalidStateFile),
            .init("show-json resource address bad", #"{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"x"}]}}}"#, "Invalid resource address", code: .invalidStateFile),
            .init("deep nesting, 100k levels", #"{"version":4,"resources":"# + String(repeating: "[", count: 100_000), "Not valid JSON", code: .invalidStateFile, at: (1, 537)),
        ]
        for fraction in [1, 25, 50, 75, 99] where !real.isEmpty {
            var bad = PlanReaderTests.BadInput("real state truncated at \(fraction)%", bytes: Array(real[..<(real.count * fraction / 100)]), "Not valid JSON")
            bad.code = .invalidStateFile
            cases.append(bad)
        }
        return cases
    }()

    @Test(arguments: badStates)
    func rejects(_ bad: PlanReaderTests.BadInput) throws {
        let error = try #require(documentError { _ = try StateReader.parse(bad.bytes, path: "bad.tfstate") }, "read without error")
        #expect(error.code == bad.code)
        #expect(error.summary == bad.summary, "\(error)")
        #expect(!error.detail.isEmpty)
        if let (line, column) = bad.position { #expect(error.line == line && error.column == column, "\(error)") }
        if bad.name.hasPrefix("version 3") { #expect(error.detail.contains("0.11")) }
    }
}
