/// HCL identifiers (hclsyntax spec, "Identifiers": `ID_Start (ID_Continue | '-')*`), with the
/// leading `_` Terraform's names allow. ASCII is decided without Unicode tables, which
/// matters when every member of a large plan is checked.
enum Identifier {
    static func isStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        return c.properties.isIDStart
    }

    static func isContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-" }
        return c.properties.isIDContinue
    }

    static func isIdentifier(_ s: String) -> Bool {
        var scalars = s.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isStart(first) else { return false }
        while let c = scalars.next() {
            guard isContinue(c) else { return false }
        }
        return true
    }
}
