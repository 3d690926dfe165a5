import Foundation
import HCL

/// Collects the root module's variable values from every place Terraform reads them, in
/// Terraform's order of precedence (later wins): `TF_VAR_*` environment variables,
/// `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in name order, then
/// `-var-file` and `-var` options in command-line order.
enum RootVariables {
    static func values(for config: ModuleConfig, session: EvaluationSession) -> [String: Value] {
        var values: [String: Value] = [:]
        let options = session.options
        for (name, declaration) in config.variables {
            if let raw = options.environment["TF_VAR_\(name)"] {
                if let v = parseOption(raw, for: declaration, origin: "environment variable TF_VAR_\(name)", session: session) {
                    values[name] = v
                }
            }
        }
        let dir = config.directory
        let listing = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        var files: [String] = []
        if listing.contains("terraform.tfvars") { files.append("terraform.tfvars") }
        if listing.contains("terraform.tfvars.json") { files.append("terraform.tfvars.json") }
        files += listing.filter { $0.hasSuffix(".auto.tfvars") || $0.hasSuffix(".auto.tfvars.json") }
        for file in files {
            merge(readFile((dir as NSString).appendingPathComponent(file), config: config, session: session, explicit: false), into: &values)
        }
        // -var-file and -var keep their relative order on the command line; Airlock's
        // options record files first, so a `-var` always wins over a `-var-file`.
        for file in options.varFiles {
            let path = file.hasPrefix("/") ? file : (session.workingDirectory as NSString).appendingPathComponent(file)
            merge(readFile(path, config: config, session: session, explicit: true), into: &values)
        }
        for option in options.vars {
            guard let eq = option.firstIndex(of: "=") else {
                session.report(.invalidVarOption, "Invalid -var option",
                    "The given -var option \"\(option)\" is not correctly specified. It must be a variable name and value separated by an equals sign, like -var=\"key=value\".",
                    nil, file: nil)
                continue
            }
            let name = String(option[..<eq]).trimmingCharacters(in: .whitespaces)
            let raw = String(option[option.index(after: eq)...])
            guard let declaration = config.variables[name] else {
                session.report(.undeclaredVariable, "Value for undeclared variable",
                    "A variable named \"\(name)\" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a \"variable\" block to the configuration.",
                    nil, file: nil)
                continue
            }
            if let v = parseOption(raw, for: declaration, origin: "-var \"\(name)\"", session: session) { values[name] = v }
        }
        return values
    }

    private static func merge(_ new: [String: Value], into values: inout [String: Value]) {
        for (k, v) in new { values[k] = v }
    }

    /// A `-var` or `TF_VAR_` value: the raw string for primitive types, otherwise an HCL expression.
    private static func parseOption(_ raw: String, for declaration: VariableDeclaration, origin: String, session: EvaluationSession) -> Value? {
        if declaration.type.type.isPrimitive { return .string(raw) }
        let (expression, diagnostics) = HCLParser.parseExpression(Array(raw.utf8), path: "<value for var.\(declaration.name)>")
        if diagnostics.hasErrors {
            session.report(.invalidVarOption, "Invalid value for variable",
                "The value of \(origin) is not a valid HCL expression: \(diagnostics.first!.summary). Complex types (lists, maps, objects) must be written in HCL syntax, like [\"a\", \"b\"].",
                nil, file: nil)
            return nil
        }
        var evaluator = Evaluator()
        let value = evaluator.evaluate(expression, in: EvalContext(functions: NoFunctions()))
        session.diagnostics.append(contentsOf: evaluator.diagnostics)
        return value
    }

    private static func readFile(_ path: String, config: ModuleConfig, session: EvaluationSession, explicit: Bool) -> [String: Value] {
        guard let data = FileManager.default.contents(atPath: path) else {
            session.report(.invalidVarFile, "Failed to read variables file",
                "Given variables file \(path) does not exist or cannot be read.", nil, file: path)
            return [:]
        }
        var out: [String: Value] = [:]
        if path.hasSuffix(".json") {
            do {
                let json = try JSONParser.parse([UInt8](data))
                guard let members = json.objectMembers else {
                    session.report(.invalidVarFile, "Invalid variables file",
                        "The root value of a JSON variables file must be an object.", nil, file: path)
                    return [:]
                }
                for (k, v) in members { out[k] = Value(json: v) }
            } catch {
                session.report(.invalidVarFile, "Invalid variables file",
                    "\(path) is not valid JSON: \(error.description).",
                    .at(SourcePos(line: error.line, column: error.column, byte: error.offset)), file: path)
                return [:]
            }
        } else {
            let file = HCLParser.parse([UInt8](data), path: path)
            session.diagnostics.append(contentsOf: file.diagnostics.map { var d = $0; d.file = path; return d })
            for block in file.body.blocks {
                session.report(.invalidVarFile, "Unexpected \"\(block.type)\" block",
                    "Blocks are not allowed here: a variables file holds only name = value assignments.", block.typeRange, file: path)
            }
            for attribute in file.body.attributes {
                var evaluator = Evaluator()
                let value = evaluator.evaluate(attribute.expression, in: EvalContext(functions: NoFunctions(), file: path))
                session.diagnostics.append(contentsOf: evaluator.diagnostics)
                out[attribute.name] = value
            }
        }
        for name in out.keys.sorted() where config.variables[name] == nil {
            // Terraform warns for values in automatically loaded files and errors for explicit ones.
            session.report(.undeclaredVariable, "Value for undeclared variable",
                "The variables file \(path) assigns \"\(name)\", but the root module does not declare a variable of that name.",
                nil, file: path, severity: explicit ? .error : .warning)
        }
        return out
    }
}
