/// The compiled tree of a template. Offsets are byte offsets into the template's source,
/// turned into line and column only when an error is reported.
indirect enum TemplateNode: Sendable, Equatable {
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
}

/// A dotted name, split once when compiling.
struct NamePath: Sendable, Equatable {
    let text: String
    let segments: [String]
    /// `{{.}}`: the top of the context stack.
    var isImplicit: Bool { segments.isEmpty }
}

/// `| name: arg, arg` inside a tag.
struct FormatterCall: Sendable, Equatable {
    let name: String
    let arguments: [TemplateValue]
    /// Offset of the formatter's name.
    let offset: Int
}

struct VariableTag: Sendable, Equatable {
    let path: NamePath
    let escaped: Bool
    let formatters: [FormatterCall]
    /// True when a formatter gives missing values a meaning (strict mode stays quiet).
    let handlesMissing: Bool
    let offset: Int
}

struct SectionTag: Sendable, Equatable {
    let path: NamePath
    let inverted: Bool
    let offset: Int
}

/// A partial or parent reference.
struct PartialTag: Sendable, Equatable {
    let name: String
    /// Whitespace before a standalone tag: prepended to every line of the partial.
    let indentation: [UInt8]
    let standalone: Bool
    let offset: Int
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
