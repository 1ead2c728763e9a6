/// The compiled tree of a template. Offsets are byte offsets into the template's source,
/// turned into line and column only when an error is reported.
enum TemplateNode: Sendable, Equatable {
    /// Literal text (UTF-8), ready to copy to the output.
    case text([UInt8])
    /// The start of a source line: a partial's indentation is written here.
    case lineStart
    /// `{{name}}`, `{{{name}}}`, `{{&name}}`, with formatters.
    case variable(VariableTag)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(SectionTag, [TemplateNode])
    /// `{{>name}}`.
    case partial(PartialTag)
    /// `{{<name}}…{{/name}}` with the blocks it overrides, by name.
    case parent(PartialTag, [String: BlockTag])
    /// `{{$name}}default{{/name}}`.
    case block(BlockTag)
    /// A `{{{name}}}` whose text was fixed ahead of rendering (`Template.binding`).
    case fixed(FixedText)
}

/// A dotted name, split once when compiling.
struct NamePath: Sendable, Equatable {
    let text: String
    let segments: [String]
    /// `{{.name}}`: looked up in the top of the context stack only.
    var anchored = false
}

/// `| name: arg, arg` inside a tag.
struct FormatterCall: Sendable, Equatable {
    let name: String
    let arguments: [TemplateValue]
    /// Offset of the formatter's name.
    let offset: Int
}

// Tags are immutable classes so that the renderer's `switch` retains one object per node
// instead of copying every field (measured: a third of render time went to reference counting).

final class VariableTag: Sendable, Equatable {
    let path: NamePath
    let escaped: Bool
    let formatters: [FormatterCall]
    /// True when a formatter gives missing values a meaning (strict mode stays quiet).
    let handlesMissing: Bool
    let offset: Int

    init(path: NamePath, escaped: Bool, formatters: [FormatterCall], handlesMissing: Bool, offset: Int) {
        self.path = path
        self.escaped = escaped
        self.formatters = formatters
        self.handlesMissing = handlesMissing
        self.offset = offset
    }

    static func == (left: VariableTag, right: VariableTag) -> Bool {
        left.path == right.path && left.escaped == right.escaped && left.formatters == right.formatters
            && left.offset == right.offset
    }
}

final class SectionTag: Sendable, Equatable {
    let path: NamePath
    let inverted: Bool
    let offset: Int

    init(path: NamePath, inverted: Bool, offset: Int) {
        self.path = path
        self.inverted = inverted
        self.offset = offset
    }

    static func == (left: SectionTag, right: SectionTag) -> Bool {
        left.path == right.path && left.inverted == right.inverted && left.offset == right.offset
    }
}

/// A partial or parent reference.
final class PartialTag: Sendable, Equatable {
    /// The name; for a dynamic name (`{{>*path}}`) the path written after the asterisk.
    let name: String
    /// `{{>*path}}`: the partial's name is the value at `path` when rendering.
    let dynamic: NamePath?
    /// Whitespace before a standalone tag: prepended to every line of the partial.
    let indentation: [UInt8]
    let standalone: Bool
    let offset: Int

    init(name: String, dynamic: NamePath? = nil, indentation: [UInt8], standalone: Bool, offset: Int) {
        self.name = name
        self.dynamic = dynamic
        self.indentation = indentation
        self.standalone = standalone
        self.offset = offset
    }

    static func == (left: PartialTag, right: PartialTag) -> Bool {
        left.name == right.name && left.dynamic == right.dynamic && left.indentation == right.indentation && left.standalone == right.standalone
            && left.offset == right.offset
    }
}

struct BlockTag: Sendable, Equatable {
    let name: String
    var children: [TemplateNode]
    /// Where the block is expanded: the indentation given to substituted lines.
    /// Where it is defined inside a parent tag: the indentation removed from its lines.
    var indentation: [UInt8]
    let standalone: Bool
    let offset: Int
}
