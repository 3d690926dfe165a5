import HCL

/// Finds which nested block of the source an element of a set-typed block collection came
/// from.
///
/// Terraform keeps set elements sorted by value, not in source order, so `ingress[1]` of
/// the values may be the third `ingress` block of the file. A finding must point at the
/// block as written: the element is matched against the literal arguments of each static
/// block (`from_port = 22`, `cidr_blocks = ["0.0.0.0/0"]`); an element no static block
/// explains came from a `dynamic` block.
enum SetBlockLocator {
    /// The index, in the order the source locator counts blocks (static blocks in source
    /// order, then `dynamic` ones), of the block that wrote `element`; `valueIndex` when
    /// there is no block to read (plans) or the collection is written as an attribute.
    static func sourceIndex(of element: Value, valueIndex: Int, blockType: String, in body: Body?, comparing names: [String]) -> Int {
        guard let body, body.attribute(blockType) == nil else { return valueIndex }
        let statics = body.blocks(ofType: blockType)
        let hasDynamic = body.blocks.contains { $0.type == "dynamic" && $0.labels.first == blockType }
        var best: (index: Int, score: Int)?
        for (k, block) in statics.enumerated() {
            guard let score = agreement(block.body, element, names) else { continue }
            if score > (best?.score ?? 0) { best = (k, score) }
        }
        if let best { return best.index }
        if hasDynamic { return statics.count }
        return statics.isEmpty ? valueIndex : min(valueIndex, statics.count - 1)
    }

    /// How many literal arguments of `body` agree with `element`; nil when one disagrees.
    private static func agreement(_ body: Body, _ element: Value, _ names: [String]) -> Int? {
        guard let attrs = element.attributes else { return 0 }
        var score = 0
        for name in names {
            guard let attribute = body.attribute(name), let actual = attrs[name], actual.isWhollyKnown else { continue }
            switch matches(PartialJSON.fromExpression(attribute.expression), actual) {
            case .yes: score += 1
            case .no: return nil
            case .maybe: continue
            }
        }
        return score
    }

    private static func matches(_ written: PartialJSON, _ actual: Value) -> Tri {
        switch written {
        case .number(let n):
            guard let d = Double(n) else { return .maybe }
            if let a = actual.numberValue?.double { return Tri(a == d) }
            if let s = actual.stringValue, let a = Double(s) { return Tri(a == d) }
            return .no
        case .string(let s):
            if let a = actual.stringValue { return Tri(a == s) }
            if let a = actual.numberValue?.double, let d = Double(s) { return Tri(a == d) }
            return .no
        case .bool(let b):
            return actual.boolValue.map { Tri($0 == b) } ?? .maybe
        case .array(let items):
            var texts: [String] = []
            for item in items {
                guard case .string(let s) = item else { return .maybe }
                texts.append(s)
            }
            guard let es = actual.elements else { return .no }
            return Tri(Set(es.compactMap(\.stringValue)) == Set(texts))
        case .null, .object, .unknown:
            return .maybe
        }
    }
}
