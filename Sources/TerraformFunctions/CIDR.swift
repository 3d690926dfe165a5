/// IP addresses and prefixes as Go's `net` package and the `go-cidr` library model them,
/// which is what Terraform's `cidrhost`, `cidrnetmask`, `cidrsubnet` and `cidrsubnets` are.
///
/// The arithmetic is kept byte for byte Go's, quirks included (an IPv4-mapped IPv6 prefix
/// is treated partly as IPv4; a negative subnet number is or-ed in two's complement), so
/// that results match Terraform's even at the edges.
enum CIDR {
    struct Failure: Error { var message: String }

    /// An address of 4 or 16 bytes, like Go's `net.IP`.
    typealias IP = [UInt8]

    struct Network {
        var ip: IP
        var mask: [UInt8]?
    }

    static let v4InV6Prefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

    // MARK: Parsing (Terraform's `ipaddr`, Go 1.16's `net`: IPv4 octets may have leading zeros)

    /// `net.ParseCIDR`: the network with its address masked.
    static func parseCIDR(_ s: String) throws(Failure) -> Network {
        let text = Array(s.utf8)
        guard let slash = text.firstIndex(of: UInt8(ascii: "/")) else { throw Failure(message: "invalid CIDR address: \(s)") }
        let addr = Array(text[..<slash])
        let maskText = Array(text[(slash + 1)...])
        var length = 4
        var ip = parseIPv4(addr)
        if ip == nil {
            length = 16
            ip = parseIPv6(addr)
        }
        guard let address = ip, let (n, used) = decimal(maskText[...]), used == maskText.count, n <= 8 * length else {
            throw Failure(message: "invalid CIDR address: \(s)")
        }
        let m = cidrMask(n, 8 * length)!
        return Network(ip: applyMask(address, m) ?? address, mask: m)
    }

    /// Go's `dtoi`: leading decimal digits, failing past 0xFFFFFF.
    private static func decimal(_ s: ArraySlice<UInt8>) -> (Int, Int)? {
        var n = 0
        var i = 0
        for c in s {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { break }
            n = n * 10 + Int(c - UInt8(ascii: "0"))
            if n >= 0xFFFFFF { return nil }
            i += 1
        }
        return i == 0 ? nil : (n, i)
    }

    /// An IPv4 address, in its 16-byte IPv4-mapped form as Go returns it.
    static func parseIPv4(_ s: [UInt8]) -> IP? {
        var bytes: [UInt8] = []
        var rest = s[...]
        for i in 0..<4 {
            if i > 0 {
                guard rest.first == UInt8(ascii: ".") else { return nil }
                rest = rest.dropFirst()
            }
            guard let (n, used) = decimal(rest), n <= 0xff else { return nil }
            bytes.append(UInt8(n))
            rest = rest.dropFirst(used)
        }
        guard rest.isEmpty else { return nil }
        return v4InV6Prefix + bytes
    }

    static func parseIPv6(_ s: [UInt8]) -> IP? {
        var ip = [UInt8](repeating: 0, count: 16)
        var ellipsis = -1
        var rest = s[...]
        if rest.count >= 2, rest.first == UInt8(ascii: ":"), rest.dropFirst().first == UInt8(ascii: ":") {
            ellipsis = 0
            rest = rest.dropFirst(2)
            if rest.isEmpty { return ip }
        }
        var i = 0
        while i < 16 {
            var n = 0
            var used = 0
            for c in rest {
                guard let d = hexDigit(c) else { break }
                n = n * 16 + Int(d)
                used += 1
                if n >= 0xFFFFFF { return nil }
            }
            guard used > 0, n <= 0xFFFF else { return nil }
            if used < rest.count, rest[rest.startIndex + used] == UInt8(ascii: ".") {
                // An embedded IPv4 address ends the address.
                guard ellipsis >= 0 || i == 12, i + 4 <= 16, let v4 = parseIPv4(Array(rest)) else { return nil }
                ip[i] = v4[12]; ip[i + 1] = v4[13]; ip[i + 2] = v4[14]; ip[i + 3] = v4[15]
                rest = rest[rest.endIndex...]
                i += 4
                break
            }
            ip[i] = UInt8(n >> 8)
            ip[i + 1] = UInt8(n & 0xff)
            i += 2
            rest = rest.dropFirst(used)
            if rest.isEmpty { break }
            guard rest.first == UInt8(ascii: ":"), rest.count > 1 else { return nil }
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: ":") {
                guard ellipsis < 0 else { return nil }
                ellipsis = i
                rest = rest.dropFirst()
                if rest.isEmpty { break }
            }
        }
        guard rest.isEmpty else { return nil }
        if i < 16 {
            guard ellipsis >= 0 else { return nil }
            let n = 16 - i
            for j in stride(from: i - 1, through: ellipsis, by: -1) { ip[j + n] = ip[j] }
            for j in stride(from: ellipsis + n - 1, through: ellipsis, by: -1) { ip[j] = 0 }
        } else if ellipsis >= 0 {
            return nil
        }
        return ip
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: Go's net.IP and net.IPMask helpers

