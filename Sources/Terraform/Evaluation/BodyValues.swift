import HCL

/// Turns a resource body into the object Terraform plans for it.
///
/// With the provider's schema this is what Terraform itself does before asking the
/// provider: each configured argument converted to its declared type, unset optional
/// arguments null, computed ones unknown, nested blocks shaped by their nesting mode
/// (lists and sets of objects, as `planned_values` shows them) and `dynamic` blocks
/// expanded. Without a schema, arguments keep the types they evaluate to and nested
/// blocks become lists of objects.
enum BodyValues {
    /// A nested block after `dynamic` expansion, with the names it binds.
    struct BlockItem {
        var type: String
        var body: Body
        var bound: [String: Value]
        var labels: [String]
        var range: SourceRange
    }

    static func resourceValue(
        _ body: Body, schema: ResourceSchema?, knownProvider: Bool, scope: ModuleScope, file: String, bound: [String: Value]
    ) -> Value {
        objectValue(body, schema: schema, scope: scope, file: file, bound: bound, skip: ModuleConfig.resourceMetaArguments)
    }

    static func objectValue(
        _ body: Body, schema: ResourceSchema?, scope: ModuleScope, file: String, bound: [String: Value], skip: Set<String> = []
    ) -> Value {
        let (items, unknownTypes) = expandBlocks(body, scope: scope, file: file, bound: bound, skip: skip)
        guard let schema else {
            var attrs: [String: Value] = [:]
            for attribute in body.attributes where !skip.contains(attribute.name) {
                attrs[attribute.name] = scope.evaluate(attribute.expression, file: file, bound: bound)
            }
            var grouped: [String: [Value]] = [:]
            for item in items {
                grouped[item.type, default: []].append(objectValue(item.body, schema: nil, scope: scope, file: file, bound: item.bound))
            }
            for (type, values) in grouped { attrs[type] = .tuple(values) }
            for type in unknownTypes { attrs[type] = .dynamicUnknown }
            return .object(attrs)
        }

        var attrs: [String: Value] = [:]
        for attribute in body.attributes where !skip.contains(attribute.name) {
            guard let spec = schema.attributes[attribute.name] else {
                let hint = schema.blocks[attribute.name] != nil
                    ? " Did you mean to define a block of type \"\(attribute.name)\"?" : ""
                scope.session.report(.unsupportedArgument, "Unsupported argument",
                    "An argument named \"\(attribute.name)\" is not expected here.\(hint)", attribute.nameRange, file: file)
                continue
            }
            var value = scope.evaluate(attribute.expression, file: file, bound: bound)
            do throws(ConversionError) {
                value = try value.converted(to: spec.type)
            } catch {
                scope.session.report(.invalidVariableValue, "Incorrect attribute value type",
                    "Inappropriate value for attribute \"\(attribute.name)\": \(error.description).", attribute.expression.range, file: file)
                value = .unknown(spec.type)
            }
            // An optional+computed argument set to null is left to the provider to compute.
            if value.isNull, spec.computed { value = .unknown(spec.type) }
            // A set whose elements are not all known cannot be known itself: unknown
            // elements may turn out equal and collapse.
            if case .set = spec.type, !value.isWhollyKnown { value = Value.unknown(spec.type).marked(value.isSensitive) }
            attrs[attribute.name] = value.marked(spec.sensitive)
        }
        for (name, spec) in schema.attributes where attrs[name] == nil {
            let asBlocks = items.filter { $0.type == name }
            if unknownTypes.contains(name) {
                attrs[name] = .unknown(spec.type)
            } else if !asBlocks.isEmpty, let elementType = spec.type.elementType, case .object(let types, _) = elementType {
                // SDKv2 "attributes as blocks" (aws_security_group ingress): blocks fill a
                // list or set of objects; arguments left out are null.
                let open = ValueType.object(types, optional: Set(types.keys))
                let elements = asBlocks.map { item -> Value in
                    let raw = objectValue(item.body, schema: nil, scope: scope, file: file, bound: item.bound)
                    return (try? raw.converted(to: open)) ?? .unknown(elementType)
                }
                if case .set = spec.type {
                    attrs[name] = .set(elements, element: elementType)
                } else {
                    attrs[name] = .list(elements, element: elementType)
                }
            } else {
                attrs[name] = spec.computed ? .unknown(spec.type) : .null(spec.type)
            }
        }
        for (name, block) in schema.blocks {
            if unknownTypes.contains(name) {
                attrs[name] = .unknown(objectType(block.schema).wrapped(in: block.nesting))
                continue
            }
            let mine = items.filter { $0.type == name }
            let values = mine.map { objectValue($0.body, schema: block.schema, scope: scope, file: file, bound: $0.bound) }
            let type = objectType(block.schema)
            switch block.nesting {
            case .list: attrs[name] = .list(values, element: type)
            case .set: attrs[name] = .set(values, element: type)
            case .single: attrs[name] = values.first ?? .null(type)
            case .group:
                attrs[name] = values.first ?? objectValue(Body(range: body.range, endRange: body.endRange), schema: block.schema, scope: scope, file: file, bound: bound)
            case .map:
                var elements: [String: Value] = [:]
                for (item, value) in zip(mine, values) { elements[item.labels.first ?? ""] = value }
                attrs[name] = .map(elements, element: type)
            }
            if block.nesting != .single, block.nesting != .group, block.maxItems > 0, mine.count > block.maxItems {
                scope.session.report(.unsupportedArgument, "Too many \(name) blocks",
                    "No more than \(block.maxItems) \"\(name)\" block\(block.maxItems == 1 ? " is" : "s are") allowed.", mine[block.maxItems].range, file: file)
            }
        }
        for item in items where schema.attributes[item.type] == nil && schema.blocks[item.type] == nil && !skip.contains(item.type) {
            scope.session.report(.unsupportedArgument, "Unsupported block type",
                "Blocks of type \"\(item.type)\" are not expected here.", item.range, file: file)
        }
        return .object(attrs)
    }

