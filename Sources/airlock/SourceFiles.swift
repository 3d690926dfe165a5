import ArgumentParser
import Foundation

/// Finds the HCL files named on the command line.
enum SourceFiles {
    /// File name endings read from directories: Terraform configuration, variable files,
    /// and other HCL (`.hcl`, e.g. Terragrunt or Packer).
    static let extensions = [".tf", ".tfvars", ".hcl"]

    /// The paths listed in `file` (one per line, blank lines ignored; `-` is standard input).
    static func list(from file: String?) throws -> [String] {
        guard let file else { return [] }
        let data: Data?
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: file)
        }
        guard let data else { throw ValidationError("Cannot read the file list \(file).") }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }

    /// Expands each argument: a file is taken as is, a directory is searched recursively
    /// (skipping hidden directories such as `.terraform`). The result is sorted per
    /// argument, so output is deterministic.
    static func collect(_ arguments: [String]) throws -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw ValidationError("No such file or directory: \(argument)")
            }
            guard isDirectory.boolValue else {
                result.append(argument)
                continue
            }
            var found: [String] = []
            let base = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            if let walker = fm.enumerator(atPath: argument) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") {
                        walker.skipDescendants()
                        continue
                    }
                    if extensions.contains(where: { name.hasSuffix($0) }) {
                        let path = base + "/" + relative
                        var dir: ObjCBool = false
                        if fm.fileExists(atPath: path, isDirectory: &dir), !dir.boolValue { found.append(path) }
                    }
                }
            }
            result.append(contentsOf: found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        return result
    }
}
