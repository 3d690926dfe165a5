import Foundation
import HCL

/// The resource schemas Airlock knows, looked up by type.
///
/// The AWS provider's schema (5.100.0) ships with Airlock in compact form, one line per
/// type; a line is parsed only when a configuration uses that type.
public final class ProviderSchemas: @unchecked Sendable {
    private let lines: [String: Substring]
    private var parsed: [String: ResourceSchema?] = [:]
    private let lock = NSLock()

    /// The schemas bundled with Airlock.
    public static let bundled: ProviderSchemas = {
        guard let url = Bundle.module.url(forResource: "aws-provider-schema", withExtension: "jsonl"),
            let data = try? Data(contentsOf: url)
        else { return ProviderSchemas(text: "") }
        return ProviderSchemas(text: String(decoding: data, as: UTF8.self))
    }()

    /// Schemas in the compact line format: `r|d <TAB> type <TAB> json`.
    public init(text: String) {
        var lines: [String: Substring] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2)
            guard parts.count == 3 else { continue }
            lines["\(parts[0]).\(parts[1])"] = parts[2]
        }
        self.lines = lines
    }

    /// The schema of a resource (`managed`) or data source type, if known.
    public func schema(mode: ResourceInstance.Mode, type: String) -> ResourceSchema? {
        if mode == .managed, type == "terraform_data" { return Self.terraformData }
        let key = "\(mode == .data ? "d" : "r").\(type)"
        lock.lock()
        defer { lock.unlock() }
        if let cached = parsed[key] { return cached }
        var schema: ResourceSchema?
        if let line = lines[key], let json = try? JSONParser.parse(String(line)) {
            schema = ResourceSchema(compact: json)
        }
        parsed[key] = schema
        return schema
    }

    /// Terraform's built-in `terraform_data` resource (provider `terraform.io/builtin/terraform`).
    static let terraformData = ResourceSchema(
        attributes: [
            "id": .init(type: .string, required: false, optional: false, computed: true, sensitive: false),
            "input": .init(type: .any, required: false, optional: true, computed: false, sensitive: false),
            "output": .init(type: .any, required: false, optional: false, computed: true, sensitive: false),
            "triggers_replace": .init(type: .any, required: false, optional: true, computed: false, sensitive: false),
        ],
        blocks: [:])

    /// Whether Airlock knows the provider that owns `type` (by its prefix).
    public func knowsProvider(of type: String) -> Bool {
        type.hasPrefix("aws_")
    }
}
