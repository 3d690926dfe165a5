#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The end of `audit.log`, read backwards from the end of the file only as far as a caller
/// asks: what `append` reads instead of the whole log.
///
/// Offsets are absolute file offsets; `bytes` holds the file from `start` to its end. Each
/// read that finds no newline doubles the chunk, so reaching back over *n* bytes costs
/// O(*n*) however long the lines are. A class, so the descriptor is closed with the last
/// reference; it is made and used by one append, never shared.
final class LogTail {
    /// The file's size when it was opened (appenders hold the lock, so it does not grow).
    let size: Int
    /// Absolute offset of `bytes[0]`.
    private(set) var start: Int
    /// The file from `start` to `size`.
    private(set) var bytes: [UInt8] = []

    private let fd: Int32
    private let path: String
    /// An event is about 900 bytes; the first chunk holds the last few.
    private var chunk = 8192

    /// The log at `path` opened for reading its end, or nil when there is no file.
    init?(path: String) throws(AuditError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw DurableFile.failure(.unreadable, "cannot open", path)
        }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let error = DurableFile.failure(.unreadable, "cannot stat", path)
            close(fd)
            throw error
        }
        self.fd = fd
        self.path = path
        self.size = Int(status.st_size)
        self.start = size
    }

    deinit { close(fd) }

    /// The offset of the last newline before `offset`, reading further back as needed; nil
    /// when there is none between the start of the file and `offset`.
    func newline(before offset: Int) throws(AuditError) -> Int? {
        guard offset > 0 else { return nil }
        var searched = offset
        while true {
            if searched > start {
                // memrchr is a GNU extension Swift's Glibc module does not expose; the
                // stretch searched is a few events long.
                if let found = bytes[..<(searched - start)].lastIndex(of: 0x0a) { return start + found }
            }
            searched = min(searched, start)
            guard start > 0 else { return nil }
            try readBack()
        }
    }

    /// The complete line whose newline is at `newline` (or the bytes after the last newline,
    /// when `newline` is `size`): from just after the newline before it, or the file's start.
    func line(endingAt newline: Int) throws(AuditError) -> Range<Int> {
        let lowerBound = try self.newline(before: newline).map { $0 + 1 } ?? 0
        return lowerBound..<newline
    }

    /// Runs `body` over the bytes read, with `range` (absolute) translated into them.
    func withBytes<T>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> T) -> T {
        bytes.withUnsafeBufferPointer { body($0, (range.lowerBound - start)..<(range.upperBound - start)) }
    }

    /// The bytes at the absolute `range`, which must have been read.
    func slice(_ range: Range<Int>) -> [UInt8] {
        Array(bytes[(range.lowerBound - start)..<(range.upperBound - start)])
    }

    /// Reads the chunk before `start` and puts it in front of what was read.
    private func readBack() throws(AuditError) {
        let count = min(chunk, start)
        let offset = start - count
        var before = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = before.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw DurableFile.failure(.unreadable, "cannot read", path)
            }
            guard read > 0 else {
                throw AuditError(
                    code: .unreadable, message: "\(path) became shorter while it was read",
                    detail: "Something wrote to the log without holding its lock. Check what else writes to this "
                        + "directory.",
                    path: path)
            }
            filled += read
        }
        bytes = before + bytes
        start = offset
        chunk = min(chunk * 2, 1 << 24)
    }
}
