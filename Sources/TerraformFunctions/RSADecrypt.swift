import Foundation

/// `rsadecrypt`: RSA PKCS #1 v1.5 decryption with a PEM private key (PKCS #1 or PKCS #8),
/// as Terraform does it with Go's `crypto/rsa` and `ssh.ParseRawPrivateKey`.
///
/// It is deterministic, so Airlock evaluates it; the modular exponentiation uses
/// Montgomery multiplication over 32-bit limbs, fast enough for 4096-bit keys.
enum RSADecrypt {
    struct Failure: Error {
        var argument: Int?
        var message: String
    }

    static func decrypt(ciphertext: String, privateKey pem: String) throws(Failure) -> String {
        guard let cipherBytes = try? GoBase64.decode(ciphertext) else {
            throw Failure(argument: 0, message: "failed to decode input \(ConfigFile.quoted(ciphertext)): cipher text must be base64-encoded")
        }
        let key = try parsePrivateKey(pem)
        let k = key.modulus.count
        guard cipherBytes.count <= k else { throw Failure(argument: nil, message: "failed to decrypt: crypto/rsa: decryption error") }
        let c = Limbs(bigEndian: cipherBytes, count: (k + 3) / 4)
        let n = Limbs(bigEndian: key.modulus, count: (k + 3) / 4)
        guard c.compare(n) < 0 else { throw Failure(argument: nil, message: "failed to decrypt: crypto/rsa: decryption error") }
        let m = Montgomery(modulus: n).power(c, exponent: key.privateExponent)
        let em = m.bigEndianBytes(count: k)
        // EM = 0x00 || 0x02 || PS (at least 8 non-zero bytes) || 0x00 || M
        guard em.count >= 11, em[0] == 0, em[1] == 2, let zero = em[2...].firstIndex(of: 0), zero >= 10 else {
            throw Failure(argument: nil, message: "failed to decrypt: crypto/rsa: decryption error")
        }
        return String(decoding: em[(zero + 1)...], as: UTF8.self)
    }

    // MARK: Keys

    private struct PrivateKey {
        var modulus: [UInt8]
        var privateExponent: [UInt8]
    }

    private static func parsePrivateKey(_ pem: String) throws(Failure) -> PrivateKey {
        guard let (label, der) = pemBlock(pem) else {
            throw Failure(argument: 1, message: "invalid private key: ssh: no key found")
        }
        switch label {
        case "RSA PRIVATE KEY":
            guard let key = pkcs1(der) else { throw Failure(argument: 1, message: "invalid ASN1 data in the given private key") }
            return key
        case "PRIVATE KEY":
            // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING privateKey }
            var outer = DER(der)
            guard var info = outer.read(tag: 0x30).map(DER.init), info.read(tag: 0x02) != nil,
                var algorithm = info.read(tag: 0x30).map(DER.init), let oid = algorithm.read(tag: 0x06)
            else { throw Failure(argument: 1, message: "invalid private key: x509: failed to parse private key") }
            // 1.2.840.113549.1.1.1 is rsaEncryption.
            guard oid == [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01] else {
                throw Failure(argument: 1, message: "invalid private key type")
            }
            guard let inner = info.read(tag: 0x04), let key = pkcs1(inner) else {
                throw Failure(argument: 1, message: "invalid private key: x509: failed to parse private key")
            }
            return key
        default:
            throw Failure(argument: 1, message: "invalid private key: ssh: unsupported key type \(ConfigFile.quoted(label))")
        }
    }

    /// RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qinv }
    private static func pkcs1(_ der: [UInt8]) -> PrivateKey? {
        var outer = DER(der)
        guard let body = outer.read(tag: 0x30) else { return nil }
        var seq = DER(body)
        guard seq.read(tag: 0x02) != nil, let n = seq.read(tag: 0x02), seq.read(tag: 0x02) != nil, let d = seq.read(tag: 0x02) else { return nil }
        return PrivateKey(modulus: Array(n.drop(while: { $0 == 0 })), privateExponent: Array(d.drop(while: { $0 == 0 })))
    }

    /// The first PEM block: its label and decoded body.
    private static func pemBlock(_ text: String) -> (String, [UInt8])? {
        guard let begin = text.range(of: "-----BEGIN "), let labelEnd = text.range(of: "-----", range: begin.upperBound..<text.endIndex) else {
            return nil
        }
        let label = String(text[begin.upperBound..<labelEnd.lowerBound])
        guard let end = text.range(of: "-----END \(label)-----", range: labelEnd.upperBound..<text.endIndex) else { return nil }
        let body = text[labelEnd.upperBound..<end.lowerBound]
        // Encrypted PEM headers ("Proc-Type: ...") are not supported, as in Go without a passphrase.
        let base64 = body.split(whereSeparator: \.isNewline).filter { !$0.contains(":") }.joined()
        guard let data = Data(base64Encoded: base64) else { return nil }
        return (label, [UInt8](data))
    }

