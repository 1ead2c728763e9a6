extension Template {
    /// Renders the template.
    /// - Parameters:
    ///   - data: the context (usually a map).
    ///   - partials: where `{{>name}}` and `{{<name}}` are found; nil means none exist.
    ///   - options: escaping, locale, strict mode.
    /// - Returns: exactly the rendered text (nothing added).
    /// - Throws: `TemplateError` for a missing partial, a formatter that cannot format its
    ///   input, endless partial recursion, or (strict mode) missing values.
    public func render(_ data: TemplateValue, partials: (any PartialSource)? = nil,
                       options: RenderOptions = RenderOptions()) throws(TemplateError) -> String {
        String(decoding: try renderUTF8(data, partials: partials, options: options), as: UTF8.self)
    }

    /// Renders the template into UTF-8 bytes: what `render` gives, without making a `String`
    /// of it. The bytes are valid UTF-8 when the escaper appends valid UTF-8 (the built-in
    /// ones and those given as `String` functions do).
    public func renderUTF8(_ data: TemplateValue, partials: (any PartialSource)? = nil,
                           options: RenderOptions = RenderOptions()) throws(TemplateError) -> [UInt8] {
        var renderer = Renderer(options: options, partials: partials, root: data)
        renderer.output.reserveCapacity(max(4096, unit.lines.bytes.count * 2))
        try renderer.render(unit.nodes, from: 0, in: unit)
        if !renderer.missing.isEmpty {
            let names = renderer.missing.compactMap { error -> String? in
                if case .missingValues(let paths) = error.kind { return paths.first }
                return nil
            }
            let first = renderer.missing[0]
            let count = renderer.missing.count
            throw TemplateError(kind: .missingValues(names), location: first.location,
                                message: "\(count) missing value\(count == 1 ? "" : "s"): \(names.joined(separator: ", "))",
                                details: renderer.missing)
        }
        return renderer.output
    }
}

/// A block argument waiting to replace a block, with the template it was written in.
struct BlockArgument {
    let block: BlockTag
    let unit: TemplateUnit
}

/// The state of one render: output buffer, context stack, indentation, block arguments.
struct Renderer {
    let options: RenderOptions
    let partials: (any PartialSource)?
    var output: [UInt8] = []
    var stack: [TemplateValue]
    var indentation: [UInt8] = []
    var arguments: [String: BlockArgument] = [:]
    var depth = 0
    /// Partials and parents expanded so far in this render.
    var expansions = 0
    var missing: [TemplateError] = []
    /// Partials already looked up in this render, by tag (tags live as long as the templates
    /// that hold them, which outlive the render, so their identities stay unique).
    var resolved: [ObjectIdentifier: TemplateUnit] = [:]
    /// Partials looked up through dynamic names (`{{>*path}}`), by name.
    var resolvedByName: [String: TemplateUnit] = [:]
    /// Counts every change of `stack`, so that what was worked out from it can be reused until then.
    var stackChanges = 0
    /// The last answer of `shadows(_:)`: a section's items print many fixed texts.
    var lastShadowing: (key: String, stackChange: Int, shadows: Bool)?

    /// Partials and parents may nest this deep (more is almost surely endless recursion).
    static let maximumDepth = 200
    /// A render may expand at most this many partials and parents (stops `{{>p}}{{>p}}` blowups).
    static let maximumExpansions = 1_000_000

    init(options: RenderOptions, partials: (any PartialSource)?, root: TemplateValue) {
        self.options = options
        self.partials = partials
        self.stack = [root]
        stack.reserveCapacity(16)
    }

    mutating func render(_ nodes: [TemplateNode], from start: Int, in unit: TemplateUnit) throws(TemplateError) {
        var index = start
        while index < nodes.count {
            defer { index += 1 }
            switch nodes[index] {
            case .text(let text):
                output.append(contentsOf: text)
            case .lineStart:
                if !indentation.isEmpty { output.append(contentsOf: indentation) }
            case .variable(let tag):
                try interpolate(tag, in: unit)
            case .fixed(let fixed):
                if shadows(fixed.key) { try interpolate(fixed.tag, in: unit) } else { output.append(contentsOf: fixed.bytes) }
            case .section(let tag, let children):
                let value = lookup(tag.path)
                if tag.inverted {
                    if !(value?.isTruthy ?? false) { try render(children, from: 0, in: unit) }
                } else if let value, value.isTruthy {
                    if case .list(let items) = value {
                        for item in items {
                            push(item)
                            try render(children, from: 0, in: unit)
                            pop()
                        }
                    } else {
                        push(value)
                        try render(children, from: 0, in: unit)
                        pop()
                    }
                }
            case .partial(let tag):
                try include(tag, arguments: [:], in: unit)
            case .parent(let tag, let overrides):
                try include(tag, arguments: overrides, in: unit)
            case .block(let block):
                if let argument = arguments[block.name] {
                    let saved = indentation
                    indentation += block.indentation
                    // Where the block sits inside a line, its first line continues that line.
                    let skip = !block.standalone && argument.block.children.first == .lineStart ? 1 : 0
                    try render(argument.block.children, from: skip, in: argument.unit)
                    indentation = saved
                } else {
                    try render(block.children, from: 0, in: unit)
                }
            }
        }
    }

