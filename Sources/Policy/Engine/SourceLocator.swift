import HCL
import Terraform

/// Finds the source range of an attribute path inside a resource block, so a finding
/// underlines exactly what is wrong: the attribute, or the nested block, or failing both,
/// the resource's first line.
enum SourceLocator {
    static func range(of path: String, in instance: ResourceInstance) -> SourceRange? {
        guard case .configuration(_, let resourceRange) = instance.origin else { return nil }
        guard let body = instance.body else { return resourceRange }
        var current = body
        var best: SourceRange = SourceRange(start: resourceRange.start, end: resourceRange.start)
        let steps = PathStep.parse(path)
        var i = 0
        while i < steps.count {
            guard case .attribute(let name) = steps[i] else { i += 1; continue }
            if let attribute = current.attribute(name) {
                return attribute.range
            }
            let blocks = current.blocks(ofType: name) + current.blocks(ofType: "dynamic").filter { $0.labels.first == name }
            guard !blocks.isEmpty else { return best }
            var index = 0
            if i + 1 < steps.count, case .index(let n) = steps[i + 1] {
                index = n
                i += 1
            }
            let block = blocks[min(index, blocks.count - 1)]
            best = block.range
            if block.type == "dynamic" {
                return block.range
            }
            current = block.body
            i += 1
        }
        return best
    }
}
