import Foundation
import HCL

// regex and regexall (go-cty stdlib/regexp.go). The result's shape comes from the pattern's
// capture groups: none gives the matched string, unnamed groups a tuple, named groups an
// object; a group that did not take part in the match is null.

extension Builtins {
    static let regex: [BuiltinFunction] = [
        BuiltinFunction(
            "regex", [.init("pattern", .string, allowUnknown: true), .init("string", .string, allowUnknown: true)],
            returns: .any
        ) { args, _ throws(FunctionError) in
            // Without the pattern the result type is not known either.
            guard let pattern = args[0].stringValue else { return .dynamicUnknown }
            let (re, type) = try RegexResult.compile(pattern)
            guard let string = args[1].stringValue else { return .unknown(type) }
            let s = string as NSString
            guard let match = re.firstMatch(in: s) else {
                throw FunctionError("pattern did not match any part of the given string")
            }
            return RegexResult.value(of: match, in: s, type: type, names: re.pattern.groupNames)
        },
        BuiltinFunction(
            "regexall", [.init("pattern", .string, allowUnknown: true), .init("string", .string, allowUnknown: true)],
            returns: .list(.any)
        ) { args, _ throws(FunctionError) in
            guard let pattern = args[0].stringValue else { return .unknown(.list(.any)) }
            let (re, type) = try RegexResult.compile(pattern)
            guard let string = args[1].stringValue else { return .unknown(.list(type)) }
            let s = string as NSString
            let values = re.allMatches(in: s).map {
                RegexResult.value(of: $0, in: s, type: type, names: re.pattern.groupNames)
            }
            return .list(values, element: type)
        },
    ]
}

enum RegexResult {
    /// The compiled pattern and the type of one match, or Terraform's argument error.
    static func compile(_ pattern: String) throws(FunctionError) -> (RE2Regex, ValueType) {
        let re: RE2Regex
        do {
            re = try RE2Regex.compile(pattern)
        } catch {
            throw FunctionError(argument: 0, "invalid regexp pattern: \(error.code.rawValue) in \(error.expression)")
        }
        let names = re.pattern.groupNames
        let named = names.compactMap { $0 }
        if names.isEmpty { return (re, .string) }
        if named.isEmpty { return (re, .tuple(Array(repeating: .string, count: names.count))) }
        if named.count != names.count {
            throw FunctionError(argument: 0, "invalid regexp pattern: cannot mix both named and unnamed capture groups")
        }
        return (re, .object(Dictionary(named.map { ($0, ValueType.string) }, uniquingKeysWith: { a, _ in a })))
    }

    static func value(of match: RE2Regex.Match, in s: NSString, type: ValueType, names: [String?]) -> Value {
        func group(_ i: Int) -> Value {
            guard let r = match[i] else { return .null(.string) }
            return .normalizedString(s.substring(with: r))
        }
        switch type {
        case .tuple(let types):
            return .tuple(types.indices.map { group($0 + 1) })
        case .object:
            var attributes: [String: Value] = [:]
            // With a repeated name, the last group of that name wins, as in go-cty.
            for (i, name) in names.enumerated() { attributes[name!] = group(i + 1) }
            return .object(attributes)
        default:
            return group(0)
        }
    }
}
