import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the log needs, each with the durability step that makes
/// it safe across a crash, and each failing with an `AuditError` that names the path.
enum DurableFile {
    /// The whole file, or nil when it does not exist.
    static func contents(of path: String) throws(AuditError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw failure(.unreadable, "cannot open", path)
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw failure(.unreadable, "cannot stat", path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(.unreadable, "cannot read", path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Whether a file exists at `path` (of any kind).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Permission bits of the file at `path`, or nil when it does not exist.
    static func permissions(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    /// Writes every byte, retrying short writes and EINTR. On a regular file opened with
    /// O_APPEND a single write(2) places the bytes at the end atomically with respect to other
    /// appenders; the loop only matters when the disk fills mid-line, which leaves a torn
    /// line for the next append to recover.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(AuditError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(.unwritable, "cannot write", path)
            }
            offset += written
        }
    }

    static func sync(_ fd: Int32, path: String) throws(AuditError) {
        guard fsync(fd) == 0 else { throw failure(.unwritable, "cannot fsync", path) }
    }

    /// fsyncs a directory, which makes a file created, renamed or removed in it durable.
    static func syncDirectory(_ directory: String) throws(AuditError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(.unwritable, "cannot open directory", directory) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(.unwritable, "cannot fsync directory", directory) }
    }

    /// Replaces `path` with `contents` so that after a crash it holds either the old or the
    /// new contents, never a mixture: write a temporary file, fsync it, rename it over
    /// `path`, fsync the directory.
    static func replace(_ path: String, with contents: [UInt8], mode: mode_t) throws(AuditError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(.unwritable, "cannot create", temporary) }
        do throws(AuditError) {
            // The mode given to open(2) is reduced by the umask; say exactly what we mean.
            guard fchmod(fd, mode) == 0 else { throw failure(.unwritable, "cannot chmod", temporary) }
            try writeAll(fd, contents, path: temporary)
            try sync(fd, path: temporary)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure(.unwritable, "cannot rename \(temporary) to", path)
            unlink(temporary)
            throw error
        }
        try syncDirectory(directoryOf(path))
    }

    /// Creates `path` with `contents`, failing with EEXIST if it is already there. Returns
    /// false when it exists.
    static func create(_ path: String, with contents: [UInt8], mode: mode_t) throws(AuditError) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw failure(.unwritable, "cannot create", path)
        }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw failure(.unwritable, "cannot chmod", path) }
        try writeAll(fd, contents, path: path)
        try sync(fd, path: path)
        try syncDirectory(directoryOf(path))
        return true
    }

    static func makeDirectory(_ directory: String) throws(AuditError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AuditError(
                code: .unwritable, message: "cannot create the audit directory", detail: "\(error)", path: directory)
        }
    }

    static func directoryOf(_ path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// An error for the failed call just made, with errno's text as its detail.
    static func failure(_ code: AuditCode, _ action: String, _ path: String) -> AuditError {
        let reason = String(cString: strerror(errno))
        return AuditError(code: code, message: "\(action) \(path)", detail: reason, path: path)
    }
}
