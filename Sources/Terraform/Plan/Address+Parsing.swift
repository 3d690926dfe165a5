extension Address {
    /// Why an address string is not a Terraform address, and at which character.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        /// 0-based offset in Unicode scalars.
        public var offset: Int
        public var description: String { "at character \(offset + 1): \(message)" }
    }

    /// Reads a resource instance address as Terraform writes it in plans and state:
    /// `module.a["x"].module.b[0].aws_s3_bucket.c["k"]`, `data.aws_iam_policy_document.p`.
    ///
    /// Keys are HCL quoted strings (Terraform's `toHCLQuotedString`): `\"`, `\\`, `\n`, `\r`,
    /// `\t`, `\uNNNN`, `\UNNNNNNNN`, and `$${` / `%%{` for a literal `${` / `%{`.
    public static func parseInstance(_ text: String) throws(ParseError) -> ResourceInstanceAddress {
        var p = AddressScanner(text)
        let module = try p.moduleSteps()
        var mode = ResourceInstance.Mode.managed
        var type = try p.identifier(what: "a resource type")
        if type == "data", p.peek == "." {
            p.advance()
            mode = .data
            type = try p.identifier(what: "a data source type")
        }
        try p.expect(".", what: "'.' between the resource type and name")
        let name = try p.identifier(what: "a resource name")
        let key = try p.optionalKey()
        guard p.atEnd else { throw p.error("unexpected text after the instance key") }
        return ResourceInstanceAddress(module: module, mode: mode, type: type, name: name, key: key)
    }

    /// Reads a module instance address, `module.a["x"].module.b[0]`; the empty string is the root module.
    public static func parseModule(_ text: String) throws(ParseError) -> [ModuleStep] {
        var p = AddressScanner(text)
        if p.atEnd { return [] }
        let steps = try p.moduleSteps(requireDotAfterLast: false)
        guard p.atEnd else { throw p.error("expected `module.NAME`") }
        return steps
    }
}

/// A cursor over an address's Unicode scalars.
private struct AddressScanner {
    let scalars: [Unicode.Scalar]
    var i = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var atEnd: Bool { i >= scalars.count }
    var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
    mutating func advance() { i += 1 }

    func error(_ message: String) -> Address.ParseError { Address.ParseError(message: message, offset: i) }

    mutating func expect(_ c: Unicode.Scalar, what: String) throws(Address.ParseError) {
        guard peek == c else { throw error("expected \(what)") }
        i += 1
    }

    /// Whether the text ends right after a dot at the cursor (`module.a.`).
    private var atEndAfterDot: Bool { i + 1 >= scalars.count }

    /// Whether `module.` starts at the cursor.
    private func startsModule() -> Bool {
        let word: [Unicode.Scalar] = ["m", "o", "d", "u", "l", "e", "."]
        guard i + word.count <= scalars.count else { return false }
        return Array(scalars[i..<(i + word.count)]) == word
    }

    /// Leading `module.NAME[KEY].` steps. Inside a resource address each step is followed by
    /// a dot; a module address ends after its last step.
    mutating func moduleSteps(requireDotAfterLast: Bool = true) throws(Address.ParseError) -> [ModuleStep] {
        var steps: [ModuleStep] = []
        while startsModule() {
            let save = i
            i += 7
            let name = try identifier(what: "a module name")
            let key = try optionalKey()
            if peek == ".", requireDotAfterLast || !atEndAfterDot {
                i += 1
            } else if requireDotAfterLast {
                // `module.x` with nothing after it is a resource of type "module" only in
                // theory; Terraform reserves the name, so report the missing resource.
                i = save
                throw error("expected a resource after `module.\(name)`")
            }
            steps.append(ModuleStep(name: name, key: key))
        }
        return steps
    }

    /// An identifier (see `Identifier`).
    mutating func identifier(what: String) throws(Address.ParseError) -> String {
        guard let first = peek, Identifier.isStart(first) else { throw error("expected \(what)") }
        let start = i
        i += 1
        while let c = peek, Identifier.isContinue(c) {
            i += 1
        }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[start..<i])
        return s
    }

    /// `[0]`, `["key"]` or nothing.
    mutating func optionalKey() throws(Address.ParseError) -> InstanceKey? {
        guard peek == "[" else { return nil }
        i += 1
        let key: InstanceKey
        if peek == "\"" {
            key = .string(try quoted())
        } else {
            let start = i
            if peek == "-" { i += 1 }
            while let c = peek, ("0"..."9").contains(c) { i += 1 }
            var digits = ""
            digits.unicodeScalars.append(contentsOf: scalars[start..<i])
            guard !digits.isEmpty, digits != "-" else { i = start; throw error("expected a number or a quoted string as the instance key") }
            guard let n = Int(digits) else { i = start; throw error("instance key \(digits) is out of range") }
            key = .int(n)
        }
        try expect("]", what: "']' after the instance key")
        return key
    }

    /// An HCL quoted string literal (no interpolation), unescaped.
    mutating func quoted() throws(Address.ParseError) -> String {
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek else { throw error("unterminated string in instance key") }
            switch c {
            case "\"":
                i += 1
                return String(out)
            case "\\":
                i += 1
                guard let e = peek else { throw error("unterminated escape in instance key") }
                i += 1
                switch e {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "u": out.append(try hexScalar(digits: 4))
                case "U": out.append(try hexScalar(digits: 8))
                default:
                    i -= 2
                    throw error("invalid escape sequence \\\(e) in instance key")
                }
            case "$", "%":
                // `$${` is a literal `${`; a bare `${` would be an interpolation, which an
                // address cannot hold.
                let next = i + 1 < scalars.count ? scalars[i + 1] : nil
                if next == "{" { throw error("template sequence \(c){ in instance key; Terraform writes it as \(c)\(c){") }
                if next == c, i + 2 < scalars.count, scalars[i + 2] == "{" {
                    out.append(c)
                    out.append("{")
                    i += 3
                } else {
                    out.append(c)
                    i += 1
                }
            case "\n":
                throw error("newline in instance key")
            default:
                out.append(c)
                i += 1
            }
        }
    }

    private mutating func hexScalar(digits: Int) throws(Address.ParseError) -> Unicode.Scalar {
        guard i + digits <= scalars.count else { throw error("incomplete unicode escape in instance key") }
        var v: UInt32 = 0
        for _ in 0..<digits {
            guard let d = hexDigit(scalars[i]) else {
                throw error("invalid unicode escape in instance key")
            }
            v = v * 16 + d
            i += 1
        }
        guard let s = Unicode.Scalar(v) else { throw error("unicode escape names no character") }
        return s
    }

    private func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 0x30
        case "a"..."f": return c.value - 0x61 + 10
        case "A"..."F": return c.value - 0x41 + 10
        default: return nil
        }
    }
}
