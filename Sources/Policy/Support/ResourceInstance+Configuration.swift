import HCL
import Terraform

extension ResourceInstance {
    /// The expression written for the attribute at `path` (`inline_policy[1].policy`), when
    /// the instance comes from configuration and no `dynamic` block stands in the way.
    func configuredExpression(at path: String) -> Expression? {
        guard var body else { return nil }
        var steps = PathStep.parse(path)[...]
        while let step = steps.popFirst() {
            guard case .attribute(let name) = step else { return nil }
            if steps.isEmpty { return body.attribute(name)?.expression }
            if body.blocks.contains(where: { $0.type == "dynamic" && $0.labels.first == name }) { return nil }
            let blocks = body.blocks(ofType: name)
            var index = 0
            if case .index(let i)? = steps.first {
                index = i
                steps.removeFirst()
            }
            guard index < blocks.count else { return nil }
            body = blocks[index].body
        }
        return nil
    }

    /// Whether the configuration writes the attribute or block at `path`; nil when it
    /// cannot be told (no configuration, a `dynamic` block in the way).
    ///
    /// The AWS provider declares many nested arguments optional and computed
    /// (`filter.prefix` of a lifecycle rule, `acl` of a bucket): left out, they are
    /// unknown to a static evaluation although a plan shows their defaults. An unknown
    /// value the configuration does not write is such a default, not a pending value.
    func isWritten(_ path: String) -> Bool? {
        guard var body else { return nil }
        var steps = PathStep.parse(path)[...]
        while let step = steps.popFirst() {
            guard case .attribute(let name) = step else { return nil }
            if body.blocks.contains(where: { $0.type == "dynamic" && $0.labels.first == name }) { return nil }
            if steps.isEmpty { return body.attribute(name) != nil || !body.blocks(ofType: name).isEmpty }
            if body.attribute(name) != nil { return true }
            let blocks = body.blocks(ofType: name)
            var index = 0
            if case .index(let i)? = steps.first {
                index = i
                steps.removeFirst()
            }
            guard index < blocks.count else { return blocks.isEmpty ? false : nil }
            if steps.isEmpty { return true }
            body = blocks[index].body
        }
        return true
    }
}
