import Foundation
import HCL

extension ModuleConfig {
    /// Meta-arguments of `resource` and `data` blocks: never part of the resource's values.
    static let resourceMetaArguments: Set<String> = ["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"]
    /// Meta-arguments of `module` blocks.
    static let moduleMetaArguments: Set<String> = ["source", "version", "count", "for_each", "providers", "depends_on"]

    /// Reads every `.tf` file of `directory` (not subdirectories), in name order.
    ///
    /// Override files (`override.tf`, `*_override.tf`) are merged after the others, as
    /// Terraform does, at the level of whole attributes and blocks.
    public static func load(directory: String) -> ModuleConfig {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".tf") && !$0.hasPrefix(".") }
            .sorted()
        let primary = names.filter { !isOverride($0) }
        let overrides = names.filter(isOverride)
        var config = ModuleConfig(directory: directory, files: [])
        if !FileManager.default.fileExists(atPath: directory) {
            config.diagnostics.append(Diagnostic(
                code: .moduleNotFound, summary: "Module directory not found",
                detail: "The directory \"\(directory)\" does not exist.", subject: nil, file: directory))
            return config
        }
        for name in primary + overrides {
            let path = (directory as NSString).appendingPathComponent(name)
            let file = HCLParser.parse(contentsOf: path)
            config.files.append(file)
            config.diagnostics.append(contentsOf: file.diagnostics.map { var d = $0; d.file = d.file ?? path; return d })
            config.add(file, isOverride: isOverride(name))
        }
        return config
    }

    private static func isOverride(_ name: String) -> Bool {
        name == "override.tf" || name.hasSuffix("_override.tf")
    }

    private mutating func add(_ file: ConfigFile, isOverride: Bool) {
        for block in file.body.blocks {
            let site = DeclarationSite(file: file.path, range: block.range)
            switch block.type {
            case "variable" where block.labels.count == 1:
                addVariable(block, site: site, isOverride: isOverride)
            case "locals":
                for attribute in block.body.attributes {
                    if let existing = locals[attribute.name], !isOverride {
                        duplicate("local value", attribute.name, existing.site, DeclarationSite(file: file.path, range: attribute.range))
                    }
                    locals[attribute.name] = LocalDeclaration(
                        name: attribute.name, expression: attribute.expression,
                        site: DeclarationSite(file: file.path, range: attribute.range))
                }
            case "resource" where block.labels.count == 2, "data" where block.labels.count == 2:
                addResource(block, mode: block.type == "data" ? .data : .managed, site: site, isOverride: isOverride)
            case "module" where block.labels.count == 1:
                let name = block.labels[0]
                if let existing = moduleCalls[name], !isOverride { duplicate("module call", name, existing.site, site) }
                var arguments: [String: Attribute] = [:]
                for attribute in block.body.attributes where !Self.moduleMetaArguments.contains(attribute.name) {
                    arguments[attribute.name] = attribute
                }
                moduleCalls[name] = ModuleCallDeclaration(
                    name: name, source: constantString(block.body.attribute("source")),
                    version: constantString(block.body.attribute("version")),
                    count: block.body.attribute("count")?.expression, forEach: block.body.attribute("for_each")?.expression,
                    arguments: arguments, site: site)
            case "output" where block.labels.count == 1:
                let name = block.labels[0]
                if let existing = outputs[name], !isOverride { duplicate("output", name, existing.site, site) }
                outputs[name] = OutputDeclaration(
                    name: name, value: block.body.attribute("value")?.expression,
                    sensitive: constantBool(block.body.attribute("sensitive")) ?? false, site: site)
            default:
                // terraform, provider, moved, import, check and removed blocks do not
                // contribute resource values.
                break
            }
        }
    }

    private mutating func addVariable(_ block: Block, site: DeclarationSite, isOverride: Bool) {
        let name = block.labels[0]
        if let existing = variables[name], !isOverride { duplicate("variable", name, existing.site, site) }
        var type = TypeConstraint.any
        if let typeAttribute = block.body.attribute("type") {
            switch TypeConstraint.parse(typeAttribute.expression) {
            case .success(let t): type = t
            case .failure(let d):
                var diagnostic = d
                diagnostic.file = site.file
                diagnostics.append(diagnostic)
            }
        }
        let validations = block.body.blocks(ofType: "validation").compactMap { v -> VariableDeclaration.Validation? in
            guard let condition = v.body.attribute("condition")?.expression else { return nil }
            return .init(condition: condition, errorMessage: v.body.attribute("error_message")?.expression)
        }
        variables[name] = VariableDeclaration(
            name: name, type: type, defaultValue: block.body.attribute("default")?.expression,
            sensitive: constantBool(block.body.attribute("sensitive")) ?? false,
            nullable: constantBool(block.body.attribute("nullable")) ?? true,
            validations: validations, site: site)
    }

    private mutating func addResource(_ block: Block, mode: ResourceInstance.Mode, site: DeclarationSite, isOverride: Bool) {
        let (type, name) = (block.labels[0], block.labels[1])
        let key = ResourceDeclaration.key(mode: mode, type: type, name: name)
        let declaration = ResourceDeclaration(
            mode: mode, type: type, name: name,
            count: block.body.attribute("count")?.expression, forEach: block.body.attribute("for_each")?.expression,
            provider: providerReference(block.body.attribute("provider")), body: block.body, site: site)
        if let index = resourceIndex[key] {
            if isOverride {
                resources[index] = ModuleConfig.merge(resources[index], override: declaration)
            } else {
                duplicate(mode == .data ? "data resource" : "resource", key, resources[index].site, site)
            }
            return
        }
        if declaration.count != nil, declaration.forEach != nil {
            diagnostics.append(Diagnostic(
                code: .countAndForEach, summary: "Invalid combination of \"count\" and \"for_each\"",
                detail: "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.",
                subject: block.body.attribute("for_each")?.nameRange, file: site.file))
        }
        resourceIndex[key] = resources.count
        resources.append(declaration)
    }

    /// An override replaces whole attributes and whole nested block types.
    private static func merge(_ base: ResourceDeclaration, override: ResourceDeclaration) -> ResourceDeclaration {
        var merged = base
        var body = base.body
        for attribute in override.body.attributes {
            body.attributes.removeAll { $0.name == attribute.name }
            body.attributes.append(attribute)
        }
        let overriddenBlockTypes = Set(override.body.blocks.map(\.type))
        body.blocks.removeAll { overriddenBlockTypes.contains($0.type) }
        body.blocks.append(contentsOf: override.body.blocks)
        merged.body = body
        merged.count = body.attribute("count")?.expression
        merged.forEach = body.attribute("for_each")?.expression
        return merged
    }

    private mutating func duplicate(_ kind: String, _ name: String, _ first: DeclarationSite, _ second: DeclarationSite) {
        diagnostics.append(Diagnostic(
            code: .duplicateDeclaration, summary: "Duplicate \(kind) \"\(name)\"",
            detail: "A \(kind) named \"\(name)\" was already declared at \(first.file):\(first.range.start.line),\(first.range.start.column). Names must be unique within a module.",
            subject: second.range, file: second.file))
    }

    private func constantString(_ attribute: Attribute?) -> String? {
        guard let attribute else { return nil }
        var evaluator = Evaluator()
        return evaluator.evaluate(attribute.expression, in: EvalContext()).stringValue
    }

    private func constantBool(_ attribute: Attribute?) -> Bool? {
        guard let attribute else { return nil }
        var evaluator = Evaluator()
        return (try? evaluator.evaluate(attribute.expression, in: EvalContext()).converted(to: .bool))?.boolValue
    }

    private func providerReference(_ attribute: Attribute?) -> String? {
        guard let attribute, case .scopeTraversal(let steps, _) = attribute.expression else { return nil }
        return steps.compactMap { step -> String? in
            switch step {
            case .root(let n, _), .attribute(let n, _): return n
            case .index: return nil
            }
        }.joined(separator: ".")
    }
}