    static func cidrMask(_ ones: Int, _ bits: Int) -> [UInt8]? {
        guard bits == 32 || bits == 128, ones >= 0, ones <= bits else { return nil }
        var m = [UInt8](repeating: 0, count: bits / 8)
        var n = ones
        for i in 0..<m.count {
            if n >= 8 {
                m[i] = 0xff
                n -= 8
                continue
            }
            m[i] = ~(0xff >> UInt8(n))
            n = 0
        }
        return m
    }

    /// `IP.To4`.
    static func to4(_ ip: IP) -> IP? {
        if ip.count == 4 { return ip }
        if ip.count == 16, Array(ip[0..<12]) == v4InV6Prefix { return Array(ip[12...]) }
        return nil
    }

    /// go-cidr's `checkIPv4`: the 4-byte form where there is one.
    static func checkIPv4(_ ip: IP) -> IP { to4(ip) ?? ip }

    /// `IP.Mask`.
    static func applyMask(_ address: IP, _ mask: [UInt8]?) -> IP? {
        guard var mask else { return nil }
        var ip = address
        if mask.count == 16, ip.count == 4, mask[0..<12].allSatisfy({ $0 == 0xff }) { mask = Array(mask[12...]) }
        if mask.count == 4, ip.count == 16, Array(ip[0..<12]) == v4InV6Prefix { ip = Array(ip[12...]) }
        guard ip.count == mask.count else { return nil }
        return zip(ip, mask).map { $0 & $1 }
    }

    /// `IPMask.Size`: (ones, bits), or (0, 0) for a mask that is not a prefix.
    static func maskSize(_ mask: [UInt8]?) -> (Int, Int) {
        guard let mask else { return (0, 0) }
        let ones = simpleMaskLength(mask)
        return ones < 0 ? (0, 0) : (ones, mask.count * 8)
    }

    static func simpleMaskLength(_ mask: [UInt8]) -> Int {
        var n = 0
        for (i, v) in mask.enumerated() {
            if v == 0xff {
                n += 8
                continue
            }
            var b = v
            while b & 0x80 != 0 {
                n += 1
                b <<= 1
            }
            if b != 0 { return -1 }
            for rest in mask[(i + 1)...] where rest != 0 { return -1 }
            break
        }
        return n
    }

    static func equal(_ a: IP, _ b: IP) -> Bool {
        if a.count == b.count { return a == b }
        if a.count == 4, b.count == 16 { return Array(b[0..<12]) == v4InV6Prefix && Array(b[12...]) == a }
        if a.count == 16, b.count == 4 { return Array(a[0..<12]) == v4InV6Prefix && Array(a[12...]) == b }
        return false
    }

    static let ipv4Zero: IP = v4InV6Prefix + [0, 0, 0, 0]
    static let ipv6Zero: IP = [UInt8](repeating: 0, count: 16)

    /// `networkNumberAndMask`.
    static func numberAndMask(_ n: Network) -> (IP, [UInt8])? {
        var ip: IP
        if let v4 = to4(n.ip) {
            ip = v4
        } else {
            ip = n.ip
            guard ip.count == 16 else { return nil }
        }
        guard var m = n.mask else { return nil }
        switch m.count {
        case 4: guard ip.count == 4 else { return nil }
        case 16: if ip.count == 4 { m = Array(m[12...]) }
        default: return nil
        }
        return (ip, m)
    }

    static func contains(_ n: Network, _ address: IP) -> Bool {
        guard let (nn, m) = numberAndMask(n) else { return false }
        let ip = to4(address) ?? address
        guard ip.count == nn.count else { return false }
        for i in 0..<ip.count where nn[i] & m[i] != ip[i] & m[i] { return false }
        return true
    }

    // MARK: Printing

