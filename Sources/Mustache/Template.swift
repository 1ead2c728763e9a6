import TalonPrimitives

/// A compiled Mustache template: parse once, render many times, from any number of tasks.
///
/// Supports the whole Mustache specification (v1.4: interpolation, sections, inverted
/// sections, comments, set delimiters, partials, inheritance with parents and blocks), plus
/// formatters inside value tags: `{{ sale_date | date: "dd.MM.yyyy" }}`.
public struct Template: Sendable {
    let unit: TemplateUnit

    /// Compiles a template.
    /// - Parameters:
    ///   - source: the template text.
    ///   - name: the file name used in error locations (e.g. "warranty-card.mustache").
    ///   - formatters: the formatters tags may use; an unknown one is an error here.
    /// - Throws: the first `TemplateError` found (syntax or formatter).
    public init(source: String, name: String, formatters: FormatterSet = .standard) throws(TemplateError) {
        let (template, errors) = Template.compile(source: source, name: name, formatters: formatters)
        guard let template, errors.isEmpty else {
            throw errors.first ?? TemplateError(kind: .syntax, location: SourceLocation(file: name, line: 1, column: 1),
                                                message: "template could not be compiled")
        }
        self = template
    }

    init(unit: TemplateUnit) {
        self.unit = unit
    }

    /// Compiles and returns every error found: syntax errors stop the parse (the template is
    /// then nil); formatter errors are all collected.
    public static func compile(source: String, name: String,
                               formatters: FormatterSet = .standard) -> (template: Template?, errors: [TemplateError]) {
        let bytes = Array(source.utf8)
        let lines = LineTable(file: name, bytes: bytes)
        var parser = TemplateParser(bytes: bytes, lines: lines, formatters: formatters)
        do {
            let nodes = try parser.parse()
            let unit = TemplateUnit(name: name, lines: lines, formatters: formatters, nodes: nodes)
            return (Template(unit: unit), parser.errors)
        } catch {
            return (nil, parser.errors + [error])
        }
    }

    /// The name given when compiling.
    public var name: String { unit.name }

    /// Every partial and parent this template names, with where (for loading them all ahead).
    /// Dynamic names (`{{>*path}}`) depend on the data and are not listed.
    public var references: [(name: String, location: SourceLocation)] {
        referenceOffsets.map { ($0.name, unit.lines.location(of: $0.offset)) }
    }

    /// Partial and parent names with the byte offsets of their tags, in source order.
    var referenceOffsets: [(name: String, offset: Int)] {
        var found: [(String, Int)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let tag):
                    if tag.dynamic == nil { found.append((tag.name, tag.offset)) }
                case .parent(let tag, let overrides):
                    if tag.dynamic == nil { found.append((tag.name, tag.offset)) }
                    for block in overrides.values.sorted(by: { $0.offset < $1.offset }) { walk(block.children) }
                case .section(_, let children):
                    walk(children)
                case .block(let block):
                    walk(block.children)
                case .text, .lineStart, .variable, .fixed:
                    break
                }
            }
        }
        walk(unit.nodes)
        return found
    }

    /// An error located at a byte offset of this template (used for partial lookups).
    func error(_ kind: TemplateError.Kind, at offset: Int, _ message: String) -> TemplateError {
        unit.lines.error(kind, at: offset, message)
    }
}

/// The immutable compiled form shared by copies of a `Template`: its tree, source lines
/// (for error messages) and formatters. Every property is a `let` of a `Sendable` type.
final class TemplateUnit: Sendable {
    let name: String
    let lines: LineTable
    let formatters: FormatterSet
    let nodes: [TemplateNode]

    init(name: String, lines: LineTable, formatters: FormatterSet, nodes: [TemplateNode]) {
        self.name = name
        self.lines = lines
        self.formatters = formatters
        self.nodes = nodes
    }
}