    /// A minimal DER reader: tag, definite length, contents.
    private struct DER {
        var bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func read(tag: UInt8) -> [UInt8]? {
            guard position + 2 <= bytes.count, bytes[position] == tag else { return nil }
            var length = Int(bytes[position + 1])
            position += 2
            if length & 0x80 != 0 {
                let count = length & 0x7f
                guard count > 0, count <= 4, position + count <= bytes.count else { return nil }
                length = 0
                for _ in 0..<count {
                    length = length << 8 | Int(bytes[position])
                    position += 1
                }
            }
            guard position + length <= bytes.count else { return nil }
            defer { position += length }
            return Array(bytes[position..<(position + length)])
        }
    }
}

/// An unsigned integer as little-endian 32-bit limbs of a fixed count.
private struct Limbs {
    var words: [UInt32]

    init(words: [UInt32]) { self.words = words }

    init(bigEndian bytes: [UInt8], count: Int) {
        var w = [UInt32](repeating: 0, count: count)
        for (i, b) in bytes.reversed().enumerated() where i / 4 < count {
            w[i / 4] |= UInt32(b) << UInt32(8 * (i % 4))
        }
        words = w
    }

    func compare(_ other: Limbs) -> Int {
        for i in stride(from: words.count - 1, through: 0, by: -1) where words[i] != other.words[i] {
            return words[i] < other.words[i] ? -1 : 1
        }
        return 0
    }

    mutating func subtract(_ other: Limbs) {
        var borrow: UInt64 = 0
        for i in 0..<words.count {
            let v = UInt64(words[i]) &- UInt64(other.words[i]) &- borrow
            words[i] = UInt32(truncatingIfNeeded: v)
            borrow = (v >> 63) & 1
        }
    }

    func bigEndianBytes(count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            let word = i / 4
            guard word < words.count else { break }
            out[count - 1 - i] = UInt8(truncatingIfNeeded: words[word] >> UInt32(8 * (i % 4)))
        }
        return out
    }
}

/// Montgomery arithmetic modulo an odd modulus.
private struct Montgomery {
    let n: Limbs
    let nPrime: UInt32
    /// R² mod n, R = 2^(32·limbs).
    let r2: Limbs

    init(modulus: Limbs) {
        n = modulus
        // -n⁻¹ mod 2³² by Newton's iteration.
        var inverse: UInt32 = 1
        for _ in 0..<5 { inverse = inverse &* (2 &- modulus.words[0] &* inverse) }
        nPrime = 0 &- inverse
        // R² mod n by doubling 1, reducing each time.
        let s = modulus.words.count
        var x = Limbs(words: [UInt32](repeating: 0, count: s))
        x.words[0] = 1
        for _ in 0..<(64 * s) {
            var carry: UInt32 = 0
            for i in 0..<s {
                let w = x.words[i]
                x.words[i] = w << 1 | carry
                carry = w >> 31
            }
            if carry != 0 || x.compare(modulus) >= 0 { x.subtract(modulus) }
        }
        r2 = x
    }

    func multiply(_ a: Limbs, _ b: Limbs) -> Limbs {
        let s = n.words.count
        var t = [UInt64](repeating: 0, count: s + 2)
        for i in 0..<s {
            var carry: UInt64 = 0
            let bi = UInt64(b.words[i])
            for j in 0..<s {
                let v = t[j] + UInt64(a.words[j]) * bi + carry
                t[j] = v & 0xffff_ffff
                carry = v >> 32
            }
            var v = t[s] + carry
            t[s] = v & 0xffff_ffff
            t[s + 1] = v >> 32
            let m = UInt64(UInt32(truncatingIfNeeded: t[0]) &* nPrime)
            v = t[0] + m * UInt64(n.words[0])
            carry = v >> 32
            for j in 1..<max(s, 1) {
                let w = t[j] + m * UInt64(n.words[j]) + carry
                t[j - 1] = w & 0xffff_ffff
                carry = w >> 32
            }
            v = t[s] + carry
            t[s - 1] = v & 0xffff_ffff
            t[s] = t[s + 1] + (v >> 32)
        }
        var result = Limbs(words: t[0..<s].map { UInt32($0) })
        if t[s] != 0 || result.compare(n) >= 0 { result.subtract(n) }
        return result
    }

    /// base^exponent mod n, the exponent big-endian bytes.
    func power(_ base: Limbs, exponent: [UInt8]) -> Limbs {
        let s = n.words.count
        var one = Limbs(words: [UInt32](repeating: 0, count: s))
        one.words[0] = 1
        let x = multiply(base, r2)
        var acc = multiply(one, r2)
        for byte in exponent {
            for bit in stride(from: 7, through: 0, by: -1) {
                acc = multiply(acc, acc)
                if (byte >> UInt8(bit)) & 1 == 1 { acc = multiply(acc, x) }
            }
        }
        return multiply(acc, one)
    }
}
