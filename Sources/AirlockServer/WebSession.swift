import Foundation
import Hummingbird

/// The web UI's session: a cookie that holds the API token's secret, where a sign-in may
/// send the browser next, and the cross-site checks on forms.
///
/// The cookie is the token itself (the `Authentication` middleware reads it like a Bearer
/// header), so revoking the token ends every session that uses it; there is no second
/// credential to leak or expire.
enum WebSession {
    static let cookieName = Authentication.cookieName

    /// `Set-Cookie` for a signed-in browser. HttpOnly keeps the secret from page scripts;
    /// SameSite=Strict keeps the browser from sending it with requests another site starts,
    /// which is the first half of the UI's CSRF defence (the Origin check is the second).
    static func signInCookie(secret: String) -> String {
        "\(cookieName)=\(secret); Path=/; HttpOnly; SameSite=Strict"
    }

    /// `Set-Cookie` that makes the browser forget the session.
    static let signOutCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// Where the queue lives: the default after signing in.
    static let home = "/ui"

    /// `next` if it is a path inside the UI, else the queue. Only `/ui` or `/ui/...`
    /// (with a query) is followed: never a scheme, a host (`//evil.example`), a backslash
    /// (which browsers read as a slash) or anything outside the UI, so a link cannot turn
    /// the sign-in into an open redirect.
    static func safeNext(_ next: String?) -> String {
        guard let next, !next.isEmpty, next.count <= 2048 else { return home }
        guard next == "/ui" || next.hasPrefix("/ui/") || next.hasPrefix("/ui?") else { return home }
        let forbidden: (Character) -> Bool = { $0 == "\\" || $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
        guard !next.contains(where: forbidden), !next.contains("//"), !next.contains("/../"), !next.hasSuffix("/..") else {
            return home
        }
        return next
    }

    /// The sign-in page's URL that returns to `path` afterwards.
    static func loginURL(next path: String) -> String {
        "/ui/login?next=" + percentEncode(path)
    }

    /// Percent-encodes a query parameter's value (everything but RFC 3986's unreserved set).
    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Whether a form POST may have come from another site: its `Origin` header, when the
    /// browser sends one, must name this server (the `Host` it was sent to). Browsers send
    /// Origin on every cross-site POST, so a forged form is caught here even where a
    /// browser ignores SameSite; a request without Origin (curl, old browsers) is judged by
    /// the cookie's SameSite=Strict alone.
    static func isCrossSite(_ request: Request) -> Bool {
        isCrossSite(origin: request.headers[.origin], host: request.head.authority)
    }

    static func isCrossSite(origin: String?, host: String?) -> Bool {
        guard let origin else { return false }
        guard origin != "null", let url = URL(string: origin), let originHost = url.host else { return true }
        guard let host else { return true }
        // Compare host and port with the scheme's default port made explicit on both
        // sides: `http://a` and `Host: a:80` are the same site.
        let defaultPort = url.scheme?.lowercased() == "https" ? 443 : 80
        let bracketed = originHost.contains(":") && !originHost.hasPrefix("[") ? "[\(originHost)]" : originHost
        let originAuthority = "\(bracketed):\(url.port ?? defaultPort)".lowercased()
        let hostAuthority = (host.contains(":") && !host.hasSuffix("]") ? host : "\(host):\(defaultPort)").lowercased()
        return originAuthority != hostAuthority
    }
}

/// A 303 to `location`, thrown where a page needs a session and the request has none;
/// Hummingbird answers with it like with any `HTTPResponseError`.
struct WebRedirect: Error, HTTPResponseError {
    var location: String
    /// Also tell the browser to drop its session cookie (it names no valid token).
    var clearSession: Bool

    var status: HTTPResponse.Status { .seeOther }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = WebRoutes.redirect(location)
        if clearSession { response.headers[.setCookie] = WebSession.signOutCookie }
        return response
    }
}
