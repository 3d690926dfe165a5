import ArgumentParser
import HCL

/// `airlock parse`: parse HCL files and print their structure or their diagnostics.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse Terraform/HCL files and report their structure and syntax errors.",
        discussion: """
            Directories are searched recursively for .tf, .tfvars and .hcl files.

            --format json prints one object per file: its attributes and blocks (in source
            order, with exact ranges) and its diagnostics. --format text prints each
            diagnostic with the source line and a caret under the problem.

            Exit codes: 0 no syntax errors, 1 a file has syntax errors, 2 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Files or directories to parse.")
    var paths: [String] = []

    // Thousands of paths on the command line are slow to parse (argument parsing grows with
    // the square of their number), so big file lists come from a file or standard input.
    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read more paths from FILE, one per line (- for standard input).", valueName: "FILE"))
    var filesFrom: String?

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "With --format json, include each attribute's expression tree.")
    var expressions = false

    func validate() throws {
        if paths.isEmpty && filesFrom == nil {
            throw ValidationError("Name at least one file or directory to parse, or use --files-from.")
        }
    }

    func run() throws {
        let files = try SourceFiles.collect(paths + SourceFiles.list(from: filesFrom))
        var hasErrors = false
        switch format {
        case .json:
            var w = JSONWriter(capacity: 1 << 16)
            w.beginArray()
            for path in files {
                let file = HCLParser.parse(contentsOf: path)
                hasErrors = hasErrors || file.diagnostics.hasErrors
                file.writeJSON(to: &w, expressions: expressions)
            }
            w.endArray()
            Terminal.writeStdout(w.bytes + [0x0A])
        case .text:
            let renderer = DiagnosticRenderer(color: Terminal.supportsColor(fileDescriptor: 1))
            var errors = 0
            var failedFiles = 0
            var out = ""
            for path in files {
                let file = HCLParser.parse(contentsOf: path)
                let count = file.diagnostics.filter { $0.severity == .error }.count
                if count > 0 { failedFiles += 1 }
                errors += count
                for d in file.diagnostics { out += renderer.render(d, in: file) + "\n" }
            }
            hasErrors = errors > 0
            let noun = files.count == 1 ? "file" : "files"
            if hasErrors {
                out += "Parsed \(files.count) \(noun): \(errors) error\(errors == 1 ? "" : "s") in \(failedFiles) \(failedFiles == 1 ? "file" : "files").\n"
            } else {
                out += "Parsed \(files.count) \(noun): no syntax errors.\n"
            }
            Terminal.writeStdout(out)
        }
        if hasErrors { throw ExitStatus.reported }
    }
}
