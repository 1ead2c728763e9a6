/// A named function applied to a value inside a tag: `{{ total | money: "EUR" }}`.
///
/// Formatters run left to right; each gets the previous result. Arguments are literals
/// written in the tag (quoted strings or numbers), checked for count when the template loads.
public struct TemplateFormatter: Sendable {
    /// The name written in tags.
    public let name: String
    /// How many arguments the formatter takes.
    public let arity: ClosedRange<Int>
    /// True when the formatter gives a meaning to a missing value (like `default`), so strict
    /// mode does not report the value as missing.
    public let handlesMissing: Bool
    let body: @Sendable (TemplateValue, [TemplateValue], TemplateLocale) throws(FormatterFailure) -> TemplateValue

    /// - Parameters:
    ///   - body: gets the input value, the arguments and the render locale; throws
    ///     `FormatterFailure` for input it cannot format (reported at the tag's location).
    public init(name: String, arity: ClosedRange<Int> = 0...0, handlesMissing: Bool = false,
                _ body: @escaping @Sendable (_ value: TemplateValue, _ arguments: [TemplateValue],
                                             _ locale: TemplateLocale) throws(FormatterFailure) -> TemplateValue) {
        self.name = name
        self.arity = arity
        self.handlesMissing = handlesMissing
        self.body = body
    }

    /// Applies the formatter (for callers that want to use one outside a template).
    public func apply(_ value: TemplateValue, arguments: [TemplateValue] = [],
                      locale: TemplateLocale = .en) throws(FormatterFailure) -> TemplateValue {
        try body(value, arguments, locale)
    }
}

/// What a formatter throws when its input or arguments do not fit; the renderer turns it
/// into a `TemplateError` located at the formatter in the tag.
public struct FormatterFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The formatters a template may use, by name. A value: pass it when compiling.
public struct FormatterSet: Sendable {
    private var byName: [String: TemplateFormatter]

    /// A set holding the given formatters (a later one replaces an earlier one of the same name).
    public init(_ formatters: [TemplateFormatter] = []) {
        byName = [:]
        for formatter in formatters { byName[formatter.name] = formatter }
    }

    /// No formatters at all.
    public static let empty = FormatterSet()

    /// The built-ins: `date`, `money`, `number`, `upper`, `lower`, `default`.
    public static let standard = FormatterSet(StandardFormatters.all)

    /// This set plus `formatter` (replacing one of the same name).
    public func adding(_ formatter: TemplateFormatter) -> FormatterSet {
        var copy = self
        copy.byName[formatter.name] = formatter
        return copy
    }

    /// The formatter with that name, if any.
    public subscript(name: String) -> TemplateFormatter? { byName[name] }

    /// All names, sorted.
    public var names: [String] { byName.keys.sorted() }
}