    private mutating func push(_ value: TemplateValue) {
        stack.append(value)
        stackChanges += 1
    }

    private mutating func pop() {
        stack.removeLast()
        stackChanges += 1
    }

    /// True when a map pushed above the root holds `key` (a lookup of it would stop there).
    private mutating func shadows(_ key: String) -> Bool {
        guard stack.count > 1 else { return false }
        if let last = lastShadowing, last.stackChange == stackChanges, last.key == key { return last.shadows }
        var found = false
        var index = stack.count - 1
        while index > 0, !found {
            if case .map(let members) = stack[index], members[key] != nil { found = true }
            index -= 1
        }
        lastShadowing = (key, stackChanges, found)
        return found
    }

    /// Looks a dotted name up: the first part through the context stack, from the top;
    /// the rest only inside what the first part found. `.name` looks only at the top.
    func lookup(_ path: NamePath) -> TemplateValue? {
        guard let first = path.segments.first else { return stack.last }
        var index = stack.count - 1
        let bottom = path.anchored ? index : 0
        while index >= bottom {
            if case .map(let members) = stack[index], var value = members[first] {
                for segment in path.segments.dropFirst() {
                    guard case .map(let inner) = value, let next = inner[segment] else { return nil }
                    value = next
                }
                return value
            }
            index -= 1
        }
        return nil
    }

    private mutating func interpolate(_ tag: VariableTag, in unit: TemplateUnit) throws(TemplateError) {
        var value: TemplateValue
        if let found = lookup(tag.path) {
            value = found
        } else {
            if options.strict, !tag.handlesMissing {
                missing.append(unit.lines.error(.missingValues([tag.path.text]), at: tag.offset,
                                                "missing value '\(tag.path.text)'"))
            }
            value = .null
        }
        for call in tag.formatters {
            guard let formatter = unit.formatters[call.name] else {
                throw unit.lines.error(.unknownFormatter(call.name), at: call.offset, "unknown formatter '\(call.name)'")
            }
            do {
                value = try formatter.body(value, call.arguments, options.locale)
            } catch {
                throw unit.lines.error(.formatter(call.name), at: call.offset, error.message)
            }
        }
        switch value {
        case .string(let text):
            if tag.escaped { options.escaper.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .null:
            break
        default:
            let text = value.text
            if tag.escaped { options.escaper.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        }
    }

    /// The compiled partial a tag names (asked of the partial source once per render);
    /// nil when missing partials are allowed and this one is missing.
    private mutating func resolve(_ tag: PartialTag, in unit: TemplateUnit) throws(TemplateError) -> TemplateUnit? {
        var name = tag.name
        if let path = tag.dynamic {
            guard let value = lookup(path), case .string(let given) = value, !given.isEmpty else {
                if options.allowsMissingPartials { return nil }
                throw unit.lines.error(.missingPartial(tag.name), at: tag.offset,
                                       "dynamic partial name '\(path.text)' has no text value")
            }
            name = given
            if let known = resolvedByName[name] { return known }
        } else if let known = resolved[ObjectIdentifier(tag)] {
            return known
        }
        let template: Template?
        do {
            template = try partials?.partial(named: name)
        } catch {
            switch error.kind {
            case .partialOutsideDirectories, .unreadable, .missingPartial:
                throw unit.lines.error(error.kind, at: tag.offset, error.message)
            default:
                throw error
            }
        }
        guard let template else {
            if options.allowsMissingPartials { return nil }
            throw unit.lines.error(.missingPartial(name), at: tag.offset, "partial '\(name)' not found")
        }
        if tag.dynamic == nil { resolved[ObjectIdentifier(tag)] = template.unit } else { resolvedByName[name] = template.unit }
        return template.unit
    }

    /// Renders a partial (no arguments) or a parent (with block arguments).
    private mutating func include(_ tag: PartialTag, arguments overrides: [String: BlockTag],
                                  in unit: TemplateUnit) throws(TemplateError) {
        guard depth < Self.maximumDepth else {
            throw unit.lines.error(.recursionLimit, at: tag.offset,
                                   "partials nest deeper than \(Self.maximumDepth) levels (endless recursion?)")
        }
        expansions += 1
        guard expansions <= Self.maximumExpansions else {
            throw unit.lines.error(.recursionLimit, at: tag.offset,
                                   "more than \(Self.maximumExpansions) partials expanded in one render")
        }
        guard let target = try resolve(tag, in: unit) else { return }
        // Standalone: the tag's indentation adds to the current one; inline: none at all.
        let changesIndentation = tag.standalone ? !tag.indentation.isEmpty : !indentation.isEmpty
        let savedIndentation = changesIndentation ? indentation : []
        if changesIndentation {
            indentation = tag.standalone ? indentation + tag.indentation : []
        }
        depth += 1
        if overrides.isEmpty {
            try render(target.nodes, from: 0, in: target)
        } else {
            let savedArguments = arguments
            // Arguments given further out win over the ones given here.
            for (name, block) in overrides where arguments[name] == nil {
                arguments[name] = BlockArgument(block: block, unit: unit)
            }
            try render(target.nodes, from: 0, in: target)
            arguments = savedArguments
        }
        depth -= 1
        if changesIndentation { indentation = savedIndentation }
    }
}
