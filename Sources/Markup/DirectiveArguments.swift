/// A directive's arguments bound to parameter names, with typed readers that report errors
/// at the argument they concern.
struct DirectiveArguments {
    let source: SourceText
    let call: DirectiveCall
    private var values: [String: DirectiveCall.Value] = [:]

    /// Binds positional values to `positional` in order and named values to any parameter;
    /// unknown names, duplicates and extra positional values are errors.
    init(_ call: DirectiveCall, source: SourceText, positional: [String], named: [String]) throws(MarkupError) {
        self.source = source
        self.call = call
        if call.positional.count > positional.count {
            let extra = call.positional[positional.count]
            throw source.error(.tooManyArguments(directive: call.name, maximum: positional.count),
                               line: extra.line, offset: extra.start)
        }
        for (index, value) in call.positional.enumerated() { values[positional[index]] = value }
        let allowed = positional + named
        for argument in call.named {
            guard allowed.contains(argument.name) else {
                let suggestion = NameSuggestion.nearest(to: argument.name, in: allowed)
                throw source.error(.unknownArgument(directive: call.name, argument: argument.name, suggestion: suggestion),
                                   line: call.line, offset: argument.nameOffset)
            }
            guard values[argument.name] == nil else {
                throw source.error(.duplicateArgument(directive: call.name, argument: argument.name),
                                   line: call.line, offset: argument.nameOffset)
            }
            values[argument.name] = argument.value
        }
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// The error for a missing required argument, at the directive.
    func missing(_ description: String) -> MarkupError {
        source.error(.missingArgument(directive: call.name, argument: description), line: call.line, offset: call.offset)
    }

    /// The argument as inline markup (empty when absent).
    func inline(_ name: String) throws(MarkupError) -> [Inline] {
        guard let value = values[name] else { return [] }
        return try InlineParser.parse(source, line: value.line, start: value.start, end: value.end)
    }

    /// The argument as plain text: escapes resolved, `@br` as a line feed; nil when absent.
    func plain(_ name: String, context: String) throws(MarkupError) -> String? {
        guard let value = values[name] else { return nil }
        let content = try InlineParser.parse(source, line: value.line, start: value.start, end: value.end)
        guard let text = PlainText.of(content) else {
            throw source.error(.plainTextExpected(context: context), line: value.line, offset: value.start)
        }
        return text
    }

    /// The argument as one of `choices` (compared ignoring letter case); nil when absent.
    func keyword(_ name: String, _ choices: [String], expected: String) throws(MarkupError) -> String? {
        guard let text = try plain(name, context: "'\(name)'") else { return nil }
        guard let choice = choices.first(where: { $0.lowercased() == text.lowercased() }) else {
            throw badValue(name, text, expected: expected)
        }
        return choice
    }

    /// The argument as a length in points; nil when absent.
    func length(_ name: String) throws(MarkupError) -> Points? {
        guard let value = values[name] else { return nil }
        let text = try plain(name, context: "'\(name)'") ?? ""
        guard let points = Length.points(text) else {
            throw source.error(.badLength(text), line: value.line, offset: value.start)
        }
        return points
    }

    func badValue(_ name: String, _ text: String, expected: String) -> MarkupError {
        let offset = values[name]?.start ?? call.offset
        return source.error(.badArgumentValue(directive: call.name, argument: name, value: text, expected: expected),
                            line: call.line, offset: offset)
    }

    /// Where an argument's value starts (or the directive when absent).
    func offset(of name: String) -> Int { values[name]?.start ?? call.offset }
}

/// Flattening inline content to plain text where only text is allowed.
enum PlainText {
    /// Text with line breaks as `\n`; nil if the content has formatting or page numbers.
    static func of(_ content: [Inline]) -> String? {
        var result = ""
        for inline in content {
            switch inline {
            case .text(let text): result += text
            case .lineBreak: result += "\n"
            default: return nil
            }
        }
        return result
    }
}
