import Foundation
import HCL
import Policy
import Terraform
import Testing

/// Evaluates a Terraform snippet the way `airlock scan` does.
func scan(_ source: String, checks: [Check] = [], moduleChecks: [ModuleCheck] = []) throws -> [Finding] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-policy-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try source.write(toFile: dir + "/main.tf", atomically: true, encoding: .utf8)
    let result = TerraformEvaluator.evaluate(directory: dir)
    let engine = PolicyEngine(checks: checks, moduleChecks: moduleChecks)
    return engine.run(result.instances, modules: result.modules)
}

struct CatalogCase: CustomTestStringConvertible, Sendable {
    var id: String
    var testDescription: String { id }
}

@Suite struct CatalogTests {
    static let allIDs: [CatalogCase] = (Catalog.all.map(\.metadata.id) + Catalog.moduleChecks.map(\.metadata.id)).map { CatalogCase(id: $0) }
    static var allMetadata: [CheckMetadata] { Catalog.all.map(\.metadata) + Catalog.moduleChecks.map(\.metadata) }

    @Test func catalogIsLargeEnough() {
        #expect(Self.allMetadata.count >= 80, "the built-in AWS catalog must hold at least 80 checks")
        // Every category the issue names has checks.
        for category in Category.allCases where category != .general {
            #expect(Self.allMetadata.contains { $0.category == category }, "no check in \(category.rawValue)")
        }
    }

    @Test func idsAndAliasesAreUnique() {
        let ids = Self.allMetadata.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate IDs: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        let aliases = Self.allMetadata.flatMap(\.aliases)
        #expect(Set(aliases).count == aliases.count, "an alias names two checks: \(Dictionary(grouping: aliases, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        for m in Self.allMetadata {
            #expect(m.id.range(of: #"^AL-AWS-[A-Z0-9]+-\d{3}$"#, options: .regularExpression) != nil, "ID \(m.id) does not follow AL-AWS-SERVICE-NNN")
            for a in m.aliases {
                #expect(a.range(of: #"^CKV2?_AWS_\d+$"#, options: .regularExpression) != nil, "alias \(a) of \(m.id) is not a Checkov ID")
            }
        }
    }

    @Test func metadataIsComplete() {
        for m in Self.allMetadata {
            #expect(!m.title.isEmpty && !m.description.isEmpty && !m.remediation.isEmpty && !m.remediationSnippet.isEmpty, "\(m.id)")
            #expect(!m.resourceTypes.isEmpty || Catalog.moduleChecks.contains { $0.metadata.id == m.id }, "\(m.id) judges no resource type")
        }
    }

    @Test(arguments: allIDs)
    func passingExamplePassesAndFailingExampleFails(_ c: CatalogCase) throws {
        if let check = Catalog.all.first(where: { $0.metadata.id == c.id }) {
            let good = try scan(check.passingExample, checks: [check])
            #expect(!good.isEmpty, "the passing example of \(c.id) has nothing the check judges")
            #expect(good.allSatisfy { $0.status == .passed }, "\(good.filter { $0.status != .passed }.map { "\($0.resource): \($0.status) \($0.message)" })")
            let bad = try scan(check.failingExample, checks: [check])
            #expect(bad.contains { $0.status == .failed }, "the failing example of \(c.id) does not fail: \(bad.map { "\($0.resource) \($0.status)" })")
            for f in bad where f.status == .failed {
                #expect(f.range != nil && f.file != nil, "a failure of \(c.id) has no location")
            }
        } else if let check = Catalog.moduleChecks.first(where: { $0.metadata.id == c.id }) {
            let good = try scan(check.passingExample, moduleChecks: [check])
            #expect(good.allSatisfy { $0.status == .passed }, "\(good.filter { $0.status != .passed }.map(\.message))")
            let bad = try scan(check.failingExample, moduleChecks: [check])
            #expect(bad.contains { $0.status == .failed }, "the failing example of \(c.id) does not fail")
        }
    }
}
