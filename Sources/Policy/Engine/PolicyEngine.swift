import Foundation
import HCL
import Terraform

/// Where each parallel chunk of the scan leaves its findings: one slot per chunk, each
/// written by exactly one worker.
private struct ChunkOutput: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[Finding]>
}

/// Runs checks over resource instances.
public struct PolicyEngine: Sendable {
    public var checks: [Check]
    public var moduleChecks: [ModuleCheck]
    public var settings: PolicySettings

    public init(checks: [Check] = Catalog.all, moduleChecks: [ModuleCheck] = Catalog.moduleChecks, settings: PolicySettings = PolicySettings()) {
        self.checks = checks
        self.moduleChecks = moduleChecks
        self.settings = settings
    }

    /// Keeps only the checks named (by ID or alias) in `only`, minus those in `skip`.
    public func selecting(only: [String], skip: [String]) -> PolicyEngine {
        func keep(_ m: CheckMetadata) -> Bool {
            let names = [m.id] + m.aliases
            let named = { (list: [String]) in list.contains { n in names.contains { $0.caseInsensitiveCompare(n) == .orderedSame } } }
            return (only.isEmpty || named(only)) && !named(skip)
        }
        var copy = self
        copy.checks = checks.filter { keep($0.metadata) }
        copy.moduleChecks = moduleChecks.filter { keep($0.metadata) }
        return copy
    }

    /// Every finding, passed ones included, in file, position and check order. `modules`
    /// are the configurations read (empty for plans and state), for module checks.
    public func run(_ instances: [ResourceInstance], modules: [ModuleConfig] = []) -> [Finding] {
        let graph = ResourceGraph(instances)
        let context = CheckContext(graph: graph, settings: settings)
        var byType: [String: [Check]] = [:]
        for check in checks {
            for type in check.metadata.resourceTypes { byType[type, default: []].append(check) }
        }
        // Checks judge what is created: a data source that shares its type name with a
        // resource (`data.aws_vpc.default`) creates nothing and is skipped. Data-only types
        // such as aws_iam_policy_document are judged. The bundled schema is read only when
        // a data source asks: a plan of managed resources never pays for loading it.
        let everyType = byType[Check.everyResourceType] ?? []
        let checksByType = byType
        @Sendable func judge(_ instance: ResourceInstance, into findings: inout [Finding]) {
            if instance.mode == .data, ProviderSchemas.bundled.schema(mode: .managed, type: instance.type) != nil { return }
            for check in (checksByType[instance.type] ?? []) + everyType {
                let verdict = check.evaluate(instance, context)
                let file: String?
                switch instance.origin {
                case .configuration(let f, _): file = f
                case .plan(let f), .state(let f): file = f
                case .cloud: file = nil
                }
                switch verdict {
                case .notApplicable:
                    continue
                case .passed:
                    findings.append(Finding(
                        check: check.metadata, status: .passed, resource: instance.address, resourceType: instance.type,
                        file: file, range: SourceLocator.range(of: "", in: instance), message: check.metadata.title))
                case .failed(let path, let message):
                    findings.append(Finding(
                        check: check.metadata, status: .failed, resource: instance.address, resourceType: instance.type,
                        file: file, range: SourceLocator.range(of: path, in: instance), path: path, message: message))
                case .unknown(let paths, let message):
                    findings.append(Finding(
                        check: check.metadata, status: .unknown, resource: instance.address, resourceType: instance.type,
                        file: file, range: SourceLocator.range(of: paths.first ?? "", in: instance), path: paths.first ?? "",
                        message: message, unknownPaths: paths))
                }
            }
        }
        // Checks are pure functions of an instance and the shared, read-only graph (whose
        // memo is locked), so instances are judged in parallel chunks; the chunks are joined
        // in order, so the findings are the same as one thread's.
        let chunks = instances.count < 256 ? 1 : min(instances.count / 64, ProcessInfo.processInfo.activeProcessorCount * 4)
        var parts = [[Finding]](repeating: [], count: chunks)
        parts.withUnsafeMutableBufferPointer { buffer in
            let output = ChunkOutput(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var local: [Finding] = []
                for i in (chunk * instances.count / chunks)..<((chunk + 1) * instances.count / chunks) {
                    judge(instances[i], into: &local)
                }
                output.buffer[chunk] = local
            }
        }
        var findings = parts.flatMap { $0 }
        for module in modules {
            for check in moduleChecks {
                for v in check.evaluate(module) {
                    findings.append(Finding(
                        check: check.metadata, status: v.passed ? .passed : .failed, resource: v.subject,
                        resourceType: v.subject.split(separator: ".").first.map(String.init) ?? v.subject,
                        file: v.file, range: v.range, message: v.message))
                }
            }
        }
        return findings.sorted(by: Finding.order)
    }
}

extension Finding {
    /// By file, then position, then check ID: the same bytes for the same input.
    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
        let pa = a.range?.start.byte ?? 0, pb = b.range?.start.byte ?? 0
        if pa != pb { return pa < pb }
        if a.resource != b.resource { return a.resource < b.resource }
        return a.check.id < b.check.id
    }
}
