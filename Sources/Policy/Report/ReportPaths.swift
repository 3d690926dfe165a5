import Foundation

/// Where the files a report names are, relative to one source root, as SARIF URIs and as
/// short paths for people.
///
/// GitHub code scanning reads a relative `artifactLocation.uri` as relative to the root of
/// the repository and does not resolve `originalUriBaseIds` (github/codeql-action#2215),
/// while CI runs the scanner from that root. So the root is the working directory when the
/// scanned path lies inside it (`airlock scan infra/` from the checkout gives
/// `infra/main.tf`), and otherwise the scanned directory itself (or, for a plan or state
/// file, the directory that holds it). `%SRCROOT%` in `originalUriBaseIds` records it.
struct ReportPaths: Sendable {
    /// The absolute, symlink-free source root, without a trailing slash (`/` for the root).
    let root: String

    init(root: String) {
        self.root = Self.canonical(root)
    }

    /// The root for a scan of `target` run from `workingDirectory`.
    init(target: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        let cwd = Self.canonical(workingDirectory)
        var scanRoot = Self.canonical(target, relativeTo: cwd)
        var isDirectory: ObjCBool = false
        if !(FileManager.default.fileExists(atPath: scanRoot, isDirectory: &isDirectory) && isDirectory.boolValue) {
            scanRoot = (scanRoot as NSString).deletingLastPathComponent
        }
        root = Self.isInside(scanRoot, cwd) ? cwd : scanRoot
    }

    /// `file:///abs/root/`: the value of `%SRCROOT%` (a base URI must end with a slash).
    var rootURI: String {
        "file://" + Self.percentEncode(root == "/" ? "/" : root + "/")
    }

    /// The path of `file` relative to the root (`../modules/x/main.tf` when outside it),
    /// with `/` separators. A relative `file` is taken as relative to the working directory,
    /// as the evaluator and the plan reader report paths.
    func relative(_ file: String) -> String {
        let path = Self.canonical(file)
        if Self.isInside(path, root), path != root { return String(path.dropFirst(root == "/" ? 1 : root.count + 1)) }
        let a = root.split(separator: "/"), b = path.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: a.count - common) + b[common...].map(String.init)).joined(separator: "/")
    }

    /// `relative(file)` as a URI reference: every byte outside RFC 3986's unreserved set
    /// and `/` percent-encoded, so spaces, `#` and `%` in names stay part of the path.
    func uri(_ file: String) -> String {
        Self.percentEncode(relative(file))
    }

    static func percentEncode(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(b >> 4)])
                out.unicodeScalars.append(hex[Int(b & 0xF)])
            }
        }
        return out
    }

    private static func isInside(_ path: String, _ directory: String) -> Bool {
        directory == "/" ? path.hasPrefix("/") : (path == directory || path.hasPrefix(directory + "/"))
    }

    /// An absolute path without `.`/`..` segments, with symlinks resolved where the file
    /// exists (GitHub cannot match a result reported through a symlink).
    private static func canonical(_ path: String, relativeTo base: String? = nil) -> String {
        var absolute = path
        if !absolute.hasPrefix("/") {
            absolute = (base ?? FileManager.default.currentDirectoryPath) + "/" + absolute
        }
        var url = URL(fileURLWithPath: absolute).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { url = url.resolvingSymlinksInPath() }
        var result = url.path
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result.isEmpty ? "/" : result
    }
}
