/// A directive's arguments bound to parameter names, with typed readers that report errors
/// at the argument they concern.
struct DirectiveArguments {
    let source: SourceText
    let call: DirectiveCall
    /// Bound values by parameter name: a directive has a handful, so a list searched in
    /// order beats hashing every name into a dictionary.
    private var values: [(name: String, value: DirectiveCall.Value)] = []

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
        values.reserveCapacity(call.positional.count + call.named.count)
        for (index, value) in call.positional.enumerated() { values.append((positional[index], value)) }
        for argument in call.named {
            guard positional.contains(argument.name) || named.contains(argument.name) else {
                let suggestion = NameSuggestion.nearest(to: argument.name, in: positional + named)
                throw source.error(.unknownArgument(directive: call.name, argument: argument.name, suggestion: suggestion),
                                   line: call.line, offset: argument.nameOffset)
            }
            guard self[argument.name] == nil else {
                throw source.error(.duplicateArgument(directive: call.name, argument: argument.name),
                                   line: call.line, offset: argument.nameOffset)
            }
            values.append((argument.name, argument.value))
        }
    }

    /// The value bound to a parameter, nil when absent.
    private subscript(name: String) -> DirectiveCall.Value? {
        for entry in values where entry.name == name { return entry.value }
        return nil
    }

    func has(_ name: String) -> Bool { self[name] != nil }

    /// The error for a missing required argument, at the directive.
    func missing(_ description: String) -> MarkupError {
        source.error(.missingArgument(directive: call.name, argument: description), line: call.line, offset: call.offset)
    }

    /// The argument as inline markup (empty when absent).
    func inline(_ name: String) throws(MarkupError) -> [Inline] {
        guard let value = self[name] else { return [] }
        return try InlineParser.parse(source, line: value.line, start: value.start, end: value.end)
    }

    /// The argument as plain text: escapes resolved, `@br` as a line feed; nil when absent.
    func plain(_ name: String, context: String) throws(MarkupError) -> String? {
        guard let value = self[name] else { return nil }
        let content = try InlineParser.parse(source, line: value.line, start: value.start, end: value.end)
        guard let text = PlainText.of(content) else {
            throw source.error(.plainTextExpected(context: context), line: value.line, offset: value.start)
        }
        return text
    }

    /// The argument as one of `choices` (compared ignoring letter case); nil when absent.
    func keyword(_ name: String, _ choices: [String], expected: String) throws(MarkupError) -> String? {
        guard let text = try plain(name, context: "'\(name)'") else { return nil }
        guard let choice = Self.choice(matching: text, in: choices) else {
            throw badValue(name, text, expected: expected)
        }
        return choice
    }

    /// The argument as a length in points; nil when absent.
    func length(_ name: String) throws(MarkupError) -> Points? {
        guard let value = self[name] else { return nil }
        let text = try plain(name, context: "'\(name)'") ?? ""
        guard let points = Length.points(text) else {
            throw source.error(.badLength(text), line: value.line, offset: value.start)
        }
        return points
    }

    func badValue(_ name: String, _ text: String, expected: String) -> MarkupError {
        let offset = self[name]?.start ?? call.offset
        return source.error(.badArgumentValue(directive: call.name, argument: name, value: text, expected: expected),
                            line: call.line, offset: offset)
    }

    /// Where an argument's value starts (or the directive when absent).
    func offset(of name: String) -> Int { self[name]?.start ?? call.offset }

    /// The choice equal to `text` ignoring letter case. ASCII text is compared byte by byte
    /// (choices are ASCII words); anything else goes through `lowercased()`, which also
    /// folds characters such as the Kelvin sign to ASCII letters.
    static func choice(matching text: String, in choices: [String]) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            let lowered = text.lowercased()
            return choices.first(where: { $0.lowercased() == lowered })
        }
        func folded(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return choices.first { choice in
            guard choice.utf8.allSatisfy({ $0 < 0x80 }) else { return choice.lowercased() == text.lowercased() }
            return choice.utf8.count == text.utf8.count
                && zip(choice.utf8, text.utf8).allSatisfy { folded($0) == folded($1) }
        }
    }
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
