import Foundation
import HCL

/// Reading a plan or state file: its bytes, then its JSON, with errors that say which.
enum DocumentSource {
    /// The bytes of a file, or an `unreadableFile` error naming it.
    static func bytes(atPath path: String) throws(TerraformDocumentError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TerraformDocumentError(
                code: .unreadableFile, summary: "File not found",
                detail: "There is no file at \(path). Give the path of a `terraform show -json` output or a state file.",
                file: path)
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw TerraformDocumentError(
                code: .unreadableFile, summary: "File cannot be read",
                detail: isDirectory.boolValue
                    ? "\(path) is a directory; give the plan or state file inside it."
                    : "\(path) exists but cannot be read; check its permissions.",
                file: path)
        }
        return [UInt8](data)
    }

    /// The JSON document in `bytes`; syntax errors carry line and column.
    ///
    /// A saved plan (`terraform plan -out`) is a zip archive, not JSON: it is recognised by
    /// its signature and the error says how to turn it into JSON.
    static func json(_ bytes: [UInt8], context: JSONNode.Context) throws(TerraformDocumentError) -> JSONNode {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw TerraformDocumentError(
                code: .invalidPlanFile, summary: "Saved plan file, not JSON",
                detail: "\(context.file) is a binary plan saved by `terraform plan -out`. Airlock reads its JSON "
                    + "form: run `terraform show -json \(context.file) > plan.json` and give plan.json.",
                file: context.file)
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw TerraformDocumentError(
                code: context.code, summary: "Empty file",
                detail: "\(context.file) is empty; a \(context.document) file is a JSON object written by Terraform.",
                file: context.file)
        }
        // A byte-order mark is not JSON, but editors add one; say so rather than "invalid character".
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw TerraformDocumentError(
                code: context.code, summary: "Not valid JSON",
                detail: "\(context.file) starts with a UTF-8 byte-order mark, which JSON does not allow; "
                    + "save the file without it.",
                file: context.file, line: 1, column: 1, offset: 0)
        }
        do throws(JSONParser.Error) {
            return JSONNode(try JSONParser.parse(bytes), context: context)
        } catch {
            throw TerraformDocumentError(
                code: context.code, summary: "Not valid JSON",
                detail: "\(error.message) (line \(error.line), column \(error.column)). A \(context.document) file "
                    + "is the complete JSON written by Terraform; was the file truncated or edited?",
                file: context.file, line: error.line, column: error.column, offset: error.offset)
        }
    }

    /// The `format_version` member of a JSON-output document, checked to be one Airlock reads.
    static func formatVersion(of root: JSONNode) throws(TerraformDocumentError) -> FormatVersion {
        let node = try root.required("format_version")
        let text = try node.string()
        guard let version = FormatVersion(text) else {
            throw root.error(
                "Invalid format version",
                "`format_version` is \(JSONNode.quoted(text)); Terraform writes a version such as \"1.2\".")
        }
        guard version.isSupported else {
            throw root.error(
                "Unsupported \(root.context.document) format version \(version)",
                "The \(root.context.document) has format_version \(text), written by a Terraform newer than "
                    + "Airlock understands. Airlock reads format versions 0.x and 1.x (Terraform 0.12 to 1.x); "
                    + "a new major version may change the meaning of existing members, so it is refused rather "
                    + "than guessed. Produce the \(root.context.document) with Terraform 1.x or upgrade Airlock.")
        }
        return version
    }
}
