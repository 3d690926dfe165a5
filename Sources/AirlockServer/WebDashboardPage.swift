import Foundation
import Gate
import Policy
import Store

/// `GET /ui/dashboard`: the `Dashboard` numbers as bars. Bars are inline SVG with
/// geometry computed here, so the page needs neither JavaScript nor inline styles (the
/// Content-Security-Policy allows neither).
struct WebDashboardPage: Sendable {
    /// A horizontal bar: a label, a value and its width in percent of the track.
    struct Bar: Sendable {
        var label: String
        var key: String
        var value: String
        var width: String
    }

    /// One day's stacked column of new findings.
    struct Column: Sendable {
        var day: String
        var shortDay: String
        var total: Int
        var x: String
        var labelX: String
        var segments: [Segment]

        struct Segment: Sendable {
            var severity: String
            var y: String
            var height: String
            var count: Int
        }
    }

    struct Legend: Sendable {
        var severity: String
    }

    var chrome: WebChrome
    var decisionCount: Int
    var agentShare: String
    var actorBars: [Bar]
    var outcomeBars: [Bar]
    var columns: [Column]
    var legend: [Legend]
    var findingsTotal: Int
    var chartMax: Int
    var latencyCount: Int
    var latencyMedian: String
    var latencyP90: String
    var window: Int
    var chartWidth: String
    var chartHeight: String

    static let chartHeight = 160.0
    static let columnWidth = 40.0
    static let columnGap = 12.0


    init(_ dashboard: Dashboard, token: APIToken, window: Int) {
        chrome = WebChrome(title: "Dashboard", token: token, tab: .dashboard)
        decisionCount = dashboard.decisionCount
        self.window = window
        agentShare = Self.percent(dashboard.agentChangeShare)

        let kindLabel: [Actor.Kind: String] = [.agent: "AI agents", .human: "Humans", .ci: "CI pipelines"]
        actorBars = dashboard.actors.map {
            Bar(
                label: kindLabel[$0.kind] ?? $0.kind.rawValue, key: $0.kind.rawValue,
                value: "\($0.changes) changes · \($0.decisions) decisions · \(Self.percent($0.changeShare))",
                width: Self.number($0.changeShare * 100))
        }

        let most = max(1, dashboard.outcomes.values.max() ?? 0)
        outcomeBars = Outcome.allCases.map { outcome in
            let count = dashboard.outcomes[outcome] ?? 0
            return Bar(label: WebFormat.label(outcome), key: outcome.rawValue, value: "\(count)", width: Self.number(Double(count) / Double(most) * 100))
        }

        chartWidth = Self.number(Double(dashboard.findingsByDay.count) * (Self.columnWidth + Self.columnGap))
        chartHeight = Self.number(Self.chartHeight + 20)
        let top = max(1, dashboard.findingsByDay.map(\.total).max() ?? 0)
        chartMax = top
        findingsTotal = dashboard.findingsByDay.map(\.total).reduce(0, +)
        let severities = Severity.allCases.reversed()
        columns = dashboard.findingsByDay.enumerated().map { index, day in
            var bottom = Self.chartHeight
            var segments: [Column.Segment] = []
            // Stacked from the bottom: least severe lowest, so critical sits on top.
            for severity in severities.reversed() {
                let count = day.bySeverity[severity] ?? 0
                guard count > 0 else { continue }
                let height = Double(count) / Double(top) * (Self.chartHeight - 16)
                bottom -= height
                segments.append(.init(severity: severity.rawValue, y: Self.number(bottom), height: Self.number(height), count: count))
            }
            let x = Double(index) * (Self.columnWidth + Self.columnGap)
            return Column(
                day: day.day, shortDay: String(day.day.suffix(5)), total: day.total, x: Self.number(x),
                labelX: Self.number(x + Self.columnWidth / 2), segments: segments)
        }
        legend = severities.map { Legend(severity: $0.rawValue) }

        latencyCount = dashboard.latency.count
        latencyMedian = dashboard.latency.median.map(WebFormat.duration) ?? "–"
        latencyP90 = dashboard.latency.p90.map(WebFormat.duration) ?? "–"
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
