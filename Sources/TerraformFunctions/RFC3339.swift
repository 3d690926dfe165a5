/// A point in time with the UTC offset it was written with, as Go's `time.Time` after
/// `time.Parse(time.RFC3339, ...)`: what `formatdate`, `timeadd` and `timecmp` work on.
struct GoTime: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var unixSeconds: Int64
    var nanoseconds: Int64
    /// Seconds east of UTC.
    var offset: Int

    struct Civil {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int
        /// 0 is Sunday.
        var weekday: Int
    }

    /// The date and clock time in the time's own offset.
    var civil: Civil {
        let local = unixSeconds + Int64(offset)
        let days = Self.floorDiv(local, 86400)
        let secondOfDay = Int(local - days * 86400)
        let (y, m, d) = Self.civilFromDays(days)
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday.
        return Civil(
            year: y, month: m, day: d, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
            weekday: weekday)
    }

    func adding(nanoseconds delta: Int64) -> GoTime {
        var t = self
        let total = nanoseconds + delta % 1_000_000_000
        t.unixSeconds += delta / 1_000_000_000 + Self.floorDiv(total, 1_000_000_000)
        t.nanoseconds = total - Self.floorDiv(total, 1_000_000_000) * 1_000_000_000
        return t
    }

    /// -1, 0 or 1 as the instant is before, equal to or after the other (offsets do not matter).
    func compare(_ other: GoTime) -> Int {
        if unixSeconds != other.unixSeconds { return unixSeconds < other.unixSeconds ? -1 : 1 }
        if nanoseconds != other.nanoseconds { return nanoseconds < other.nanoseconds ? -1 : 1 }
        return 0
    }

    /// `t.Format(time.RFC3339)`: `2006-01-02T15:04:05Z07:00`, without fractional seconds.
    var rfc3339: String {
        let c = civil
        return "\(Self.year4(c.year))-\(Self.pad2(c.month))-\(Self.pad2(c.day))T\(Self.pad2(c.hour)):\(Self.pad2(c.minute)):\(Self.pad2(c.second))\(zone(colon: true, utcAsZ: true))"
    }

    /// The offset as `-0700` or `-07:00`; with `utcAsZ`, zero offset is `Z` (Go's `Z07:00`).
    func zone(colon: Bool, utcAsZ: Bool) -> String {
        if offset == 0 && utcAsZ { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return sign + Self.pad2(minutes / 60) + (colon ? ":" : "") + Self.pad2(minutes % 60)
    }

    static func pad2(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }

    /// Go's `appendInt(b, year, 4)`: at least four digits, sign first.
    static func year4(_ y: Int) -> String {
        let digits = String(abs(y))
        return (y < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = floorDiv(z, 146097)
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Parsing RFC 3339 timestamps with Go's `time.Parse(time.RFC3339, s)` rules, and its
/// errors reworded as Terraform's `parseTimestamp` does.
enum RFC3339 {
    struct Failure: Error { var message: String }

    /// Where Go's parser stopped: the layout element it expected and the text left.
    private struct ParseError: Error {
        var layoutElement: String
        var valueElement: String
        var message: String = ""
    }

    static func parse(_ text: String) throws(Failure) -> GoTime {
        do {
            return try goParse(Array(text.utf8)[...])
        } catch {
            throw Failure(message: describe(error))
        }
    }

    private static func describe(_ e: ParseError) -> String {
        if e.layoutElement.isEmpty && e.valueElement.isEmpty && !e.message.isEmpty {
            return "not a valid RFC3339 timestamp\(e.message)"
        }
        let what: String
        switch e.layoutElement {
        case "2006": what = "year"
        case "01": what = "month"
        case "02": what = "day of month"
        case "15": what = "hour"
        case "04": what = "minute"
        case "05": what = "second"
        case "Z07:00": what = "UTC offset"
        case "T": return "not a valid RFC3339 timestamp: missing required time introducer 'T'"
        case ":", "-":
            if e.valueElement.isEmpty {
                return "not a valid RFC3339 timestamp: end of string where \(ConfigFile.quoted(e.layoutElement)) is expected"
            }
            return "not a valid RFC3339 timestamp: found \(ConfigFile.quoted(e.valueElement)) where \(ConfigFile.quoted(e.layoutElement)) is expected"
        default: what = "timestamp segment"
        }
        if e.valueElement.isEmpty { return "not a valid RFC3339 timestamp: end of string before \(what)" }
        return "not a valid RFC3339 timestamp: cannot use \(ConfigFile.quoted(e.valueElement)) as \(what)"
    }

    private static func isDigit(_ s: ArraySlice<UInt8>, _ i: Int) -> Bool {
        guard i < s.count else { return false }
        let c = s[s.startIndex + i]
        return c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    private static func text(_ s: ArraySlice<UInt8>) -> String { String(decoding: s, as: UTF8.self) }

    /// Go's `getnum`: one or two digits, exactly two when `fixed`.
    private static func number(_ s: inout ArraySlice<UInt8>, fixed: Bool) -> Int? {
        guard isDigit(s, 0) else { return nil }
        let first = Int(s[s.startIndex] - UInt8(ascii: "0"))
        guard isDigit(s, 1) else {
            if fixed { return nil }
            s = s.dropFirst()
            return first
        }
        let n = first * 10 + Int(s[s.startIndex + 1] - UInt8(ascii: "0"))
        s = s.dropFirst(2)
        return n
    }

    private static func skip(_ s: inout ArraySlice<UInt8>, _ literal: Character) throws(ParseError) {
        guard let c = s.first, c == literal.asciiValue! else {
            throw ParseError(layoutElement: String(literal), valueElement: text(s))
        }
        s = s.dropFirst()
    }

    /// The layout `2006-01-02T15:04:05Z07:00` element by element, as Go's general parser.
    private static func goParse(_ input: ArraySlice<UInt8>) throws(ParseError) -> GoTime {
        var s = input

        var hold = s
        guard s.count >= 4, isDigit(s, 0) else { throw ParseError(layoutElement: "2006", valueElement: text(hold)) }
        guard let year = Int(text(s.prefix(4))) else { throw ParseError(layoutElement: "2006", valueElement: text(hold)) }
        s = s.dropFirst(4)

        try skip(&s, "-")
        hold = s
        guard let month = number(&s, fixed: true) else { throw ParseError(layoutElement: "01", valueElement: text(hold)) }
        if month < 1 || month > 12 {
            throw ParseError(layoutElement: "01", valueElement: text(s), message: ": month out of range")
        }

        try skip(&s, "-")
        hold = s
        guard let day = number(&s, fixed: true) else { throw ParseError(layoutElement: "02", valueElement: text(hold)) }

        try skip(&s, "T")
        hold = s
        guard let hour = number(&s, fixed: false) else { throw ParseError(layoutElement: "15", valueElement: text(hold)) }
        if hour >= 24 { throw ParseError(layoutElement: "15", valueElement: text(s), message: ": hour out of range") }

        try skip(&s, ":")
        hold = s
        guard let minute = number(&s, fixed: true) else { throw ParseError(layoutElement: "04", valueElement: text(hold)) }
        if minute >= 60 { throw ParseError(layoutElement: "04", valueElement: text(s), message: ": minute out of range") }

        try skip(&s, ":")
        hold = s
        guard let second = number(&s, fixed: true) else { throw ParseError(layoutElement: "05", valueElement: text(hold)) }
        if second >= 60 { throw ParseError(layoutElement: "05", valueElement: text(s), message: ": second out of range") }

        // A fractional second is accepted after the seconds although the layout has none.
        var nanos: Int64 = 0
        if s.count >= 2, s.first == UInt8(ascii: ".") || s.first == UInt8(ascii: ","), isDigit(s, 1) {
            var n = 2
            while isDigit(s, n) { n += 1 }
            let digits = s.dropFirst().prefix(min(n - 1, 9))
            nanos = Int64(text(digits))! * Int64(pow10(9 - digits.count))
            s = s.dropFirst(n)
        }

        hold = s
        var offset = 0
        if s.first == UInt8(ascii: "Z") {
            s = s.dropFirst()
        } else {
            guard s.count >= 6, s[s.startIndex + 3] == UInt8(ascii: ":") else {
                throw ParseError(layoutElement: "Z07:00", valueElement: text(hold))
            }
            let sign = s[s.startIndex]
            var hh = s[(s.startIndex + 1)..<(s.startIndex + 3)]
            var mm = s[(s.startIndex + 4)..<(s.startIndex + 6)]
            s = s.dropFirst(6)
            guard let h = number(&hh, fixed: true), let m = number(&mm, fixed: true),
                sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
            else { throw ParseError(layoutElement: "Z07:00", valueElement: text(hold)) }
            if h > 24 { throw ParseError(layoutElement: "Z07:00", valueElement: text(s), message: ": time zone offset hour out of range") }
            if m > 60 { throw ParseError(layoutElement: "Z07:00", valueElement: text(s), message: ": time zone offset minute out of range") }
            offset = (h * 60 + m) * 60 * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        if !s.isEmpty {
            throw ParseError(layoutElement: "", valueElement: "", message: ": extra text: \(ConfigFile.quoted(text(s)))")
        }
        if day < 1 || day > GoTime.daysIn(month: month, year: year) {
            throw ParseError(layoutElement: "", valueElement: "", message: ": day out of range")
        }
        let days = GoTime.daysFromCivil(year, month, day)
        let local = days * 86400 + Int64(hour * 3600 + minute * 60 + second)
        return GoTime(unixSeconds: local - Int64(offset), nanoseconds: nanos, offset: offset)
    }

    private static func pow10(_ n: Int) -> Int {
        var r = 1
        for _ in 0..<n { r *= 10 }
        return r
    }
}

/// Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, as nanoseconds.
enum GoDuration {
    struct Failure: Error { var message: String }

    private static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "\u{00B5}s": 1_000, "\u{03BC}s": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    static func parse(_ original: String) throws(Failure) -> Int64 {
        let invalid = Failure(message: "time: invalid duration \(ConfigFile.quoted(original))")
        var s = Array(original.utf8)[...]
        var negative = false
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual("0".utf8) { return 0 }
        if s.isEmpty { throw invalid }
        let limit: UInt64 = 1 << 63
        var total: UInt64 = 0
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        while let c = s.first {
            guard c == UInt8(ascii: ".") || isDigit(c) else { throw invalid }
            var whole: UInt64 = 0
            var consumedWhole = false
            while let d = s.first, isDigit(d) {
                if whole > limit / 10 { throw invalid }
                whole = whole * 10 + UInt64(d - UInt8(ascii: "0"))
                if whole > limit { throw invalid }
                s = s.dropFirst()
                consumedWhole = true
            }
            var fraction: UInt64 = 0
            var scale = 1.0
            var consumedFraction = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                var overflow = false
                while let d = s.first, isDigit(d) {
                    s = s.dropFirst()
                    consumedFraction = true
                    if overflow { continue }
                    if fraction > (limit - 1) / 10 {
                        overflow = true
                        continue
                    }
                    let y = fraction * 10 + UInt64(d - UInt8(ascii: "0"))
                    if y > limit {
                        overflow = true
                        continue
                    }
                    fraction = y
                    scale *= 10
                }
            }
            if !consumedWhole && !consumedFraction { throw invalid }
            var unitBytes: [UInt8] = []
            while let u = s.first, u != UInt8(ascii: "."), !isDigit(u) {
                unitBytes.append(u)
                s = s.dropFirst()
            }
            if unitBytes.isEmpty { throw Failure(message: "time: missing unit in duration \(ConfigFile.quoted(original))") }
            let unitName = String(decoding: unitBytes, as: UTF8.self)
            guard let unit = units[unitName] else {
                throw Failure(message: "time: unknown unit \(ConfigFile.quoted(unitName)) in duration \(ConfigFile.quoted(original))")
            }
            if whole > limit / unit { throw invalid }
            var v = whole * unit
            if fraction > 0 {
                // Go uses float64 here too, which is nanosecond-exact for fractions of an hour.
                v += UInt64(Double(fraction) * (Double(unit) / scale))
                if v > limit { throw invalid }
            }
            total += v
            if total > limit { throw invalid }
        }
        if negative { return total == limit ? Int64.min : -Int64(total) }
        if total > limit - 1 { throw invalid }
        return Int64(total)
    }
}
