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

    /// A string key quoted as in addresses: Go's `%q`-style escaping of `"` and `\`.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
