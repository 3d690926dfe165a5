import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Gate
import Logging

/// Sends events to the configured webhook URLs as JSON POSTs signed with HMAC-SHA256.
///
/// Each delivery carries `X-Airlock-Event`, `X-Airlock-Delivery` (a unique ID, for the
/// receiver to drop duplicates), `X-Airlock-Timestamp` (Unix seconds) and
/// `X-Airlock-Signature: sha256=<hex>`, the HMAC of `<timestamp>.<body>` under the target's
/// secret: the receiver recomputes it and rejects a mismatch or an old timestamp. Delivery
/// runs in the background and is retried three times (1 s, 5 s, 25 s) on a network error
/// or a non-2xx answer; it never holds up the request that caused the event.
final class Webhooks: Sendable {
    let targets: [WebhookTarget]
    let logger: Logger
    private let session: URLSession

    init(targets: [WebhookTarget], logger: Logger) {
        self.targets = targets
        self.logger = logger
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        self.session = URLSession(configuration: configuration)
    }

    /// The events a receiver can get.
    enum Event: String {
        /// A decision was made (any outcome).
        case decisionCreated = "decision.created"
        /// A decision waits for reviewers.
        case approvalPending = "approval.pending"
        /// A reviewer approved or rejected; `status` says where the decision stands.
        case decisionReviewed = "decision.reviewed"
    }

    struct Payload: Encodable {
        var event: String
        var deliveryID: String
        var sentAt: Date
        var decisionID: String
        var outcome: String
        var tier: String
        var status: String
        var actor: String
        var environment: String?
        var planDigest: String
        var summary: String
        var url: String

        enum CodingKeys: String, CodingKey {
            case event, deliveryID = "delivery_id", sentAt = "sent_at", decisionID = "decision_id", outcome, tier, status
            case actor, environment, planDigest = "plan_digest", summary, url
        }
    }

    static func signature(secret: String, timestamp: String, body: Data) -> String {
        var message = Data(timestamp.utf8)
        message.append(UInt8(ascii: "."))
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    func send(_ event: Event, decision: Decision, status: ApprovalStatus, summary: String, baseURL: String) {
        guard !targets.isEmpty else { return }
        let payload = Payload(
            event: event.rawValue, deliveryID: "whd_" + UUID().uuidString.lowercased(), sentAt: Date(), decisionID: decision.id,
            outcome: decision.outcome.rawValue, tier: decision.tier.rawValue, status: status.state.rawValue,
            actor: decision.actor.id, environment: decision.environment?.name, planDigest: decision.planDigest,
            summary: summary, url: baseURL + "/ui/decisions/" + decision.id)
        guard let body = try? JSONCoding.encoder.encode(payload) else { return }
        for target in targets {
            Task.detached { [self] in await self.deliver(body, event: event, deliveryID: payload.deliveryID, to: target) }
        }
    }

    private func deliver(_ body: Data, event: Event, deliveryID: String, to target: WebhookTarget) async {
        let delays: [UInt64] = [0, 1, 5, 25]
        for (attempt, delay) in delays.enumerated() {
            if delay > 0 { try? await Task.sleep(nanoseconds: delay * 1_000_000_000) }
            let timestamp = String(Int(Date().timeIntervalSince1970))
            var request = URLRequest(url: target.url)
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue(event.rawValue, forHTTPHeaderField: "X-Airlock-Event")
            request.setValue(deliveryID, forHTTPHeaderField: "X-Airlock-Delivery")
            request.setValue(timestamp, forHTTPHeaderField: "X-Airlock-Timestamp")
            request.setValue(Self.signature(secret: target.secret, timestamp: timestamp, body: body), forHTTPHeaderField: "X-Airlock-Signature")
            do {
                let (_, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) { return }
                logger.warning("webhook \(target.url) answered \(status) to \(event.rawValue) (attempt \(attempt + 1))")
            } catch {
                logger.warning("webhook \(target.url) failed for \(event.rawValue) (attempt \(attempt + 1)): \(error)")
            }
        }
        logger.error("webhook \(target.url): gave up on \(event.rawValue) delivery \(deliveryID) after \(delays.count) attempts")
    }
}
