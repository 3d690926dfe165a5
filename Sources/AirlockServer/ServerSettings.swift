import ControlPlane
import Foundation

/// How `airlock serve` runs: where it listens, where it keeps its state, and the policy it
/// judges plans by.
public struct ServerSettings: Sendable {
    public static let defaultMaxBodyBytes = 64 * 1024 * 1024

    public var host: String
    public var port: Int
    /// A directory for the embedded SQLite file, or a `postgres://` URL shared by replicas.
    public var storeLocation: String
    /// Where the audit signing key lives (`audit-key`, `audit-key.pub`). Replicas sharing
    /// one PostgreSQL must share this key too.
    public var keyDirectory: String
    /// PostgreSQL connections per replica (SQLite always uses one).
    public var poolSize: Int
    /// The largest request body accepted (plans); larger ones get 413 as they stream in.
    public var maxBodyBytes: Int
    public var policy: GatePolicy
    public var webhooks: [WebhookTarget]
    /// The longest a client may ask `GET /api/v1/decisions/{id}?wait=` to hold a request.
    public var maxWaitSeconds: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, storeLocation: String, keyDirectory: String, poolSize: Int = 4,
        maxBodyBytes: Int = ServerSettings.defaultMaxBodyBytes, policy: GatePolicy, webhooks: [WebhookTarget] = [],
        maxWaitSeconds: Int = 60
    ) {
        self.host = host
        self.port = port
        self.storeLocation = storeLocation
        self.keyDirectory = keyDirectory
        self.poolSize = poolSize
        self.maxBodyBytes = maxBodyBytes
        self.policy = policy
        self.webhooks = webhooks
        self.maxWaitSeconds = maxWaitSeconds
    }
}

/// A URL that receives the server's events as signed JSON POSTs.
public struct WebhookTarget: Sendable, Hashable {
    public var url: URL
    /// The HMAC-SHA256 key; the signature goes in `X-Airlock-Signature: sha256=<hex>`.
    public var secret: String

    public init(url: URL, secret: String) {
        self.url = url
        self.secret = secret
    }
}