    /// `IP.String`.
    static func string(_ ip: IP?) -> String {
        guard let ip, !ip.isEmpty else { return "<nil>" }
        if let v4 = to4(ip) { return v4.map(String.init).joined(separator: ".") }
        guard ip.count == 16 else { return "?" + ip.map { String($0, radix: 16) }.joined() }
        // RFC 5952: the longest run of two or more zero groups (the first on a tie) is "::".
        var groups: [Int] = []
        for i in stride(from: 0, to: 16, by: 2) { groups.append(Int(ip[i]) << 8 | Int(ip[i + 1])) }
        var bestStart = -1
        var bestLength = 1
        var i = 0
        while i < 8 {
            var j = i
            while j < 8, groups[j] == 0 { j += 1 }
            if j - i > bestLength {
                bestStart = i
                bestLength = j - i
            }
            i = j == i ? i + 1 : j
        }
        var out = ""
        var k = 0
        while k < 8 {
            if k == bestStart {
                out += "::"
                k += bestLength
                continue
            }
            if !out.isEmpty, !out.hasSuffix(":") { out += ":" }
            out += String(groups[k], radix: 16)
            k += 1
        }
        return out
    }

    /// `IPNet.String`: the (unmasked) address and the prefix length.
    static func string(_ n: Network) -> String {
        guard let (nn, m) = numberAndMask(n) else { return "<nil>" }
        let l = simpleMaskLength(m)
        if l == -1 { return string(nn) + "/" + m.map { String($0, radix: 16) }.joined() }
        return string(nn) + "/" + String(l)
    }

    // MARK: go-cidr

    /// `ipToInt`.
    static func toInteger(_ ip: IP) -> (BigInteger, Int)? {
        switch ip.count {
        case 4: return (BigInteger(magnitude: ip), 32)
        case 16: return (BigInteger(magnitude: ip), 128)
        default: return nil
        }
    }

    /// `intToIP`: the magnitude right-aligned in `bits / 8` bytes; Go panics when it does not fit.
    static func toIP(_ value: BigInteger, bits: Int) throws(Failure) -> IP {
        let bytes = value.magnitudeBytes
        let size = bits / 8
        guard bytes.count <= size else { throw Failure(message: "panic in function implementation: runtime error: index out of range [-1]") }
        return [UInt8](repeating: 0, count: size - bytes.count) + bytes
    }

    static func insertNumber(_ ip: IP, _ number: BigInteger, prefixLength: Int) throws(Failure) -> IP {
        guard let (value, totalBits) = toInteger(ip) else { throw Failure(message: "invalid IP address") }
        let shift = totalBits - prefixLength
        let shifted = shift >= 0 ? number.shiftedLeft(shift) : number.shiftedRight(-shift)
        return try toIP(value.or(shifted), bits: totalBits)
    }

    /// `cidr.HostBig`.
    static func host(_ base: Network, _ number: BigInteger) throws(Failure) -> IP {
        let (parentLength, addressLength) = maskSize(base.mask)
        let maxHost = BigInteger.powerOfTwo(addressLength - parentLength).minus(.one)
        var num = number
        // Go: big.NewInt(int64(num.Uint64())), which wraps past 2^63.
        var check = BigInteger.fromInt64Bits(number.low64)
        if number.isNegative {
            check = number.negated.minus(.one)
            num = maxHost.minus(check)
        }
        if check.compare(maxHost) > 0 {
            throw Failure(message: "prefix of \(parentLength) does not accommodate a host numbered \(num.description)")
        }
        let bitLength = to4(base.ip) != nil ? 32 : 128
        return try insertNumber(base.ip, num, prefixLength: bitLength)
    }

    /// `cidr.SubnetBig`.
    static func subnet(_ base: Network, newBits: Int, _ number: BigInteger) throws(Failure) -> Network {
        let (parentLength, addressLength) = maskSize(base.mask)
        let newPrefixLength = parentLength + newBits
        if newPrefixLength > addressLength {
            throw Failure(message: "insufficient address space to extend prefix of \(parentLength) by \(newBits)")
        }
        // uint64(1<<uint64(newBits)) - 1: a shift of 64 or more (or a negative count) gives 0.
        let maxNet: UInt64 = (newBits >= 0 && newBits < 64) ? (UInt64(1) << UInt64(newBits)) &- 1 : UInt64.max
        if number.low64 > maxNet {
            throw Failure(message: "prefix extension of \(newBits) does not accommodate a subnet numbered \(number.description)")
        }
        return Network(
            ip: try insertNumber(base.ip, number, prefixLength: newPrefixLength),
            mask: cidrMask(newPrefixLength, addressLength))
    }

    /// `cidr.AddressRange`: first and last address of a network.
    static func addressRange(_ n: Network) throws(Failure) -> (IP, IP) {
        let first = n.ip
        let (prefixLength, bits) = maskSize(n.mask)
        if prefixLength == bits { return (first, first) }
        guard let (value, width) = toInteger(first) else { throw Failure(message: "invalid IP address") }
        let hostMask = BigInteger.powerOfTwo(bits - prefixLength).minus(.one)
        return (first, try toIP(value.or(hostMask), bits: width))
    }

