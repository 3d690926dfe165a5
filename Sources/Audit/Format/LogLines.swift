/// The lines of `audit.log`: byte ranges of every newline-terminated line, and the bytes
/// after the last newline, which only an interrupted write leaves behind.
struct LogLines {
    /// Ranges of complete lines, without their newline.
    var lines: [Range<Int>]
    /// Bytes after the last newline; nil when the file ends with one (or is empty).
    var unterminated: Range<Int>?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var lines: [Range<Int>] = []
        // Events are a few hundred bytes; reserving avoids regrowth on large logs.
        lines.reserveCapacity(bytes.count / 256 + 1)
        var start = 0
        guard let base = bytes.baseAddress else {
            self.lines = []
            return
        }
        while start < bytes.count {
            guard let found = memchr(base + start, 0x0a, bytes.count - start) else { break }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            lines.append(start..<end)
            start = end + 1
        }
        self.lines = lines
        self.unterminated = start < bytes.count ? start..<bytes.count : nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
