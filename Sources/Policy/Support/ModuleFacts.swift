import HCL
import Terraform

/// What the module checks read from `provider` and `terraform` blocks.
enum ModuleFacts {
    /// `provider.aws`, or `provider.aws.west` for an aliased configuration.
    static func providerSubject(_ block: Block) -> String {
        var subject = "provider." + (block.labels.first ?? "")
        if case .literal(.string(let alias), _)? = block.body.attribute("alias")?.expression { subject += "." + alias }
        if case .template(let parts, _)? = block.body.attribute("alias")?.expression, parts.count == 1,
            case .literal(.string(let alias), _) = parts[0]
        {
            subject += "." + alias
        }
        return subject
    }

    /// One verdict per provider requirement: passed with a version constraint, failed
    /// without; and a failure when the module uses AWS resources but declares no
    /// requirement for the aws provider at all.
    static func judgeRequiredProviders(_ module: ModuleConfig) -> [ModuleVerdict] {
        var verdicts: [ModuleVerdict] = []
        var declared: Set<String> = []
        for file in module.files {
            for terraform in file.body.blocks(ofType: "terraform") {
                for requirements in terraform.body.blocks(ofType: "required_providers") {
                    for entry in requirements.body.attributes {
                        declared.insert(entry.name)
                        let subject = "terraform.required_providers.\(entry.name)"
                        if hasVersion(entry.expression) {
                            verdicts.append(ModuleVerdict(subject: subject, file: file.path, range: entry.range, passed: true, message: "The \(entry.name) provider has a version constraint."))
                        } else {
                            verdicts.append(ModuleVerdict(
                                subject: subject, file: file.path, range: entry.range, passed: false,
                                message: "The \(entry.name) provider is required without a version constraint: init takes whatever version is newest."))
                        }
                    }
                }
            }
        }
        if !declared.contains("aws"), let (file, block) = firstAWSBlock(module) {
            verdicts.append(ModuleVerdict(
                subject: "terraform", file: file, range: block.headerRange, passed: false,
                message: "The module uses AWS resources (\(block.subjectName)) but declares no required_providers entry for aws with a version constraint."))
        }
        return verdicts
    }

    /// Whether a required_providers entry constrains the version: `{ source, version }`,
    /// or the legacy string form `aws = "~> 5.0"`.
    private static func hasVersion(_ expression: Expression) -> Bool {
        switch expression {
        case .object(let items, _, _):
            return items.contains { $0.key.literalName == "version" || keyText($0.key.expression) == "version" }
        case .literal(.string, _), .template:
            return true
        default:
            // Anything else (a reference) cannot be read without evaluation; do not flag it.
            return true
        }
    }

    private static func keyText(_ e: Expression) -> String? {
        if case .template(let parts, _) = e, parts.count == 1, case .literal(.string(let s), _) = parts[0] { return s }
        if case .literal(.string(let s), _) = e { return s }
        return nil
    }

    private static func firstAWSBlock(_ module: ModuleConfig) -> (String, Block)? {
        for file in module.files {
            for block in file.body.blocks where ["resource", "data"].contains(block.type) {
                if let type = block.labels.first, type.hasPrefix("aws_") { return (file.path, block) }
            }
            for block in file.body.blocks(ofType: "provider") where block.labels.first == "aws" {
                return (file.path, block)
            }
        }
        return nil
    }
}
