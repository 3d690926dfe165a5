import Foundation
import Gate
import Prometheus
import Synchronization

/// What `/metrics` exposes, in Prometheus' text format: decisions by outcome and actor kind,
/// findings by severity, approval latency, and how many changes agents make. Counters are
/// this replica's since it started, as Prometheus expects; sum them over replicas.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let agentShare: Gauge
    private let latency: ValueHistogram
    private let changeCounts = Mutex<[Actor.Kind: Int]>([:])

    init() {
        agentShare = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "airlock", metricName: "agent_change_share", unitName: "ratio",
            helpText: "Share of planned resource changes submitted by agents (this replica, since start)."))
        latency = registry.makeValueHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "airlock", metricName: "approval_latency", unitName: "seconds",
                helpText: "Time from a decision requiring approval to the verdict that settled it."),
            buckets: [60, 300, 900, 1800, 3600, 4 * 3600, 8 * 3600, 24 * 3600, 72 * 3600])
    }

    func recordDecision(_ decision: Decision, newFindings: [String: Int]) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "airlock", metricName: "decisions", unitName: "total",
                helpText: "Gate decisions, by outcome and by the kind of actor that asked."),
            labels: [("outcome", decision.outcome.rawValue), ("actor_kind", decision.actor.kind.rawValue)]
        ).increment()
        for (severity, count) in newFindings.sorted(by: { $0.key < $1.key }) where count > 0 {
            registry.makeCounter(
                descriptor: MetricNameDescriptor(
                    namespace: "airlock", metricName: "findings", unitName: "total",
                    helpText: "New failing findings on submitted plans, by severity."),
                labels: [("severity", severity)]
            ).increment(by: Int64(count))
        }
        let changes = decision.changes.create + decision.changes.update + decision.changes.delete + decision.changes.replace
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "airlock", metricName: "changes", unitName: "total",
                helpText: "Planned resource changes submitted, by the kind of actor that asked."),
            labels: [("actor_kind", decision.actor.kind.rawValue)]
        ).increment(by: Int64(changes))
        let share = changeCounts.withLock { counts -> Double in
            counts[decision.actor.kind, default: 0] += changes
            let total = counts.values.reduce(0, +)
            return total == 0 ? 0 : Double(counts[.agent, default: 0]) / Double(total)
        }
        agentShare.set(share)
    }

    /// A verdict that settled a decision (cleared or rejected), `seconds` after it was made.
    func recordSettled(after seconds: Double) {
        latency.record(seconds)
    }

    func recordRequest(status: Int) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "airlock", metricName: "http_responses", unitName: "total",
                helpText: "API responses by status class."),
            labels: [("class", "\(status / 100)xx")]
        ).increment()
    }

    func text() -> String { registry.emitToString() }
}
