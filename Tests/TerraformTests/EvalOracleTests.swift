import Foundation
import HCL
import Terraform
import Testing
import TerraformFunctions

/// One configuration of `Tests/Corpus/eval` and the plan real Terraform made of it
/// (`scripts/gen-eval-oracle.sh`).
struct OracleConfig: CustomTestStringConvertible, Sendable {
    var name: String
    var testDescription: String { name }

    static let directory = "Tests/Corpus/eval"

    static let all: [OracleConfig] = Repository.list(directory)
        .filter { FileManager.default.fileExists(atPath: Repository.path("\(directory)/\($0)/plan.json")) }
        .map { OracleConfig(name: $0) }

    var path: String { Repository.path("\(Self.directory)/\(name)") }

    /// The `-var`/`-var-file` options and `TF_VAR_` environment the plan was made with.
    var options: EvaluationOptions {
        var options = EvaluationOptions()
        let args = (try? String(contentsOfFile: path + "/airlock.args", encoding: .utf8)) ?? ""
        for line in args.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if line.hasPrefix("-var-file=") { options.varFiles.append(String(line.dropFirst(10))) }
            if line.hasPrefix("-var=") { options.vars.append(String(line.dropFirst(5))) }
        }
        let env = (try? String(contentsOfFile: path + "/airlock.env", encoding: .utf8)) ?? ""
        for line in env.split(separator: "\n") where !line.hasPrefix("#") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            options.environment[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        options.workingDirectory = path
        return options
    }

    /// Every resource in `planned_values`, by address.
    func plannedResources() throws -> [String: JSONValue] {
        let plan = try JSONParser.parse(Repository.read("\(Self.directory)/\(name)/plan.json"))
        var out: [String: JSONValue] = [:]
        func walk(_ module: JSONValue?) {
            guard let module else { return }
            for r in module["resources"]?.arrayValue ?? [] {
                if let address = r["address"]?.stringValue { out[address] = r["values"] ?? .null }
            }
            for child in module["child_modules"]?.arrayValue ?? [] { walk(child) }
        }
        walk(plan["planned_values"]?["root_module"])
        return out
    }
}

/// Compares what Airlock knows with what Terraform planned: wherever Airlock claims a
/// known, non-null value, Terraform must show exactly that value.
///
/// Three things the provider does after Terraform evaluates are accepted as equal, since
/// no static reading of the configuration can reproduce them; each is documented in the
/// README: JSON documents are re-serialised (IAM policies with `Version` first), EC2
/// `user_data` is stored as its SHA-1, and SDKv2 sets of objects are ordered by the
/// provider's own hash of each element.
enum OracleComparison {
    static func differences(_ ours: Value, _ theirs: JSONValue?, path: String) -> [String] {
        guard let theirs, !theirs.isNull else {
            // Terraform shows it unknown or null: only a known leaf of ours contradicts that.
            return hasKnownLeaf(ours) ? ["\(path): Airlock knows \(ours.jsonValue.compactText), Terraform shows it unknown or null"] : []
        }
        switch ours.storage {
        case .unknown, .null: return []
        case .bool, .number:
            return ours.jsonValue == theirs ? [] : ["\(path): Airlock \(ours.jsonValue.compactText), Terraform \(theirs.compactText)"]
        case .string(let s):
            if ours.jsonValue == theirs { return [] }
            if let t = theirs.stringValue, sameJSONDocument(s, t) || isSHA1(of: s, t) { return [] }
            return ["\(path): Airlock \(ours.jsonValue.compactText), Terraform \(theirs.compactText)"]
        case .list(let es, _), .set(let es, _), .tuple(let es):
            guard let ts = theirs.arrayValue, ts.count == es.count else {
                return hasKnownLeaf(ours) ? ["\(path): Airlock \(ours.jsonValue.compactText), Terraform \(theirs.compactText)"] : []
            }
            let ordered = zip(es, ts).enumerated().flatMap { differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
            if ordered.isEmpty { return [] }
            if case .set = ours.storage, unorderedMatch(es, ts, path: path) { return [] }
            return ordered
        case .map(let es, _), .object(let es):
            guard theirs.objectMembers != nil else {
                return hasKnownLeaf(ours) ? ["\(path): Airlock \(ours.jsonValue.compactText), Terraform \(theirs.compactText)"] : []
            }
            return es.keys.sorted().flatMap { k in differences(es[k]!, theirs[k], path: path.isEmpty ? k : "\(path).\(k)") }
        }
    }

    static func hasKnownLeaf(_ v: Value) -> Bool {
        switch v.storage {
        case .unknown, .null: return false
        case .bool, .number, .string: return true
        case .list(let es, _), .set(let es, _), .tuple(let es): return es.contains(where: hasKnownLeaf)
        case .map(let es, _), .object(let es): return es.values.contains(where: hasKnownLeaf)
        }
    }

    private static func unorderedMatch(_ ours: [Value], _ theirs: [JSONValue], path: String) -> Bool {
        var remaining = theirs
        for o in ours {
            guard let i = remaining.firstIndex(where: { differences(o, $0, path: path).isEmpty }) else { return false }
            remaining.remove(at: i)
        }
        return true
    }

    private static func sameJSONDocument(_ a: String, _ b: String) -> Bool {
        guard let x = try? JSONParser.parse(a), let y = try? JSONParser.parse(b) else { return false }
        return Value(json: x).equals(Value(json: y)).boolValue == true
    }

    private static func isSHA1(of s: String, _ t: String) -> Bool {
        guard t.count == 40, t.allSatisfy(\.isHexDigit) else { return false }
        let context = FunctionContext(baseDirectory: ".", library: TerraformFunctionLibrary.standard)
        let digest = try? TerraformFunctionLibrary.standard.call("sha1", arguments: [.string(s)], context: context)
        return digest?.stringValue == t
    }
}

@Suite struct EvalOracleTests {
    /// Disagreements that are the provider's doing, each with the reason. Everything else
    /// must agree exactly.
    static let knownDivergences: [String: String] = [
        "25-alb-listeners aws_lb.this access_logs[0].bucket":
            "the AWS provider blanks access_logs.bucket and prefix when enabled = false",
        "25-alb-listeners aws_lb.this access_logs[0].prefix":
            "the AWS provider blanks access_logs.bucket and prefix when enabled = false",
    ]

    @Test func corpusIsLargeEnough() {
        #expect(OracleConfig.all.count >= 40, "the oracle corpus must hold at least 40 configurations with plans")
    }

    @Test(arguments: OracleConfig.all)
    func agreesWithTerraformPlan(_ config: OracleConfig) throws {
        let result = TerraformEvaluator.evaluate(directory: config.path, options: config.options)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.file ?? ""):\($0.subject?.start.line ?? 0): \($0.summary): \($0.detail)" })")
        let planned = try config.plannedResources()
        let ours = Dictionary(result.instances.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        let plannedManaged = Set(planned.keys.filter { !$0.contains("data.") })
        let oursManaged = Set(ours.keys.filter { !$0.contains("data.") })
        #expect(oursManaged == plannedManaged,
                "only Airlock: \(oursManaged.subtracting(plannedManaged).sorted()); only Terraform: \(plannedManaged.subtracting(oursManaged).sorted())")
        for address in plannedManaged.intersection(oursManaged).sorted() {
            let diffs = OracleComparison.differences(ours[address]!.values, planned[address], path: "").filter { diff in
                let path = String(diff.prefix { $0 != ":" })
                return Self.knownDivergences["\(config.name) \(address) \(path)"] == nil
            }
            #expect(diffs.isEmpty, "\(address): \(diffs)")
        }
    }
}
