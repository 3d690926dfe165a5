import Foundation
import HCL

extension Builtins {
    /// The filesystem functions of Terraform's `filesystem.go`. Relative paths resolve
    /// against `FunctionContext.baseDirectory`, and a leading `~` against $HOME, as there.
    static let files: [BuiltinFunction] = [
        BuiltinFunction("file", [.init("path", .string)], returns: .string) { args, context throws(FunctionError) in
            .string(try ConfigFile.readText(args[0].stringValue!, in: context.baseDirectory))
        },
        BuiltinFunction("filebase64", [.init("path", .string)], returns: .string) { args, context throws(FunctionError) in
            let bytes = try ConfigFile.read(args[0].stringValue!, in: context.baseDirectory, argument: 0)
            return .string(Data(bytes).base64EncodedString())
        },
        BuiltinFunction("fileexists", [.init("path", .string)], returns: .bool) { args, context throws(FunctionError) in
            let path = args[0].stringValue!
            let resolved: String
            do {
                resolved = try GoPath.resolve(path, base: context.baseDirectory)
            } catch {
                throw FunctionError("failed to expand ~: \(messageOf(error)).")
            }
            switch ConfigFile.kind(at: resolved) {
            case .regular: return .true
            case .missing:
                // os.Stat fails with "not a directory" when a parent is a file; Terraform
                // reports that as a failure to stat, not as a missing file.
                if parentIsFile(resolved) { throw FunctionError("failed to stat \(ConfigFile.quoted(path)).") }
                return .false
            case .directory: throw FunctionError("\(ConfigFile.quoted(path)) is a directory, not a file.")
            case .other: throw FunctionError("\(ConfigFile.quoted(path)) is not a regular file.")
            }
        },
        BuiltinFunction("fileset", [.init("path", .string), .init("pattern", .string)], returns: .set(.string)) { args, context throws(FunctionError) in
            var root = args[0].stringValue!
            if !GoPath.isAbsolute(root) { root = GoPath.join(context.baseDirectory, root) }
            if !GoPath.isAbsolute(root) { root = GoPath.join(FileManager.default.currentDirectoryPath, root) }
            root = GoPath.clean(root)
            // Terraform joins the pattern to the path, which also cleans it: "*/" is "*".
            let pattern = GoPath.join(root, args[1].stringValue!)
            let glob: GlobPattern
            do {
                glob = try GlobPattern(pattern)
            } catch {
                throw FunctionError("failed to glob pattern \(ConfigFile.quoted(pattern)): syntax error in pattern.")
            }
            var results: [Value] = []
            for match in glob.matches(under: "/")
            where ConfigFile.kind(at: match) == .regular {
                results.append(.string(GoPath.relative(match, to: root)))
            }
            return .set(results, element: .string)
        },
        BuiltinFunction("templatefile", [.init("path", .string), .init("vars", .any, allowUnknown: true)], returns: .any, handlesMarks: true) {
            args, context throws(FunctionError) in
            try TemplateFile.render(path: args[0], vars: args[1], context: context)
        },
        // Terraform 1.9+: a template held in a string value (`templatestring(local.t, {...})`).
        BuiltinFunction("templatestring", [.init("template", .string), .init("vars", .any, allowUnknown: true)], returns: .any, handlesMarks: true) {
            args, context throws(FunctionError) in
            guard let text = args[0].stringValue else { return Value.dynamicUnknown.marked(args[0].isSensitive) }
            return try TemplateFile.render(text: text, name: "<templatestring>", vars: args[1], context: context)
                .marked(args[0].isSensitive)
        },
        BuiltinFunction("abspath", [.init("path", .string)], returns: .string) { args, context throws(FunctionError) in
            // Terraform uses the process's working directory, which is the root module's;
            // Airlock's base directory plays that part.
            var path = args[0].stringValue!
            if !GoPath.isAbsolute(path) {
                var base = context.baseDirectory
                if !GoPath.isAbsolute(base) { base = GoPath.join(FileManager.default.currentDirectoryPath, base) }
                path = GoPath.join(base, path)
            }
            return .string(GoPath.clean(path))
        },
        BuiltinFunction("dirname", [.init("path", .string)], returns: .string) { args, _ throws(FunctionError) in
            .string(GoPath.dir(args[0].stringValue!))
        },
        BuiltinFunction("basename", [.init("path", .string)], returns: .string) { args, _ throws(FunctionError) in
            .string(GoPath.base(args[0].stringValue!))
        },
        BuiltinFunction("pathexpand", [.init("path", .string)], returns: .string) { args, _ throws(FunctionError) in
            do {
                return .string(try GoPath.expandHome(args[0].stringValue!))
            } catch {
                throw FunctionError("\(messageOf(error)).")
            }
        },
    ]

