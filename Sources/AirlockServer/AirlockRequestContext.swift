import Hummingbird
import Store

/// The request context: Hummingbird's core storage, the token the request authenticated
/// with (if any), and the largest body a route accepts.
public struct AirlockRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `Authentication` when a valid, unrevoked token came with the request.
    var token: APIToken?
    /// Plans can be large (a 5,000-resource plan is ~30 MB of JSON); the server's limit
    /// is `ServerSettings.maxBodyBytes`, checked while the body streams in.
    var bodyLimit: Int = ServerSettings.defaultMaxBodyBytes

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { bodyLimit }

    /// The token, or 401.
    func requireToken() throws -> APIToken {
        guard let token else {
            throw APIError.unauthorized("This needs an API token: send `Authorization: Bearer alk_...` (airlock token create makes one).")
        }
        return token
    }

    /// The token, if its role is one of `roles`; 401 without a token, 403 with another role.
    func require(_ roles: APIToken.Role...) throws -> APIToken {
        let token = try requireToken()
        guard roles.contains(token.role) || token.role == .admin else {
            throw APIError.forbidden(
                "role", "The token \(token.name) has role \(token.role.rawValue); this needs \(roles.map(\.rawValue).joined(separator: " or ")).")
        }
        return token
    }
}

/// Finds the API token of a request: `Authorization: Bearer <token>`, or the web UI's
/// session cookie. A token that is unknown or revoked is refused here with 401, so no
/// route ever sees a forged one; a request without any token goes on unauthenticated
/// (health, metrics and the login page need none; the routes that do check).
struct Authentication: RouterMiddleware {
    typealias Context = AirlockRequestContext
    let service: ControlService

    static let cookieName = "airlock_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.bodyLimit = service.settings.maxBodyBytes
        // Probes and scrapers carry no token and must answer even when a client sends a bad one.
        if Self.openPaths.contains(request.uri.path) { return try await next(request, context) }
        guard let secret = try Self.secret(in: request) else { return try await next(request, context) }
        guard let token = try await service.token(secret: secret) else {
            if request.uri.path.hasPrefix("/api/") || request.headers[.authorization] != nil {
                throw APIError.unauthorized("The API token is not valid (unknown or revoked).")
            }
            // A stale browser session: forget it and let the page ask for a new token.
            return try await next(request, context)
        }
        context.token = token
        return try await next(request, context)
    }

    static let openPaths: Set<String> = ["/healthz", "/readyz", "/metrics", "/openapi.yaml"]

    static func secret(in request: Request) throws -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw APIError.unauthorized("The Authorization header must be `Bearer <token>`.")
            }
            return String(parts[1]).trimmingCharacters(in: .whitespaces)
        }
        guard let cookies = request.headers[.cookie] else { return nil }
        for pair in cookies.split(separator: ";") {
            let kv = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == Self.cookieName { return String(kv[1]) }
        }
        return nil
    }
}
