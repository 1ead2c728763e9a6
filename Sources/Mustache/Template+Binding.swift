import Synchronization

/// A text a tag prints when its value is fixed ahead of rendering (see `Template.binding`).
final class FixedText: Sendable, Equatable {
    /// The UTF-8 the tag prints.
    let bytes: [UInt8]
    /// The root name the value was fixed under.
    let key: String
    /// The tag, looked up as usual wherever a section has pushed a map holding `key`.
    let tag: VariableTag

    init(bytes: [UInt8], key: String, tag: VariableTag) {
        self.bytes = bytes
        self.key = key
        self.tag = tag
    }

    static func == (left: FixedText, right: FixedText) -> Bool {
        left.bytes == right.bytes && left.key == right.key && left.tag == right.tag
    }
}

extension Template {
    /// A copy in which each `{{{key.name}}}` tag (unescaped, without formatters) whose name
    /// leads to a text in `value` prints that text without looking it up. Render the copy only
    /// with data that holds `value` under `key` at its root: it then prints what the template
    /// prints. Where a section has pushed a map that holds `key` itself, the tag is looked up
    /// as usual. `isFixed` says which names (the parts after `key`, joined by dots) may be
    /// fixed; the others stay tags (values that change from one render to the next).
    public func binding(_ key: String, to value: TemplateValue, where isFixed: (String) -> Bool) -> Template {
        Template(unit: TemplateUnit(name: unit.name, lines: unit.lines, formatters: unit.formatters,
                                    nodes: Self.bind(unit.nodes, key, value, isFixed)))
    }

    private static func bind(_ nodes: [TemplateNode], _ key: String, _ value: TemplateValue,
                             _ isFixed: (String) -> Bool) -> [TemplateNode] {
        nodes.map { node in
            switch node {
            case .variable(let tag):
                let segments = tag.path.segments
                guard !tag.escaped, tag.formatters.isEmpty, !tag.path.anchored, segments.count > 1, segments[0] == key,
                      isFixed(segments.dropFirst().joined(separator: ".")) else { return node }
                var found = value
                for segment in segments.dropFirst() {
                    guard case .map(let members) = found, let next = members[segment] else { return node }
                    found = next
                }
                guard case .string(let text) = found else { return node }
                return .fixed(FixedText(bytes: Array(text.utf8), key: key, tag: tag))
            case .section(let tag, let children):
                return .section(tag, bind(children, key, value, isFixed))
            case .parent(let tag, let overrides):
                return .parent(tag, overrides.mapValues { block in
                    var block = block
                    block.children = bind(block.children, key, value, isFixed)
                    return block
                })
            case .block(var block):
                block.children = bind(block.children, key, value, isFixed)
                return .block(block)
            case .text, .lineStart, .partial, .fixed:
                return node
            }
        }
    }
}

/// A library's templates and partials with a root value fixed (`Template.binding`), each
/// bound once when first asked for. Render them only with data that holds the value under
/// the key at its root.
public final class BoundTemplateLibrary: PartialSource, Sendable {
    public let library: TemplateLibrary
    let key: String
    let value: TemplateValue
    let isFixed: @Sendable (String) -> Bool
    /// One per template name the library has (its files): bounded by them.
    private let bound = Mutex<[String: Template]>([:])
    /// `Template.namePaths(partials:)` of each bound template, by name (bounded the same way).
    private let names = Mutex<[String: [[String]]?]>([:])

    public init(_ library: TemplateLibrary, binding key: String, to value: TemplateValue,
                where isFixed: @escaping @Sendable (String) -> Bool) {
        self.library = library
        self.key = key
        self.value = value
        self.isFixed = isFixed
    }

    public func partial(named name: String) throws(TemplateError) -> Template? {
        if let kept = bound.withLock({ $0[name] }) { return kept }
        guard let template = try library.partial(named: name) else { return nil }
        return keep(template, named: name)
    }

    /// Renders the named template, bound, into UTF-8 (see `Template.renderUTF8`).
    public func renderUTF8(name: String, data: TemplateValue, options: RenderOptions = RenderOptions()) throws(TemplateError)
        -> [UInt8] {
        let template: Template
        if let kept = bound.withLock({ $0[name] }) {
            template = kept
        } else {
            template = keep(try library.template(named: name), named: name)
        }
        return try template.renderUTF8(data, partials: self, options: options)
    }

    /// The names a render of the named template may look up (`Template.namePaths(partials:)`,
    /// its partials from this library), worked out once; nil when not known ahead.
    public func namePaths(name: String) -> [[String]]? {
        if let kept = names.withLock({ $0[name] }) { return kept }
        let template: Template
        if let kept = bound.withLock({ $0[name] }) {
            template = kept
        } else {
            do {
                template = keep(try library.template(named: name), named: name)
            } catch {
                return nil
            }
        }
        let paths = template.namePaths(partials: self)
        names.withLock { $0[name] = paths }
        return paths
    }

    private func keep(_ template: Template, named name: String) -> Template {
        let bound = template.binding(key, to: value, where: isFixed)
        self.bound.withLock { $0[name] = bound }
        return bound
    }
}
