/// The JSON form of parsed files printed by `airlock parse --format json`.
///
/// The shape is the one the HashiCorp-based reference (`scripts/hclref`) prints, so the two
/// can be compared mechanically: files, then attributes and blocks in source order, with
/// every range as `{"start": {"line", "column", "byte"}, "end": {...}}`.
extension ConfigFile {
    /// Writes this file as one element of the parse output array.
    public func writeJSON(to w: inout JSONWriter, expressions: Bool = false) {
        w.beginObject()
        w.key("path")
        w.string(path)
        Self.writeBodyMembers(body, to: &w, expressions: expressions)
        w.key("diagnostics")
        w.beginArray()
        for d in diagnostics {
            w.beginObject()
            w.key("severity")
            w.string(d.severity.rawValue)
            w.key("code")
            w.string(d.code.rawValue)
            w.key("summary")
            w.string(d.summary)
            w.key("detail")
            w.string(d.detail)
            w.key("range")
            if let subject = d.subject { subject.writeJSON(to: &w) } else { w.null() }
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private static func writeBodyMembers(_ body: Body, to w: inout JSONWriter, expressions: Bool) {
        w.key("attributes")
        w.beginArray()
        for a in body.attributes {
            w.beginObject()
            w.key("name")
            w.string(a.name)
            w.key("name_range")
            a.nameRange.writeJSON(to: &w)
            w.key("range")
            a.range.writeJSON(to: &w)
            w.key("expr_range")
            a.expression.range.writeJSON(to: &w)
            if expressions {
                w.key("expr")
                a.expression.writeNodeJSON(to: &w)
            }
            w.endObject()
        }
        w.endArray()
        w.key("blocks")
        w.beginArray()
        for b in body.blocks {
            w.beginObject()
            w.key("type")
            w.string(b.type)
            w.key("labels")
            w.beginArray()
            for l in b.labels { w.string(l) }
            w.endArray()
            w.key("type_range")
            b.typeRange.writeJSON(to: &w)
            w.key("label_ranges")
            w.beginArray()
            for r in b.labelRanges { r.writeJSON(to: &w) }
            w.endArray()
            w.key("open_brace_range")
            b.openBraceRange.writeJSON(to: &w)
            w.key("close_brace_range")
            b.closeBraceRange.writeJSON(to: &w)
            w.key("range")
            b.range.writeJSON(to: &w)
            writeBodyMembers(b.body, to: &w, expressions: expressions)
            w.endObject()
        }
        w.endArray()
    }
}

extension SourceRange {
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("start")
        start.writeJSON(to: &w)
        w.key("end")
        end.writeJSON(to: &w)
        w.endObject()
    }
}

extension SourcePos {
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("line")
        w.int(line)
        w.key("column")
        w.int(column)
        w.key("byte")
        w.int(byte)
        w.endObject()
    }
}