    /// The object type a schema describes.
    static func objectType(_ schema: ResourceSchema) -> ValueType {
        var types = schema.attributes.mapValues(\.type)
        for (name, block) in schema.blocks { types[name] = objectType(block.schema).wrapped(in: block.nesting) }
        return .object(types)
    }

    /// Nested blocks with `dynamic` blocks expanded; block types whose `for_each` is unknown.
    static func expandBlocks(
        _ body: Body, scope: ModuleScope, file: String, bound: [String: Value], skip: Set<String>
    ) -> ([BlockItem], Set<String>) {
        var items: [BlockItem] = []
        var unknown: Set<String> = []
        for block in body.blocks where !skip.contains(block.type) {
            guard block.type == "dynamic" else {
                items.append(BlockItem(type: block.type, body: block.body, bound: bound, labels: block.labels, range: block.range))
                continue
            }
            guard block.labels.count == 1 else {
                scope.session.report(.invalidDynamicBlock, "Invalid dynamic block",
                    "A dynamic block must have exactly one label: the type of the block to generate.", block.typeRange, file: file)
                continue
            }
            let name = block.labels[0]
            guard let forEach = block.body.attribute("for_each") else {
                scope.session.report(.invalidDynamicBlock, "Missing required argument",
                    "The argument \"for_each\" is required in a dynamic block.", block.openBraceRange, file: file)
                continue
            }
            guard let content = block.body.blocks(ofType: "content").first else {
                scope.session.report(.invalidDynamicBlock, "Missing content block",
                    "A dynamic block must have a nested block of type \"content\" to describe the body of each generated block.", block.openBraceRange, file: file)
                continue
            }
            var iterator = name
            if let it = block.body.attribute("iterator") {
                if case .scopeTraversal(let steps, _) = it.expression, steps.count == 1, case .root(let n, _) = steps[0] {
                    iterator = n
                } else {
                    scope.session.report(.invalidDynamicBlock, "Invalid dynamic iterator name",
                        "Dynamic iterator must be a single variable name.", it.expression.range, file: file)
                    continue
                }
            }
            let collection = scope.evaluate(forEach.expression, file: file, bound: bound)
            guard collection.isKnown else { unknown.insert(name); continue }
            if collection.isNull {
                scope.session.report(.invalidDynamicBlock, "Invalid dynamic for_each value",
                    "Cannot use a null value in for_each.", forEach.expression.range, file: file)
                continue
            }
            var pairs: [(Value, Value)] = []
            switch collection.storage {
            case .list(let es, _), .tuple(let es): pairs = es.enumerated().map { (Value.number($0.offset), $0.element) }
            case .set(let es, _): pairs = es.map { ($0, $0) }
            case .map(let es, _), .object(let es): pairs = es.keys.sorted().map { (Value.string($0), es[$0]!) }
            case .null, .unknown, .bool, .number, .string:
                scope.session.report(.invalidDynamicBlock, "Invalid dynamic for_each value",
                    "Cannot use a \(collection.type.friendlyName) value in for_each. An iterable collection is required.", forEach.expression.range, file: file)
                continue
            }
            for (key, value) in pairs {
                var inner = bound
                inner[iterator] = .object(["key": key, "value": value])
                var labels: [String] = []
                if let labelsAttribute = block.body.attribute("labels") {
                    labels = scope.evaluate(labelsAttribute.expression, file: file, bound: inner).elements?.compactMap { $0.stringValue } ?? []
                }
                items.append(BlockItem(type: name, body: content.body, bound: inner, labels: labels, range: block.range))
            }
        }
        return (items, unknown)
    }
}

extension ValueType {
    /// The type of a nested block's value under its nesting mode.
    func wrapped(in nesting: ResourceSchema.NestedBlock.Nesting) -> ValueType {
        switch nesting {
        case .single, .group: return self
        case .list: return .list(self)
        case .set: return .set(self)
        case .map: return .map(self)
        }
    }
}
