import Crypto
import Foundation
import HCL

/// The SHA-256 that binds decisions and approvals to one exact plan.
///
/// A plan JSON is hashed in a canonical form — object keys sorted and de-duplicated (the
/// last wins, as Go reads JSON), no insignificant whitespace, numbers as written — so
/// `jq .` over the file does not change its digest while any change of content does.
/// A binary plan file is hashed byte for byte. Digests are written `sha256:<hex>`.
public enum PlanDigest {
    /// The digest of a plan JSON document; throws the parser's error (with line and column).
    public static func ofJSON(_ bytes: [UInt8]) throws(JSONParser.Error) -> String {
        let value = try JSONParser.parse(bytes)
        return ofJSON(value)
    }

    public static func ofJSON(_ value: JSONValue) -> String {
        var writer = JSONWriter(capacity: 1 << 16)
        write(value, into: &writer)
        return hex(writer.bytes)
    }

    /// The digest of any file's bytes (a binary plan file).
    public static func ofBytes(_ bytes: [UInt8]) -> String { hex(bytes) }

    public static func ofBytes(_ data: Data) -> String {
        "sha256:" + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func hex(_ bytes: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    static func write(_ value: JSONValue, into writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let text): writer.raw(text)
        case .string(let s): writer.string(s)
        case .array(let items):
            writer.beginArray()
            for item in items { write(item, into: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            // Terraform writes most objects with sorted, unique keys already (Go sorts map
            // keys); only the rest pay for de-duplication and sorting.
            if zip(members, members.dropFirst()).allSatisfy({ $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
                for (key, member) in members {
                    writer.key(key)
                    write(member, into: &writer)
                }
            } else {
                var last: [String: JSONValue] = [:]
                for (k, v) in members { last[k] = v }
                for key in last.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                    writer.key(key)
                    write(last[key]!, into: &writer)
                }
            }
            writer.endObject()
        }
    }
}
