/// Terraform's address syntax, written exactly as Terraform writes it.
public enum Address {
    /// `module.a["x"].module.b`; empty for the root module.
    public static func module(_ steps: [ModuleStep]) -> String {
        steps.map { "module.\($0.name)\($0.key?.description ?? "")" }.joined(separator: ".")
    }

    public static func instance(module: [ModuleStep], mode: ResourceInstance.Mode, type: String, name: String, key: InstanceKey?) -> String {
        var out = Address.module(module)
        if !out.isEmpty { out += "." }
        if mode == .data { out += "data." }
        out += "\(type).\(name)"
        if let key { out += key.description }
        return out
    }

    /// A string key quoted as Terraform writes it in addresses: an HCL string literal, so
    /// `"` and `\\` are escaped and template openers are doubled (`$${`, `%%{`).
    public static func quoted(_ s: String) -> String {
        var out = "\""
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "$" where next == "{": out += "$$"
            case "%" where next == "{": out += "%%"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\u" + String(c.value, radix: 16, uppercase: true).leftPadded4
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate var leftPadded4: String { count >= 4 ? self : String(repeating: "0", count: 4 - count) + self }
}
