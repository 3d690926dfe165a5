import Foundation
import HCL

/// Reading the files a configuration ships (`file`, `filebase64`, `templatefile`, the file
/// hashes), with the paths and error wording of Terraform's `filesystem.go`.
enum ConfigFile {
    enum Kind {
        case missing
        case regular
        case directory
        case other
    }

    /// What is at an absolute path, following symbolic links as `os.Stat` does.
    static func kind(at path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .directory }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let type = attributes[.type] as? FileAttributeType
        else { return .other }
        // attributesOfItem does not follow a final symbolic link; fileExists did, and found a file.
        return type == .typeRegular || type == .typeSymbolicLink ? .regular : .other
    }

    /// The bytes of the file at `path` (relative to `base`).
    ///
    /// With `argument` set, a failure is reported against that argument in the words of
    /// `file()` ("no file exists at ..."); without, as a failed call in the operating
    /// system's words, as the file hash functions do.
    static func read(_ path: String, in base: String, argument: Int?) throws(FunctionError) -> [UInt8] {
        let resolved: String
        do {
            resolved = try GoPath.resolve(path, base: base)
        } catch {
            throw FunctionError(argument: argument, "failed to expand ~: \(error.message)")
        }
        switch kind(at: resolved) {
        case .missing:
            if argument != nil {
                throw FunctionError(argument: argument, "no file exists at \(quoted(path)); this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource")
            }
            throw FunctionError("open \(path): no such file or directory")
        case .directory:
            if argument != nil {
                throw FunctionError(argument: argument, "failed to read file: read \(path): is a directory")
            }
            throw FunctionError("read \(path): is a directory")
        case .regular, .other:
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw FunctionError(argument: argument, "failed to read file: open \(path): permission denied")
            }
            return [UInt8](data)
        }
    }

    /// The file's text; Terraform requires UTF-8.
    static func readText(_ path: String, in base: String) throws(FunctionError) -> String {
        let bytes = try read(path, in: base, argument: 0)
        guard let text = String(validatingUTF8Bytes: bytes) else {
            throw FunctionError("contents of \(quoted(path)) are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead")
        }
        return text
    }

    /// A Go `%q` rendering of a path, as Terraform prints paths in these messages.
    static func quoted(_ s: String) -> String {
        var out = ""
        Value.appendJSONString(s, to: &out)
        return out
    }
}

extension String {
    /// The bytes as a string when they are valid UTF-8; nil otherwise (no repair).
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        // Decoding repairs invalid sequences with U+FFFD; valid input round-trips exactly.
        let s = String(decoding: bytes, as: UTF8.self)
        guard s.utf8.elementsEqual(bytes) else { return nil }
        self = s
    }
}