    /// `cidr.PreviousSubnet`.
    static func previousSubnet(_ n: Network, prefixLength: Int) -> Network {
        let start = checkIPv4(n.ip)
        let mask = cidrMask(prefixLength, 8 * start.count)
        return Network(ip: applyMask(decrement(start), mask) ?? [], mask: mask)
    }

    /// `cidr.NextSubnet`: the subnet after `n` of the given length, and whether it wrapped.
    static func nextSubnet(_ n: Network, prefixLength: Int) throws(Failure) -> (Network, Bool) {
        let (_, currentLast) = try addressRange(n)
        let mask = cidrMask(prefixLength, 8 * currentLast.count)
        let current = Network(ip: applyMask(currentLast, mask) ?? [], mask: mask)
        let (_, last) = try addressRange(current)
        let after = increment(last)
        let next = Network(ip: applyMask(after, mask) ?? [], mask: mask)
        return (next, equal(after, ipv4Zero) || equal(after, ipv6Zero))
    }

    static func increment(_ address: IP) -> IP {
        var ip = checkIPv4(address)
        for j in stride(from: ip.count - 1, through: 0, by: -1) {
            ip[j] &+= 1
            if ip[j] > 0 { break }
        }
        return ip
    }

    static func decrement(_ address: IP) -> IP {
        var ip = checkIPv4(address)
        for j in stride(from: ip.count - 1, through: 0, by: -1) {
            ip[j] &-= 1
            if ip[j] < 255 { break }
        }
        return ip
    }
}

/// A signed integer of any size with Go `math/big` semantics for what go-cidr needs:
/// shifts, two's complement `Or`, and the low 64 bits of the magnitude (`Uint64`).
struct BigInteger: Sendable {
    /// Big-endian magnitude without leading zero bytes (empty for zero).
    var magnitudeBytes: [UInt8]
    var isNegative: Bool

    static let one = BigInteger(magnitude: [1])

    init(magnitude: [UInt8], negative: Bool = false) {
        let trimmed = Array(magnitude.drop(while: { $0 == 0 }))
        magnitudeBytes = trimmed
        isNegative = negative && !trimmed.isEmpty
    }

