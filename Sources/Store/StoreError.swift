/// A store that cannot be opened, read or written, or a write the store refused.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `STORE001` cannot open, `STORE002` newer schema, `STORE003` corrupt record,
    /// `STORE004` unknown decision, `STORE005` refused by the approval policy, `STORE006`
    /// a token refused (its actor does not fit its role, a sponsor who is not a person),
    /// `STORE007` the audit chain not extended (its last event is not sealed by the key),
    /// `STORE008` an apply refused (the decision is being applied or was applied).
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
