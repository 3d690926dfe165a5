import Foundation
import HCL

extension Builtins {
    /// The encoding functions: JSON and YAML (go-cty and go-cty-yaml), CSV, Base64 in its
    /// variants, and URL query escaping (Terraform's `encoding.go`).
    static let encoding: [BuiltinFunction] = [
        BuiltinFunction("jsonencode", [.init("val", .any, allowNull: true)], returns: .string) { args, _ throws(FunctionError) in
            // Unknown parts were turned into an unknown result by BuiltinFunction.call.
            guard let text = args[0].jsonEncoded else { return .unknown(.string) }
            return .string(text)
        },
        BuiltinFunction("jsondecode", [.init("str", .string)], returns: .any) { args, _ throws(FunctionError) in
            do {
                return Value(json: try JSONParser.parse(args[0].stringValue!))
            } catch {
                throw FunctionError("\(messageOf(error)).")
            }
        },
        BuiltinFunction("yamlencode", [.init("value", .any, allowNull: true)], returns: .string) { args, _ throws(FunctionError) in
            .string(YAMLEmitter.encode(args[0]))
        },
        BuiltinFunction("yamldecode", [.init("src", .string)], returns: .any) { args, _ throws(FunctionError) in
            do {
                return try YAMLDecoding.decode(args[0].stringValue!)
            } catch {
                throw FunctionError("\(messageOf(error)).")
            }
        },
        BuiltinFunction("base64encode", [.init("str", .string)], returns: .string) { args, _ throws(FunctionError) in
            .string(Data(args[0].stringValue!.utf8).base64EncodedString())
        },
        BuiltinFunction("base64decode", [.init("str", .string)], returns: .string) { args, _ throws(FunctionError) in
            let text = args[0].stringValue!
            let bytes: [UInt8]
            do {
                bytes = try GoBase64.decode(text)
            } catch {
                throw FunctionError("failed to decode base64 data \(ConfigFile.quoted(text)).")
            }
            guard let decoded = String(validatingUTF8Bytes: bytes) else {
                throw FunctionError("the result of decoding the provided string is not valid UTF-8.")
            }
            return .string(decoded)
        },
        BuiltinFunction("base64gzip", [.init("str", .string)], returns: .string) { args, _ throws(FunctionError) in
            .string(Data(GoGzip.compress(Array(args[0].stringValue!.utf8))).base64EncodedString())
        },
        BuiltinFunction("csvdecode", [.init("str", .string)], returns: .any) { args, _ throws(FunctionError) in
            try csvDecode(args[0].stringValue!)
        },
        BuiltinFunction("urlencode", [.init("str", .string)], returns: .string) { args, _ throws(FunctionError) in
            .string(queryEscape(args[0].stringValue!))
        },
        BuiltinFunction("textencodebase64", [.init("string", .string), .init("encoding", .string)], returns: .string) { args, _ throws(FunctionError) in
            let name = args[1].stringValue!
            guard let encoding = TextEncoding(name: name) else { return try unsupportedEncoding(name) }
            guard let bytes = encoding.encode(args[0].stringValue!) else {
                throw FunctionError(argument: 0, "the given string contains characters that cannot be represented in \(encoding.ianaName).")
            }
            return .string(Data(bytes).base64EncodedString())
        },
        BuiltinFunction("textdecodebase64", [.init("source", .string), .init("encoding", .string)], returns: .string) { args, _ throws(FunctionError) in
            let name = args[1].stringValue!
            guard let encoding = TextEncoding(name: name) else { return try unsupportedEncoding(name) }
            let bytes: [UInt8]
            do {
                bytes = try GoBase64.decode(args[0].stringValue!)
            } catch {
                throw FunctionError(argument: 0, "the given value is has an invalid base64 symbol at offset \((error as? GoBase64.CorruptInput)?.offset ?? 0).")
            }
            guard let text = encoding.decode(bytes) else {
                throw FunctionError(argument: 0, "the given string contains symbols that are not defined for \(encoding.ianaName).")
            }
            return .string(text)
        },
    ]

    /// IANA encodings Terraform supports that Airlock does not implement: the result is
    /// unknown rather than a false error. Anything else is not an encoding at all.
    private static let otherKnownEncodings: Set<String> = [
        "shift_jis", "ms_kanji", "csshiftjis", "euc-jp", "cseucpkdfmtjapanese", "iso-2022-jp", "csiso2022jp", "euc-kr",
        "cseuckr", "gbk", "cp936", "ms936", "windows-936", "csgbk", "gb18030", "csgb18030", "big5", "csbig5", "koi8-r",
        "cskoi8r", "koi8-u", "cskoi8u", "windows-1250", "windows-1251", "windows-1253", "windows-1254", "windows-1255",
        "windows-1256", "windows-1257", "windows-1258", "windows-874", "macintosh", "mac", "csmacintosh", "ibm437", "cp437",
        "ibm850", "cp850", "ibm866", "cp866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6",
        "iso-8859-7", "iso-8859-8", "iso-8859-9", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15",
        "iso-8859-16", "latin2", "latin3", "latin4", "latin5", "latin6", "cyrillic", "arabic", "greek", "hebrew",
    ]

    private static func unsupportedEncoding(_ name: String) throws(FunctionError) -> Value {
        if otherKnownEncodings.contains(name.lowercased()) { return .unknown(.string) }
        throw FunctionError(argument: 1, "\(ConfigFile.quoted(name)) is not a supported IANA encoding name or alias in this Terraform version.")
    }

    /// `csvdecode`: the first row names the attributes, each later row is one object.
    private static func csvDecode(_ text: String) throws(FunctionError) -> Value {
        var reader = GoCSV(text)
        func fail(_ e: GoCSV.ParseError) -> FunctionError {
            FunctionError("CSV parse error on line \(e.line): \(e.message).")
        }
        let headerRow: [String]?
        do {
            headerRow = try reader.read()
        } catch {
            throw fail(error)
        }
        guard let header = headerRow else { throw FunctionError("missing header line.") }
        var seen: Set<String> = []
        for name in header where !seen.insert(name).inserted {
            throw FunctionError("duplicate column name \(ConfigFile.quoted(name)).")
        }
        let rowType = ValueType.object(Dictionary(uniqueKeysWithValues: header.map { ($0, ValueType.string) }))
        var rows: [Value] = []
        while true {
            let fields: [String]?
            do {
                fields = try reader.read()
            } catch {
                throw fail(error)
            }
            guard let fields else { break }
            var attributes: [String: Value] = [:]
            for (name, field) in zip(header, fields) { attributes[name] = .string(field) }
            rows.append(.object(attributes))
        }
        return .list(rows, element: rowType)
    }

    /// Go's `url.QueryEscape`: unreserved characters stay, space is `+`, the rest `%XX`.
    static func queryEscape(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(b)
            case UInt8(ascii: " "):
                out.append(UInt8(ascii: "+"))
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xf)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