    /// A whole number written in decimal, as `Number.description` prints one.
    init?(decimal text: String) {
        var digits = Substring(text)
        var negative = false
        if digits.hasPrefix("-") {
            negative = true
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var bytes: [UInt8] = []
        for d in digits.utf8 {
            // bytes = bytes * 10 + d
            var carry = Int(d - UInt8(ascii: "0"))
            for i in stride(from: bytes.count - 1, through: 0, by: -1) {
                let v = Int(bytes[i]) * 10 + carry
                bytes[i] = UInt8(v & 0xff)
                carry = v >> 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xff), at: 0)
                carry >>= 8
            }
        }
        self.init(magnitude: bytes, negative: negative)
    }

    static func powerOfTwo(_ n: Int) -> BigInteger {
        guard n >= 0 else { return BigInteger(magnitude: []) }
        return BigInteger.one.shiftedLeft(n)
    }

    /// Two's complement reinterpretation of 64 bits, as `int64(x)`.
    static func fromInt64Bits(_ bits: UInt64) -> BigInteger {
        if bits & (1 << 63) != 0 {
            return BigInteger(magnitude: bytes64(~bits &+ 1), negative: true)
        }
        return BigInteger(magnitude: bytes64(bits))
    }

    private static func bytes64(_ v: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: v >> (56 - 8 * UInt64($0))) }
    }

    /// `Uint64()`: the low 64 bits of the magnitude.
    var low64: UInt64 {
        var v: UInt64 = 0
        for b in magnitudeBytes.suffix(8) { v = v << 8 | UInt64(b) }
        return v
    }

    var negated: BigInteger { BigInteger(magnitude: magnitudeBytes, negative: !isNegative) }

    func compare(_ other: BigInteger) -> Int {
        if isNegative != other.isNegative { return isNegative ? -1 : 1 }
        let c = Self.compareMagnitudes(magnitudeBytes, other.magnitudeBytes)
        return isNegative ? -c : c
    }

    private static func compareMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    private static func addMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        let n = max(a.count, b.count) + 1
        let x = [UInt8](repeating: 0, count: n - a.count) + a
        let y = [UInt8](repeating: 0, count: n - b.count) + b
        var out = [UInt8](repeating: 0, count: n)
        var carry = 0
        for i in stride(from: n - 1, through: 0, by: -1) {
            let v = Int(x[i]) + Int(y[i]) + carry
            out[i] = UInt8(v & 0xff)
            carry = v >> 8
        }
        return out
    }

    /// a - b for magnitudes with a >= b.
    private static func subtractMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        let y = [UInt8](repeating: 0, count: a.count - b.count) + b
        var out = [UInt8](repeating: 0, count: a.count)
        var borrow = 0
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            var v = Int(a[i]) - Int(y[i]) - borrow
            borrow = 0
            if v < 0 {
                v += 256
                borrow = 1
            }
            out[i] = UInt8(v)
        }
        return out
    }

    func plus(_ other: BigInteger) -> BigInteger {
        if isNegative == other.isNegative {
            return BigInteger(magnitude: Self.addMagnitudes(magnitudeBytes, other.magnitudeBytes), negative: isNegative)
        }
        if Self.compareMagnitudes(magnitudeBytes, other.magnitudeBytes) >= 0 {
            return BigInteger(magnitude: Self.subtractMagnitudes(magnitudeBytes, other.magnitudeBytes), negative: isNegative)
        }
        return BigInteger(magnitude: Self.subtractMagnitudes(other.magnitudeBytes, magnitudeBytes), negative: other.isNegative)
    }

    func minus(_ other: BigInteger) -> BigInteger { plus(other.negated) }

    /// `Lsh`: the magnitude shifted, the sign kept.
    func shiftedLeft(_ n: Int) -> BigInteger {
        guard !magnitudeBytes.isEmpty, n > 0 else { return self }
        var bytes = magnitudeBytes + [UInt8](repeating: 0, count: n / 8)
        let bits = n % 8
        if bits > 0 {
            var carry: UInt8 = 0
            for i in stride(from: bytes.count - 1, through: 0, by: -1) {
                let b = bytes[i]
                bytes[i] = b << UInt8(bits) | carry
                carry = b >> UInt8(8 - bits)
            }
            if carry > 0 { bytes.insert(carry, at: 0) }
        }
        return BigInteger(magnitude: bytes, negative: isNegative)
    }

    func shiftedRight(_ n: Int) -> BigInteger {
        guard n > 0 else { return self }
        var bytes = Array(magnitudeBytes.dropLast(min(n / 8, magnitudeBytes.count)))
        let bits = n % 8
        if bits > 0 {
            var carry: UInt8 = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                bytes[i] = b >> UInt8(bits) | carry
                carry = b << UInt8(8 - bits)
            }
        }
        return BigInteger(magnitude: bytes, negative: isNegative)
    }

    /// `Or` with two's complement semantics (only a non-negative receiver is needed).
    func or(_ other: BigInteger) -> BigInteger {
        if !other.isNegative && !isNegative {
            let n = max(magnitudeBytes.count, other.magnitudeBytes.count)
            let x = [UInt8](repeating: 0, count: n - magnitudeBytes.count) + magnitudeBytes
            let y = [UInt8](repeating: 0, count: n - other.magnitudeBytes.count) + other.magnitudeBytes
            return BigInteger(magnitude: zip(x, y).map { $0 | $1 })
        }
        if isNegative && !other.isNegative { return other.or(self) }
        if isNegative && other.isNegative {
            // -x | -y == -(((x-1) & (y-1)) + 1)
            let a = negated.minus(.one).magnitudeBytes
            let b = other.negated.minus(.one).magnitudeBytes
            let n = min(a.count, b.count)
            let anded = zip(a.suffix(n), b.suffix(n)).map { $0 & $1 }
            return BigInteger(magnitude: anded).plus(.one).negated
        }
        // x | -y == -(((y-1) &^ x) + 1)
        let y1 = other.negated.minus(.one).magnitudeBytes
        let x = [UInt8](repeating: 0, count: max(0, y1.count - magnitudeBytes.count)) + magnitudeBytes.suffix(y1.count)
        let andNot = zip(y1, x).map { $0 & ~$1 }
        return BigInteger(magnitude: andNot).plus(.one).negated
    }

    var description: String {
        if magnitudeBytes.isEmpty { return "0" }
        var digits: [UInt8] = []
        var value = magnitudeBytes
        while !value.isEmpty {
            var remainder = 0
            var quotient: [UInt8] = []
            for b in value {
                let v = remainder << 8 | Int(b)
                let q = v / 10
                remainder = v % 10
                if !(quotient.isEmpty && q == 0) { quotient.append(UInt8(q)) }
            }
            digits.append(UInt8(remainder) + UInt8(ascii: "0"))
            value = quotient
        }
        return (isNegative ? "-" : "") + String(decoding: digits.reversed(), as: UTF8.self)
    }
}
