import Foundation

/// Go's `path/filepath` on Unix, which Terraform's path functions are defined by: purely
/// lexical cleaning, joining, `Dir` and `Base`, and `~` expansion as `go-homedir` does it.
enum GoPath {
    /// `filepath.Clean`: the shortest equivalent path, by lexical processing only.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let body = parts.joined(separator: "/")
        if rooted { return "/" + body }
        return body.isEmpty ? "." : body
    }

    /// `filepath.Join`: the non-empty elements joined with `/`, cleaned.
    static func join(_ elements: String...) -> String {
        let nonEmpty = elements.filter { !$0.isEmpty }
        if nonEmpty.isEmpty { return "" }
        return clean(nonEmpty.joined(separator: "/"))
    }

    static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// `filepath.Dir`: everything but the last element, cleaned.
    static func dir(_ path: String) -> String {
        let cut = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return clean(String(path[..<cut]))
    }

    /// `filepath.Base`: the last element, with trailing slashes removed.
    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        if p == "/" { return "/" }
        if let slash = p.lastIndex(of: "/") { p = p[p.index(after: slash)...] }
        return p.isEmpty ? "/" : String(p)
    }

    /// `filepath.Rel` for a target known to lie under `base` (both cleaned).
    static func relative(_ target: String, to base: String) -> String {
        if target == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        if target.hasPrefix(prefix) { return String(target.dropFirst(prefix.count)) }
        if base == "." { return target }
        return target
    }

    struct HomeError: Error { var message: String }

    /// `homedir.Expand`: a leading `~` or `~/` becomes the home directory ($HOME).
    static func expandHome(_ path: String) throws(HomeError) -> String {
        guard path.hasPrefix("~") else { return path }
        if path.count > 1, !path.dropFirst().hasPrefix("/"), !path.dropFirst().hasPrefix("\\") {
            throw HomeError(message: "cannot expand user-specific home dir")
        }
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else {
            throw HomeError(message: "HOME environment variable is not set")
        }
        return join(home, String(path.dropFirst()))
    }

    /// Where Terraform's file functions look for `path`: `~` expanded, then relative to the
    /// base directory, then cleaned.
    static func resolve(_ path: String, base: String) throws(HomeError) -> String {
        var p = try expandHome(path)
        if !isAbsolute(p) { p = join(base, p) }
        return clean(p)
    }
}
