import Crypto
import Foundation
import HCL

extension Builtins {
    /// The deterministic functions of Terraform's `crypto.go`: hashes over a string's UTF-8
    /// bytes or a file's bytes, printed as lowercase hex or standard Base64, the name-based
    /// `uuidv5`, and `rsadecrypt`. (`uuid` and `bcrypt` are random: see the impure family.)
    static let hashes: [BuiltinFunction] = [
        stringHash("md5", Digest.md5, .hex),
        stringHash("sha1", Digest.sha1, .hex),
        stringHash("sha256", Digest.sha256, .hex),
        stringHash("sha512", Digest.sha512, .hex),
        stringHash("base64sha256", Digest.sha256, .base64),
        stringHash("base64sha512", Digest.sha512, .base64),
        fileHash("filemd5", Digest.md5, .hex),
        fileHash("filesha1", Digest.sha1, .hex),
        fileHash("filesha256", Digest.sha256, .hex),
        fileHash("filesha512", Digest.sha512, .hex),
        fileHash("filebase64sha256", Digest.sha256, .base64),
        fileHash("filebase64sha512", Digest.sha512, .base64),
        BuiltinFunction("uuidv5", [.init("namespace", .string), .init("name", .string)], returns: .string) { args, _ throws(FunctionError) in
            let namespace = args[0].stringValue!
            let bytes: [UInt8]
            switch namespace {
            // RFC 4122 appendix C.
            case "dns": bytes = UUIDText.parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
            case "url": bytes = UUIDText.parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8")!
            case "oid": bytes = UUIDText.parse("6ba7b812-9dad-11d1-80b4-00c04fd430c8")!
            case "x500": bytes = UUIDText.parse("6ba7b814-9dad-11d1-80b4-00c04fd430c8")!
            default:
                switch UUIDText.parseWithReason(namespace) {
                case .success(let b): bytes = b
                case .failure(let reason):
                    throw FunctionError("uuidv5() doesn't support namespace \(namespace) (\(reason.message))")
                }
            }
            return .string(UUIDText.version5(namespace: bytes, name: Array(args[1].stringValue!.utf8)))
        },
        BuiltinFunction("rsadecrypt", [.init("ciphertext", .string), .init("privatekey", .string)], returns: .string) {
            args, _ throws(FunctionError) in
            do {
                return .string(try RSADecrypt.decrypt(ciphertext: args[0].stringValue!, privateKey: args[1].stringValue!))
            } catch {
                let failure = error as? RSADecrypt.Failure
                throw FunctionError(argument: failure?.argument, "\(failure?.message ?? "\(error)").")
            }
        },
    ]

    /// A hash of the argument's UTF-8 bytes.
    private static func stringHash(_ name: String, _ digest: @escaping @Sendable ([UInt8]) -> [UInt8], _ encoding: Digest.Encoding) -> BuiltinFunction {
        BuiltinFunction(name, [.init("str", .string)], returns: .string) { args, _ throws(FunctionError) in
            .string(encoding.encode(digest(Array(args[0].stringValue!.utf8))))
        }
    }

    /// A hash of a file's bytes; the path resolves as `file()` resolves it.
    private static func fileHash(_ name: String, _ digest: @escaping @Sendable ([UInt8]) -> [UInt8], _ encoding: Digest.Encoding) -> BuiltinFunction {
        BuiltinFunction(name, [.init("path", .string)], returns: .string) { args, context throws(FunctionError) in
            let path = args[0].stringValue!
            // Terraform opens the file directly here, so its errors are the operating system's
            // ("open <path>: no such file or directory"), reported as a failed call.
            let bytes = try ConfigFile.read(path, in: context.baseDirectory, argument: nil)
            return .string(encoding.encode(digest(bytes)))
        }
    }
}

/// The digests, as functions over bytes.
enum Digest {
    enum Encoding {
        case hex
        case base64

        func encode(_ bytes: [UInt8]) -> String {
            switch self {
            case .hex: return Digest.hex(bytes)
            case .base64: return Data(bytes).base64EncodedString()
            }
        }
    }

    static let md5: @Sendable ([UInt8]) -> [UInt8] = { Array(Insecure.MD5.hash(data: $0)) }
    static let sha1: @Sendable ([UInt8]) -> [UInt8] = { Array(Insecure.SHA1.hash(data: $0)) }
    static let sha256: @Sendable ([UInt8]) -> [UInt8] = { Array(SHA256.hash(data: $0)) }
    static let sha512: @Sendable ([UInt8]) -> [UInt8] = { Array(SHA512.hash(data: $0)) }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// UUID text as Google's `uuid` package reads and writes it (the library `uuidv5` uses).
enum UUIDText {
    struct Reason: Error { var message: String }

    static func parse(_ s: String) -> [UInt8]? {
        if case .success(let b) = parseWithReason(s) { return b }
        return nil
    }

    /// Accepts `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, with `urn:uuid:` or braces around it,
    /// or the 32 hex digits alone, as `uuid.Parse` does.
    static func parseWithReason(_ s: String) -> Result<[UInt8], Reason> {
        var text = Array(s.utf8)
        switch text.count {
        case 36: break
        case 45:
            guard String(decoding: text[0..<9], as: UTF8.self).lowercased() == "urn:uuid:" else {
                return .failure(Reason(message: "invalid urn prefix: \(String(decoding: text[0..<9], as: UTF8.self))"))
            }
            text = Array(text[9...])
        case 38:
            guard text.first == UInt8(ascii: "{"), text.last == UInt8(ascii: "}") else {
                return .failure(Reason(message: "invalid bracketed UUID format"))
            }
            text = Array(text[1..<37])
        case 32:
            var out: [UInt8] = []
            for i in stride(from: 0, to: 32, by: 2) {
                guard let b = hexByte(text[i], text[i + 1]) else { return .failure(Reason(message: "invalid UUID format")) }
                out.append(b)
            }
            return .success(out)
        default:
            return .failure(Reason(message: "invalid UUID length: \(text.count)"))
        }
        let dash = UInt8(ascii: "-")
        guard text[8] == dash, text[13] == dash, text[18] == dash, text[23] == dash else {
            return .failure(Reason(message: "invalid UUID format"))
        }
        var out: [UInt8] = []
        for i in [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34] {
            guard let b = hexByte(text[i], text[i + 1]) else { return .failure(Reason(message: "invalid UUID format")) }
            out.append(b)
        }
        return .success(out)
    }

    /// RFC 4122 section 4.3: SHA-1 of namespace and name, with version 5 and the RFC variant.
    static func version5(namespace: [UInt8], name: [UInt8]) -> String {
        var bytes = Array(Digest.sha1(namespace + name).prefix(16))
        bytes[6] = (bytes[6] & 0x0f) | 0x50
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return format(bytes)
    }

    static func format(_ bytes: [UInt8]) -> String {
        let hex = Digest.hex(bytes)
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    private static func hexByte(_ a: UInt8, _ b: UInt8) -> UInt8? {
        guard let hi = hexValue(a), let lo = hexValue(b) else { return nil }
        return hi << 4 | lo
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
