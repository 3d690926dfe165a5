import Foundation
import Gate
import Policy

/// The dashboard's numbers, summed from recent decisions and their verdicts: who asks for
/// changes (AI agents or people), what new findings their plans bring, day by day, how long
/// approvals take, and what the gate decided. Pure: the same decisions and `now` give the
/// same numbers.
struct Dashboard: Sendable, Hashable {
    /// Decisions and planned changes of one kind of actor.
    struct ActorShare: Sendable, Hashable {
        var kind: Actor.Kind
        var decisions: Int
        /// Resources created, updated, deleted or replaced by the plans.
        var changes: Int
        /// `changes` over all actors' changes, 0…1 (0 when nothing changed).
        var changeShare: Double
    }

    /// New findings in plans gated on one UTC day, by severity.
    struct Day: Sendable, Hashable {
        /// `yyyy-MM-dd`, UTC.
        var day: String
        /// Count per severity, in `Severity.allCases` order (info … critical).
        var bySeverity: [Severity: Int]
        var total: Int { bySeverity.values.reduce(0, +) }
    }

    /// Time from a decision to the approval that cleared it.
    struct Latency: Sendable, Hashable {
        /// Decisions cleared by approvals.
        var count: Int
        var median: TimeInterval?
        var p90: TimeInterval?
    }

    var decisionCount: Int
    /// Agents, humans, CI, in that order, each present even when zero.
    var actors: [ActorShare]
    /// The last `days` days, oldest first, today (UTC) last.
    var findingsByDay: [Day]
    var latency: Latency
    /// Every outcome, in `Outcome.allCases` order.
    var outcomes: [Outcome: Int]

    /// The AI agents' share of changed resources, 0…1.
    var agentChangeShare: Double { actors.first { $0.kind == .agent }?.changeShare ?? 0 }

    static let days = 14

    static func make(_ records: [(decision: Decision, approvals: [Approval])], now: Date, days: Int = Dashboard.days) -> Dashboard {
        // Actors.
        var decisionsByKind: [Actor.Kind: Int] = [:]
        var changesByKind: [Actor.Kind: Int] = [:]
        for (decision, _) in records {
            decisionsByKind[decision.actor.kind, default: 0] += 1
            changesByKind[decision.actor.kind, default: 0] += decision.changes.total
        }
        let allChanges = changesByKind.values.reduce(0, +)
        let actors = [Actor.Kind.agent, .human, .ci].map { kind in
            let changes = changesByKind[kind] ?? 0
            return ActorShare(
                kind: kind, decisions: decisionsByKind[kind] ?? 0, changes: changes,
                changeShare: allChanges == 0 ? 0 : Double(changes) / Double(allChanges))
        }

        // New findings per UTC day.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let today = calendar.startOfDay(for: now)
        let dayStarts = (0..<days).reversed().compactMap { calendar.date(byAdding: .day, value: -$0, to: today) }
        var byDay: [Date: [Severity: Int]] = [:]
        for (decision, _) in records {
            let day = calendar.startOfDay(for: decision.createdAt)
            guard let first = dayStarts.first, day >= first, day <= today else { continue }
            for (name, count) in decision.findings.new {
                guard let severity = Severity(rawValue: name) else { continue }
                byDay[day, default: [:]][severity, default: 0] += count
            }
        }
        let findingsByDay = dayStarts.map { Day(day: dayKey($0), bySeverity: byDay[$0] ?? [:]) }

        // Approval latency: replay the verdicts in order and find the one after which the
        // approval policy first counts the decision cleared.
        var latencies: [TimeInterval] = []
        for (decision, approvals) in records where decision.outcome == .approvalRequired {
            let ordered = approvals.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            for index in ordered.indices {
                let at = ordered[index].createdAt
                let status = ApprovalPolicy.status(of: decision, approvals: Array(ordered[...index]), now: at)
                if status.state == .cleared {
                    latencies.append(max(0, at.timeIntervalSince(decision.createdAt)))
                    break
                }
                if status.state != .pending { break }
            }
        }
        latencies.sort()
        let latency = Latency(count: latencies.count, median: percentile(latencies, 0.5), p90: percentile(latencies, 0.9))

        var outcomes: [Outcome: Int] = [:]
        for outcome in Outcome.allCases { outcomes[outcome] = 0 }
        for (decision, _) in records { outcomes[decision.outcome, default: 0] += 1 }

        return Dashboard(
            decisionCount: records.count, actors: actors, findingsByDay: findingsByDay, latency: latency, outcomes: outcomes)
    }

    /// The nearest-rank percentile of sorted values (the smallest value with at least `p` of
    /// the values at or below it), or nil without values. Nearest rank rather than
    /// interpolation, so the number shown is a latency some decision really had.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    static func dayKey(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
