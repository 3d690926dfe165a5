/// `base64gzip`'s compression, byte for byte: Go's `gzip.NewWriter` at the default level
/// (6), written once, flushed, and closed, as Terraform does.
///
/// Deflate output is not unique, so matching Terraform means reproducing Go's
/// `compress/flate`: its hash-chain match finder with lazy matching, its choice per block
/// between stored, fixed and dynamic Huffman coding, its length-limited Huffman code
/// construction, and the empty stored blocks that `Flush` and `Close` write.
enum GoGzip {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        // Header: magic, deflate, no flags, no mtime, no extra flags, OS "unknown" (255).
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]
        let compressor = GoDeflater()
        compressor.write(input)
        compressor.syncFlush()
        compressor.close()
        out += compressor.writer.output
        let crc = CRC32.checksum(input)
        let size = UInt32(truncatingIfNeeded: input.count)
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: size >> UInt32(shift))) }
        return out
    }
}

enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes { crc = table[Int((crc ^ UInt32(b)) & 0xff)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

// MARK: - Tokens and tables (RFC 1951 3.2.5)

private let windowSize = 1 << 15
private let windowMask = windowSize - 1
private let minMatchLength = 4
private let maxMatchLength = 258
private let baseMatchLength = 3
private let baseMatchOffset = 1
private let maxFlateBlockTokens = 1 << 14
private let maxStoreBlockSize = 65535
private let hashBits: UInt32 = 17
private let hashSize = 1 << 17
private let hashMask: UInt32 = (1 << 17) - 1
private let maxHashOffset = 1 << 24
private let maxNumLit = 286
private let offsetCodeCount = 30
private let endBlockMarker = 256
private let lengthCodesStart = 257
private let codegenCodeCount = 19
private let badCode: UInt8 = 255

// Level 6: good 8, lazy 16, nice 128, chain 128.
private let levelGood = 8
private let levelLazy = 16
private let levelNice = 128
private let levelChain = 128

/// A literal byte, or a match of `length` (minus 3) at `offset` (minus 1).
private enum Token {
    case literal(Int)
    case match(length: Int, offset: Int)
}

private let lengthExtraBits: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
private let lengthBase: [Int] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255]
private let offsetExtraBits: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
private let offsetBase: [Int] = [
    0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0006, 0x0008, 0x000c, 0x0010, 0x0018, 0x0020, 0x0030, 0x0040, 0x0060, 0x0080,
    0x00c0, 0x0100, 0x0180, 0x0200, 0x0300, 0x0400, 0x0600, 0x0800, 0x0c00, 0x1000, 0x1800, 0x2000, 0x3000, 0x4000, 0x6000,
]
private let codegenOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

/// The code of a match length (minus 3): the last base not above it.
private let lengthCodes: [Int] = (0..<256).map { l in lengthBase.lastIndex(where: { $0 <= l })! }
private func lengthCode(_ l: Int) -> Int { lengthCodes[l] }
private func offsetCode(_ o: Int) -> Int { offsetBase.lastIndex(where: { $0 <= o })! }

private func reverseBits(_ number: UInt16, _ bitLength: Int) -> UInt16 {
    var v = number
    var r: UInt16 = 0
    for _ in 0..<bitLength {
        r = r << 1 | (v & 1)
        v >>= 1
    }
    return r
}

// MARK: - Huffman codes (Go's huffman_code.go)

private final class HuffmanEncoder {
    var code: [UInt16]
    var length: [UInt16]

    init(size: Int) {
        code = [UInt16](repeating: 0, count: size)
        length = [UInt16](repeating: 0, count: size)
    }

    static func fixedLiteral() -> HuffmanEncoder {
        let h = HuffmanEncoder(size: maxNumLit)
        for ch in 0..<maxNumLit {
            let (bits, size): (Int, Int)
            switch ch {
            case ..<144: (bits, size) = (ch + 48, 8)
            case ..<256: (bits, size) = (ch + 400 - 144, 9)
            case ..<280: (bits, size) = (ch - 256, 7)
            default: (bits, size) = (ch + 192 - 280, 8)
            }
            h.code[ch] = reverseBits(UInt16(bits), size)
            h.length[ch] = UInt16(size)
        }
        return h
    }

    static func fixedOffset() -> HuffmanEncoder {
        let h = HuffmanEncoder(size: 30)
        for i in 0..<30 {
            h.code[i] = reverseBits(UInt16(i), 5)
            h.length[i] = 5
        }
        return h
    }

    func bitLength(_ freq: [Int32]) -> Int {
        var total = 0
        for (i, f) in freq.enumerated() where f != 0 { total += Int(f) * Int(length[i]) }
        return total
    }

    private struct Node {
        var literal: Int
        var freq: Int32
    }

    /// The minimum-redundancy code for `freq`, no code longer than `maxBits`.
    func generate(_ freq: [Int32], maxBits: Int) {
        var list: [Node] = []
        for (i, f) in freq.enumerated() {
            if f != 0 {
                list.append(Node(literal: i, freq: f))
            } else {
                length[i] = 0
            }
        }
        if list.count <= 2 {
            for (i, node) in list.enumerated() {
                code[node.literal] = UInt16(i)
                length[node.literal] = 1
            }
            return
        }
        list.sort { $0.freq == $1.freq ? $0.literal < $1.literal : $0.freq < $1.freq }
        let bitCount = bitCounts(list, maxBits: maxBits)
        // Assign codes: the least frequent literals get the longest codes, in literal order.
        var c: UInt16 = 0
        var remaining = list[...]
        for (n, bits) in bitCount.enumerated() {
            c <<= 1
            if n == 0 || bits == 0 { continue }
            let chunk = remaining.suffix(Int(bits)).sorted { $0.literal < $1.literal }
            for node in chunk {
                code[node.literal] = reverseBits(c, n)
                length[node.literal] = UInt16(n)
                c += 1
            }
            remaining = remaining.dropLast(Int(bits))
        }
    }

    private struct Level {
        var level: Int32 = 0
        var lastFreq: Int32 = 0
        var nextCharFreq: Int32 = 0
        var nextPairFreq: Int32 = 0
        var needed: Int32 = 0
    }

    /// Go's `bitCounts`: how many literals get each code length (package-merge on chains).
    private func bitCounts(_ sorted: [Node], maxBits maxBitsIn: Int) -> [Int32] {
        let maxInt32 = Int32.max
        var list = sorted
        let n = Int32(list.count)
        list.append(Node(literal: Int(UInt16.max), freq: maxInt32))
        var maxBits = Int32(maxBitsIn)
        if maxBits > n - 1 { maxBits = n - 1 }
        var levels = [Level](repeating: Level(), count: 16)
        var leafCounts = [[Int32]](repeating: [Int32](repeating: 0, count: 16), count: 16)
        for level in 1...Int(maxBits) {
            levels[level] = Level(
                level: Int32(level), lastFreq: list[1].freq, nextCharFreq: list[2].freq,
                nextPairFreq: list[0].freq + list[1].freq, needed: 0)
            leafCounts[level][level] = 2
            if level == 1 { levels[level].nextPairFreq = maxInt32 }
        }
        levels[Int(maxBits)].needed = 2 * n - 4
        var level = Int(maxBits)
        while true {
            if levels[level].nextPairFreq == maxInt32 && levels[level].nextCharFreq == maxInt32 {
                levels[level].needed = 0
                levels[level + 1].nextPairFreq = maxInt32
                level += 1
                continue
            }
            let prevFreq = levels[level].lastFreq
            if levels[level].nextCharFreq < levels[level].nextPairFreq {
                let count = leafCounts[level][level] + 1
                levels[level].lastFreq = levels[level].nextCharFreq
                leafCounts[level][level] = count
                levels[level].nextCharFreq = list[Int(count)].freq
            } else {
                levels[level].lastFreq = levels[level].nextPairFreq
                for i in 0..<level { leafCounts[level][i] = leafCounts[level - 1][i] }
                levels[Int(levels[level].level) - 1].needed = 2
            }
            levels[level].needed -= 1
            if levels[level].needed == 0 {
                if Int32(level) == maxBits { break }
                levels[level + 1].nextPairFreq = prevFreq + levels[level].lastFreq
                level += 1
            } else {
                while levels[level - 1].needed > 0 { level -= 1 }
            }
        }
        var bitCount = [Int32](repeating: 0, count: Int(maxBits) + 1)
        var bits = 1
        let counts = leafCounts[Int(maxBits)]
        for l in stride(from: Int(maxBits), to: 0, by: -1) {
            bitCount[bits] = counts[l] - counts[l - 1]
            bits += 1
        }
        return bitCount
    }
}

// MARK: - Bit writer (Go's huffman_bit_writer.go)

private final class HuffmanBitWriter {
    var output: [UInt8] = []
    private var bits: UInt64 = 0
    private var nbits = 0
    private var literalFreq = [Int32](repeating: 0, count: maxNumLit)
    private var offsetFreq = [Int32](repeating: 0, count: offsetCodeCount)
    private var codegen = [UInt8](repeating: 0, count: maxNumLit + offsetCodeCount + 1)
    private var codegenFreq = [Int32](repeating: 0, count: codegenCodeCount)
    private let literalEncoding = HuffmanEncoder(size: maxNumLit)
    private let offsetEncoding = HuffmanEncoder(size: offsetCodeCount)
    private let codegenEncoding = HuffmanEncoder(size: codegenCodeCount)
    private let fixedLiteral = HuffmanEncoder.fixedLiteral()
    private let fixedOffset = HuffmanEncoder.fixedOffset()

    func writeBits(_ b: Int, _ nb: Int) {
        bits |= UInt64(truncatingIfNeeded: b) << UInt64(nbits)
        nbits += nb
        while nbits >= 8 {
            output.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
            nbits -= 8
        }
    }

    /// Pads to a byte boundary.
    func flush() {
        if nbits > 0 {
            output.append(UInt8(truncatingIfNeeded: bits))
        }
        bits = 0
        nbits = 0
    }

    private func writeCode(_ enc: HuffmanEncoder, _ i: Int) { writeBits(Int(enc.code[i]), Int(enc.length[i])) }

    func writeStoredHeader(_ length: Int, eof: Bool) {
        writeBits(eof ? 1 : 0, 3)
        flush()
        writeBits(length, 16)
        writeBits(Int(~UInt16(truncatingIfNeeded: length)), 16)
    }

    func writeBytes(_ bytes: ArraySlice<UInt8>) { output.append(contentsOf: bytes) }

    private func generateCodegen(_ numLiterals: Int, _ numOffsets: Int) {
        for i in 0..<codegenFreq.count { codegenFreq[i] = 0 }
        for i in 0..<numLiterals { codegen[i] = UInt8(literalEncoding.length[i]) }
        for i in 0..<numOffsets { codegen[numLiterals + i] = UInt8(offsetEncoding.length[i]) }
        codegen[numLiterals + numOffsets] = badCode
        var size = codegen[0]
        var count = 1
        var outIndex = 0
        var inIndex = 1
        while size != badCode {
            let nextSize = codegen[inIndex]
            inIndex += 1
            if nextSize == size {
                count += 1
                continue
            }
            if size != 0 {
                codegen[outIndex] = size
                outIndex += 1
                codegenFreq[Int(size)] += 1
                count -= 1
                while count >= 3 {
                    let n = min(6, count)
                    codegen[outIndex] = 16
                    codegen[outIndex + 1] = UInt8(n - 3)
                    outIndex += 2
                    codegenFreq[16] += 1
                    count -= n
                }
            } else {
                while count >= 11 {
                    let n = min(138, count)
                    codegen[outIndex] = 18
                    codegen[outIndex + 1] = UInt8(n - 11)
                    outIndex += 2
                    codegenFreq[18] += 1
                    count -= n
                }
                if count >= 3 {
                    codegen[outIndex] = 17
                    codegen[outIndex + 1] = UInt8(count - 3)
                    outIndex += 2
                    codegenFreq[17] += 1
                    count = 0
                }
            }
            count -= 1
            while count >= 0 {
                codegen[outIndex] = size
                outIndex += 1
                codegenFreq[Int(size)] += 1
                count -= 1
            }
            size = nextSize
            count = 1
        }
        codegen[outIndex] = badCode
    }

    private func dynamicSize(extraBits: Int) -> (Int, Int) {
        var numCodegens = codegenFreq.count
        while numCodegens > 4 && codegenFreq[codegenOrder[numCodegens - 1]] == 0 { numCodegens -= 1 }
        let header = 3 + 5 + 5 + 4 + 3 * numCodegens + codegenEncoding.bitLength(codegenFreq) + Int(codegenFreq[16]) * 2
            + Int(codegenFreq[17]) * 3 + Int(codegenFreq[18]) * 7
        let size = header + literalEncoding.bitLength(literalFreq) + offsetEncoding.bitLength(offsetFreq) + extraBits
        return (size, numCodegens)
    }

    private func fixedSize(extraBits: Int) -> Int {
        3 + fixedLiteral.bitLength(literalFreq) + fixedOffset.bitLength(offsetFreq) + extraBits
    }

    private func indexTokens(_ tokens: [Token]) -> (Int, Int) {
        for i in 0..<literalFreq.count { literalFreq[i] = 0 }
        for i in 0..<offsetFreq.count { offsetFreq[i] = 0 }
        for t in tokens {
            switch t {
            case .literal(let l): literalFreq[l] += 1
            case .match(let length, let offset):
                literalFreq[lengthCodesStart + lengthCode(length)] += 1
                offsetFreq[offsetCode(offset)] += 1
            }
        }
        var numLiterals = literalFreq.count
        while literalFreq[numLiterals - 1] == 0 { numLiterals -= 1 }
        var numOffsets = offsetFreq.count
        while numOffsets > 0 && offsetFreq[numOffsets - 1] == 0 { numOffsets -= 1 }
        if numOffsets == 0 {
            offsetFreq[0] = 1
            numOffsets = 1
        }
        literalEncoding.generate(literalFreq, maxBits: 15)
        offsetEncoding.generate(offsetFreq, maxBits: 15)
        return (numLiterals, numOffsets)
    }

    /// A block in whichever of stored, fixed and dynamic coding is smallest.
    func writeBlock(_ blockTokens: [Token], eof: Bool, input: ArraySlice<UInt8>?) {
        let tokens = blockTokens + [.literal(endBlockMarker)]
        let (numLiterals, numOffsets) = indexTokens(tokens)
        var extraBits = 0
        var storedSize = 0
        var storable = false
        if let input, input.count <= maxStoreBlockSize {
            storedSize = (input.count + 5) * 8
            storable = true
        }
        if storable {
            if lengthCodesStart + 8 < numLiterals {
                for code in (lengthCodesStart + 8)..<numLiterals {
                    extraBits += Int(literalFreq[code]) * lengthExtraBits[code - lengthCodesStart]
                }
            }
            if 4 < numOffsets {
                for code in 4..<numOffsets { extraBits += Int(offsetFreq[code]) * offsetExtraBits[code] }
            }
        }
        var literal = fixedLiteral
        var offset = fixedOffset
        var size = fixedSize(extraBits: extraBits)
        generateCodegen(numLiterals, numOffsets)
        codegenEncoding.generate(codegenFreq, maxBits: 7)
        let (dynamic, numCodegens) = dynamicSize(extraBits: extraBits)
        if dynamic < size {
            size = dynamic
            literal = literalEncoding
            offset = offsetEncoding
        }
        if storable && storedSize < size, let input {
            writeStoredHeader(input.count, eof: eof)
            writeBytes(input)
            return
        }
        if literal === fixedLiteral {
            writeBits(eof ? 3 : 2, 3)
        } else {
            writeDynamicHeader(numLiterals, numOffsets, numCodegens, eof: eof)
        }
        writeTokens(tokens, literal, offset)
    }

    private func writeDynamicHeader(_ numLiterals: Int, _ numOffsets: Int, _ numCodegens: Int, eof: Bool) {
        writeBits(eof ? 5 : 4, 3)
        writeBits(numLiterals - 257, 5)
        writeBits(numOffsets - 1, 5)
        writeBits(numCodegens - 4, 4)
        for i in 0..<numCodegens { writeBits(Int(codegenEncoding.length[codegenOrder[i]]), 3) }
        var i = 0
        while true {
            let word = Int(codegen[i])
            i += 1
            if word == Int(badCode) { break }
            writeCode(codegenEncoding, word)
            switch word {
            case 16:
                writeBits(Int(codegen[i]), 2)
                i += 1
            case 17:
                writeBits(Int(codegen[i]), 3)
                i += 1
            case 18:
                writeBits(Int(codegen[i]), 7)
                i += 1
            default: break
            }
        }
    }

    private func writeTokens(_ tokens: [Token], _ literal: HuffmanEncoder, _ offset: HuffmanEncoder) {
        for t in tokens {
            switch t {
            case .literal(let l): writeCode(literal, l)
            case .match(let length, let off):
                let lc = lengthCode(length)
                writeCode(literal, lc + lengthCodesStart)
                if lengthExtraBits[lc] > 0 { writeBits(length - lengthBase[lc], lengthExtraBits[lc]) }
                let oc = offsetCode(off)
                writeCode(offset, oc)
                if offsetExtraBits[oc] > 0 { writeBits(off - offsetBase[oc], offsetExtraBits[oc]) }
            }
        }
    }
}

// MARK: - Compressor (Go's deflate.go, levels 4 to 9 path)

private final class GoDeflater {
    let writer = HuffmanBitWriter()
    private var window = [UInt8](repeating: 0, count: 2 * windowSize)
    private var windowEnd = 0
    private var index = 0
    private var blockStart = 0
    private var byteAvailable = false
    private var tokens: [Token] = []
    private var length = minMatchLength - 1
    private var offset = 0
    private var hash: UInt32 = 0
    private var maxInsertIndex = 0
    private var chainHead = -1
    private var hashHead = [UInt32](repeating: 0, count: hashSize)
    private var hashPrev = [UInt32](repeating: 0, count: windowSize)
    private var hashOffset = 1
    private var sync = false

    private func hash4(_ i: Int) -> UInt32 {
        let v = UInt32(window[i + 3]) | UInt32(window[i + 2]) << 8 | UInt32(window[i + 1]) << 16 | UInt32(window[i]) << 24
        return (v &* 0x1e35a7bd) >> (32 - hashBits)
    }

    private func fill(_ b: ArraySlice<UInt8>) -> Int {
        if index >= 2 * windowSize - (minMatchLength + maxMatchLength) {
            // Slide the window down by windowSize.
            for i in 0..<windowSize { window[i] = window[windowSize + i] }
            index -= windowSize
            windowEnd -= windowSize
            blockStart = blockStart >= windowSize ? blockStart - windowSize : Int(Int32.max)
            hashOffset += windowSize
            if hashOffset > maxHashOffset {
                let delta = hashOffset - 1
                hashOffset -= delta
                chainHead -= delta
                for i in 0..<hashPrev.count { hashPrev[i] = Int(hashPrev[i]) > delta ? UInt32(Int(hashPrev[i]) - delta) : 0 }
                for i in 0..<hashHead.count { hashHead[i] = Int(hashHead[i]) > delta ? UInt32(Int(hashHead[i]) - delta) : 0 }
            }
        }
        let n = min(b.count, window.count - windowEnd)
        for k in 0..<n { window[windowEnd + k] = b[b.startIndex + k] }
        windowEnd += n
        return n
    }

    private func writeBlock(_ upTo: Int) {
        guard upTo > 0 else { return }
        let input: ArraySlice<UInt8>? = blockStart <= upTo ? window[blockStart..<upTo] : nil
        blockStart = upTo
        writer.writeBlock(tokens, eof: false, input: input)
    }

    private func findMatch(_ pos: Int, _ prevHead: Int, _ prevLength: Int, _ lookahead: Int) -> (Int, Int, Bool) {
        let minMatchLook = min(maxMatchLength, lookahead)
        let winEnd = pos + minMatchLook
        var nice = winEnd - pos
        if levelNice < nice { nice = levelNice }
        var tries = levelChain
        var length = prevLength
        var offset = 0
        var ok = false
        if length >= levelGood { tries >>= 2 }
        var wEnd = window[pos + length]
        let minIndex = pos - windowSize
        var i = prevHead
        while tries > 0 {
            if wEnd == window[i + length] {
                var n = 0
                while n < minMatchLook && window[i + n] == window[pos + n] { n += 1 }
                if n > length && (n > minMatchLength || pos - i <= 4096) {
                    length = n
                    offset = pos - i
                    ok = true
                    if n >= nice { break }
                    wEnd = window[pos + n]
                }
            }
            if i == minIndex { break }
            i = Int(hashPrev[i & windowMask]) - hashOffset
            if i < minIndex || i < 0 { break }
            tries -= 1
        }
        return (length, offset, ok)
    }

    private func deflate() {
        if windowEnd - index < minMatchLength + maxMatchLength && !sync { return }
        maxInsertIndex = windowEnd - (minMatchLength - 1)
        if index < maxInsertIndex { hash = hash4(index) }
        while true {
            let lookahead = windowEnd - index
            if lookahead < minMatchLength + maxMatchLength {
                if !sync { break }
                if lookahead == 0 {
                    if byteAvailable {
                        tokens.append(.literal(Int(window[index - 1])))
                        byteAvailable = false
                    }
                    if !tokens.isEmpty {
                        writeBlock(index)
                        tokens.removeAll(keepingCapacity: true)
                    }
                    break
                }
            }
            if index < maxInsertIndex {
                hash = hash4(index)
                let h = Int(hash & hashMask)
                chainHead = Int(hashHead[h])
                hashPrev[index & windowMask] = UInt32(chainHead)
                hashHead[h] = UInt32(index + hashOffset)
            }
            let prevLength = length
            let prevOffset = offset
            length = minMatchLength - 1
            offset = 0
            let minIndex = max(index - windowSize, 0)
            if chainHead - hashOffset >= minIndex && lookahead > prevLength && prevLength < levelLazy {
                let (newLength, newOffset, ok) = findMatch(index, chainHead - hashOffset, minMatchLength - 1, lookahead)
                if ok {
                    length = newLength
                    offset = newOffset
                }
            }
            if prevLength >= minMatchLength && length <= prevLength {
                // The previous match is at least as good: emit it.
                tokens.append(.match(length: prevLength - baseMatchLength, offset: prevOffset - baseMatchOffset))
                let newIndex = index + prevLength - 1
                index += 1
                while index < newIndex {
                    if index < maxInsertIndex {
                        hash = hash4(index)
                        let h = Int(hash & hashMask)
                        hashPrev[index & windowMask] = hashHead[h]
                        hashHead[h] = UInt32(index + hashOffset)
                    }
                    index += 1
                }
                byteAvailable = false
                length = minMatchLength - 1
                if tokens.count == maxFlateBlockTokens {
                    writeBlock(index)
                    tokens.removeAll(keepingCapacity: true)
                }
            } else {
                if byteAvailable {
                    let i = index - 1
                    tokens.append(.literal(Int(window[i])))
                    if tokens.count == maxFlateBlockTokens {
                        writeBlock(i + 1)
                        tokens.removeAll(keepingCapacity: true)
                    }
                }
                index += 1
                byteAvailable = true
            }
        }
    }

    func write(_ bytes: [UInt8]) {
        var rest = bytes[...]
        while !rest.isEmpty {
            deflate()
            rest = rest.dropFirst(fill(rest))
        }
    }

    func syncFlush() {
        sync = true
        deflate()
        writer.writeStoredHeader(0, eof: false)
        writer.flush()
        sync = false
    }

    func close() {
        sync = true
        deflate()
        writer.writeStoredHeader(0, eof: true)
        writer.flush()
    }
}