    private static func parentIsFile(_ path: String) -> Bool {
        var p = GoPath.dir(path)
        while p != "/" && p != "." {
            if ConfigFile.kind(at: p) == .regular { return true }
            p = GoPath.dir(p)
        }
        return false
    }
}

/// `templatefile`: a file rendered as an HCL template with only the given variables.
enum TemplateFile {
    static func render(path pathArgument: Value, vars: Value, context: FunctionContext) throws(FunctionError) -> Value {
        let pathSensitive = pathArgument.isSensitive
        guard let path = pathArgument.stringValue else { return Value.dynamicUnknown.marked(pathSensitive) }
        let text = try ConfigFile.readText(path, in: context.baseDirectory)
        return try render(text: text, name: path, vars: vars, context: context).marked(pathSensitive)
    }

    /// Renders template text with only the given variables.
    static func render(text: String, name path: String, vars: Value, context: FunctionContext) throws(FunctionError) -> Value {
        let pathSensitive = false
        let (expression, parseDiagnostics) = HCLParser.parseTemplate(Array(text.utf8), path: path)
        if let error = parseDiagnostics.first(where: { $0.severity == .error }) {
            throw FunctionError(describe(error, in: path))
        }
        guard vars.isKnown else { return Value.dynamicUnknown.marked(pathSensitive) }
        guard let variables = vars.attributes else {
            throw FunctionError(argument: 1, "invalid vars value: must be a map.")
        }
        // Marks on the vars value as a whole travel to every variable in it.
        let bound = variables.mapValues { $0.marked(vars.isSensitive) }
        let evalContext = EvalContext(
            resolver: TemplateVariables(path: path), functions: NonRecursiveFunctions(base: context.library),
            baseDirectory: context.baseDirectory, file: path, bound: bound)
        var evaluator = Evaluator()
        let result = evaluator.evaluate(expression, in: evalContext)
        if let error = evaluator.diagnostics.first(where: { $0.severity == .error }) {
            if error.code == .unknownVariable {
                throw FunctionError(argument: 1, "\(error.detail), referenced at \(location(error.subject, in: path)).")
            }
            throw FunctionError(describe(error, in: path))
        }
        if result.isNull {
            throw FunctionError("\(location(expression.range, in: path)): Template result is null; The result of the template is null, which is not a valid result for a templatestring call..")
        }
        return result.marked(pathSensitive)
    }

    /// A diagnostic as Terraform folds it into a function error: `file:range: summary; detail.`
    static func describe(_ d: Diagnostic, in path: String) -> String {
        "\(location(d.subject, in: path)): \(d.summary); \(d.detail)."
    }

    /// HCL's range notation, `file:line,column-column`.
    static func location(_ range: SourceRange?, in path: String) -> String {
        guard let r = range else { return path }
        if r.start.line == r.end.line { return "\(path):\(r.start.line),\(r.start.column)-\(r.end.column)" }
        return "\(path):\(r.start.line),\(r.start.column)-\(r.end.line),\(r.end.column)"
    }
}

/// The variables a template may use: only the ones bound from `vars`; any other name is an error.
private struct TemplateVariables: ReferenceResolver {
    var path: String

    func resolve(_ steps: [TraversalStep], range: SourceRange) -> Resolution {
        var name = "?"
        var subject = range
        if case .root(let n, let r) = steps.first {
            name = n
            subject = r
        }
        return .failure(Diagnostic(
            code: .unknownVariable, summary: "Unknown variable",
            detail: "vars map does not contain key \(ConfigFile.quoted(name))", subject: subject))
    }
}

/// The caller's functions, except that `templatefile` may not call itself: that could
/// include a file into itself without end.
private struct NonRecursiveFunctions: FunctionLibrary {
    var base: any FunctionLibrary

    func call(_ name: String, arguments: [Value], context: FunctionContext) throws(FunctionError) -> Value? {
        if name == "templatefile" || name == "core::templatefile" {
            throw FunctionError("cannot recursively call templatefile from inside another template function.")
        }
        return try base.call(name, arguments: arguments, context: context)
    }
}
