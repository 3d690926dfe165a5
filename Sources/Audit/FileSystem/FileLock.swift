#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on a file (flock(2)), held for the duration of a closure.
///
/// flock locks belong to the open file description, so two threads of one process that
/// each open the lock file exclude each other just as two processes do; the lock is
/// released by the kernel if the holder dies, so a crashed appender never wedges the log.
enum FileLock {
    static func withLock<T>(
        _ path: String, exclusive: Bool, _ body: () throws -> T
    ) throws -> T {
        let fd = open(path, (exclusive ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DurableFile.failure(.lockFailed, "cannot open the lock file", path) }
        defer { close(fd) }
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { throw DurableFile.failure(.lockFailed, "cannot lock", path) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
