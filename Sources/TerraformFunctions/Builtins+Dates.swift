import HCL

extension Builtins {
    /// The timestamp functions over RFC 3339 strings (`formatdate` and `timeadd` from
    /// go-cty, `timecmp` from Terraform). `timestamp` and `plantimestamp` are impure.
    static let dates: [BuiltinFunction] = [
        BuiltinFunction("formatdate", [.init("format", .string), .init("time", .string)], returns: .string) { args, _ throws(FunctionError) in
            let time: GoTime
            do {
                time = try RFC3339.parse(args[1].stringValue!)
            } catch {
                throw FunctionError(argument: 1, "\(messageOf(error)).")
            }
            return .string(try DateFormat.format(args[0].stringValue!, time))
        },
        BuiltinFunction("timeadd", [.init("timestamp", .string), .init("duration", .string)], returns: .string) { args, _ throws(FunctionError) in
            let time: GoTime
            do {
                time = try RFC3339.parse(args[0].stringValue!)
            } catch {
                throw FunctionError("\(messageOf(error)).")
            }
            let duration: Int64
            do {
                duration = try GoDuration.parse(args[1].stringValue!)
            } catch {
                throw FunctionError("\(messageOf(error)).")
            }
            return .string(time.adding(nanoseconds: duration).rfc3339)
        },
        BuiltinFunction("timecmp", [.init("timestamp_a", .string), .init("timestamp_b", .string)], returns: .number) { args, _ throws(FunctionError) in
            var times: [GoTime] = []
            for i in 0..<2 {
                do {
                    times.append(try RFC3339.parse(args[i].stringValue!))
                } catch {
                    throw FunctionError(argument: i, "\(messageOf(error)).")
                }
            }
            return .number(times[0].compare(times[1]))
        },
    ]
}

/// `formatdate`'s format language: letter runs are verbs (`YYYY`, `MMM`, `hh`, `ZZZZZ`...),
/// text in single quotes is literal (`''` is a quote), anything else is copied.
enum DateFormat {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    private static func isVerbStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    /// The format split as go-cty's `splitDateFormat` splits it.
    static func tokens(_ format: String) -> [ArraySlice<UInt8>] {
        let data = Array(format.utf8)
        var tokens: [ArraySlice<UInt8>] = []
        var i = 0
        let quote = UInt8(ascii: "'")
        while i < data.count {
            let start = i
            if data[i] == quote {
                if i + 1 < data.count, data[i + 1] == quote {
                    i += 2
                } else {
                    i += 1
                    while i < data.count {
                        if data[i] == quote {
                            if i + 1 < data.count, data[i + 1] == quote {
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        i += 1
                    }
                }
            } else if isVerbStart(data[i]) {
                let letter = data[i]
                while i < data.count, data[i] == letter { i += 1 }
            } else {
                i += 1
                while i < data.count, data[i] != quote, !isVerbStart(data[i]) { i += 1 }
            }
            tokens.append(data[start..<i])
        }
        return tokens
    }

    static func format(_ format: String, _ t: GoTime) throws(FunctionError) -> String {
        let c = t.civil
        var out = ""
        let quote = UInt8(ascii: "'")
        for token in tokens(format) {
            let first = token.first!
            let text = String(decoding: token, as: UTF8.self)
            if first == quote {
                if token.count == 1 || token.last != quote {
                    throw FunctionError(argument: 0, "unterminated literal '.")
                }
                if token.count == 2 {
                    out += "'"
                    continue
                }
                // The content is verbatim except that doubled quotes stand for one.
                let raw = Array(token.dropFirst().dropLast())
                var bytes: [UInt8] = []
                var j = 0
                while j < raw.count {
                    bytes.append(raw[j])
                    if raw[j] == quote { j += 1 }
                    j += 1
                }
                out += String(decoding: bytes, as: UTF8.self)
                continue
            }
            guard isVerbStart(first) else {
                out += text
                continue
            }
            let n = token.count
            func bad(_ detail: String) -> FunctionError {
                FunctionError(argument: 0, "invalid date format verb \(ConfigFile.quoted(text))\(detail).")
            }
            switch Character(Unicode.Scalar(first)) {
            case "Y":
                switch n {
                case 2: out += GoTime.pad2(((c.year % 100) + 100) % 100)
                case 4: out += GoTime.year4(c.year)
                default: throw bad(": year must either be \"YY\" or \"YYYY\"")
                }
            case "M":
                switch n {
                case 1: out += String(c.month)
                case 2: out += GoTime.pad2(c.month)
                case 3: out += String(monthNames[c.month - 1].prefix(3))
                case 4: out += monthNames[c.month - 1]
                default: throw bad(": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"")
                }
            case "D":
                switch n {
                case 1: out += String(c.day)
                case 2: out += GoTime.pad2(c.day)
                default: throw bad(": day of month must either be \"D\" or \"DD\"")
                }
            case "E":
                switch n {
                case 3: out += String(weekdayNames[c.weekday].prefix(3))
                case 4: out += weekdayNames[c.weekday]
                default: throw bad(": day of week must either be \"EEE\" or \"EEEE\"")
                }
            case "h":
                switch n {
                case 1: out += String(c.hour)
                case 2: out += GoTime.pad2(c.hour)
                default: throw bad(": 24-hour must either be \"h\" or \"hh\"")
                }
            case "H":
                let h = c.hour % 12 == 0 ? 12 : c.hour % 12
                switch n {
                case 1: out += String(h)
                case 2: out += GoTime.pad2(h)
                default: throw bad(": 12-hour must either be \"H\" or \"HH\"")
                }
            case "A", "a":
                guard n == 2 else {
                    let letter = String(Character(Unicode.Scalar(first)))
                    throw bad(": must be \"\(letter)\(letter)\"")
                }
                let marker = c.hour < 12 ? "AM" : "PM"
                out += first == UInt8(ascii: "A") ? marker : marker.lowercased()
            case "m":
                switch n {
                case 1: out += String(c.minute)
                case 2: out += GoTime.pad2(c.minute)
                default: throw bad(": minute must either be \"m\" or \"mm\"")
                }
            case "s":
                switch n {
                case 1: out += String(c.second)
                case 2: out += GoTime.pad2(c.second)
                default: throw bad(": second must either be \"s\" or \"ss\"")
                }
            case "Z":
                switch n {
                case 1: out += t.zone(colon: true, utcAsZ: true)
                case 3:
                    let z = t.zone(colon: false, utcAsZ: false)
                    out += z == "+0000" ? "UTC" : z
                case 4: out += t.zone(colon: false, utcAsZ: false)
                case 5: out += t.zone(colon: true, utcAsZ: false)
                default: throw bad(": timezone must be Z, ZZZZ, or ZZZZZ")
                }
            default:
                throw bad("")
            }
        }
        return out
    }
}
