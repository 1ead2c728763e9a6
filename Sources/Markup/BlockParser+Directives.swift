extension BlockParser {
    /// What one directive of a line does, worked out from the directive alone: the part of
    /// its parse that the memo of directive lines keeps.
    enum DirectiveEffect: Sendable {
        case push(Frame.Kind, name: String)
        case column
        case end
        case modifier(Modifier.Kind)
        case block(Block)
    }

    /// One directive of a memorized line: its name, its offset from the line's first `@`, its effect.
    struct DirectiveStep: Sendable {
        var name: String
        var offset: Int
        var effect: DirectiveEffect
    }

    /// Directive lines parsed before, by their text from the first `@` (see `SourceMemo`).
    static let directiveLines = SourceMemo<[DirectiveStep]>(budget: 1 << 20)

    /// A line of one or more block directives separated by blanks.
    mutating func parseDirectiveLine(from first: Int, frames: inout [Frame], modifier: inout Modifier?)
        throws(MarkupError) {
        let end = source.lines[line].end
        let (kept, hash) = source.bytes.withUnsafeBufferPointer { Self.directiveLines.value(in: $0, CollectionOfOne(first..<end)) }
        if let kept {
            for step in kept {
                let call = DirectiveCall(name: step.name, line: line, offset: first + step.offset)
                try checkNoModifier(modifier)
                try perform(step.effect, of: call, frames: &frames, modifier: &modifier)
            }
            return
        }
        var offset = first
        var previous = ""
        var steps: [DirectiveStep] = []
        var keepable = true
        while offset < end {
            guard source.bytes[offset] == UInt8(ascii: "@"), offset + 1 < end, source.bytes[offset + 1].isASCIILetter else {
                throw source.error(.unexpectedTextAfterDirective(directive: previous), line: line, offset: offset)
            }
            let (call, after) = try DirectiveCall.scan(source, line: line, start: offset)
            try checkNoModifier(modifier)
            let effect = try effect(of: call)
            try perform(effect, of: call, frames: &frames, modifier: &modifier)
            // Images and barcodes carry their source location: those lines are parsed each time.
            if case .block(.image) = effect { keepable = false }
            if case .block(.barcode) = effect { keepable = false }
            steps.append(DirectiveStep(name: call.name, offset: call.offset - first, effect: effect))
            previous = call.name
            offset = source.skipBlanks(after, end)
        }
        if keepable {
            source.bytes.withUnsafeBufferPointer { Self.directiveLines.keep(steps, in: $0, CollectionOfOne(first..<end), hash: hash) }
        }
    }

    /// A modifier must apply to the next line, not wait beside another directive.
    private func checkNoModifier(_ modifier: Modifier?) throws(MarkupError) {
        if let pending = modifier {
            throw source.error(.modifierWithoutTarget(
                directive: pending.call.name,
                expected: pending.call.name == "table" ? "a table row starting with '|'" : "a paragraph"),
                line: pending.call.line, offset: pending.call.offset)
        }
    }

    /// What a directive does, checked against its arguments only (not against what is open).
    private func effect(of call: DirectiveCall) throws(MarkupError) -> DirectiveEffect {
        switch call.name {
        case "keep":
            let arguments = try DirectiveArguments(call, source: source, positional: [], named: ["with"])
            let withPrevious = try arguments.keyword("with", ["previous"], expected: "previous") != nil
            return .push(.keep(withPrevious: withPrevious), name: "keep")
        case "columns":
            return .push(.columns(widths: try columnWidths(call)), name: "columns")
        case "column":
            _ = try DirectiveArguments(call, source: source, positional: [], named: [])
            return .column
        case "end":
            _ = try DirectiveArguments(call, source: source, positional: [], named: [])
            return .end
        case "table":
            let arguments = try DirectiveArguments(call, source: source, positional: [], named: ["borders"])
            let borders = try arguments.keyword("borders", ["all", "none"], expected: "all or none") ?? "all"
            return .modifier(.table(borders: borders == "all"))
        case "align":
            let arguments = try DirectiveArguments(call, source: source, positional: ["alignment"], named: [])
            guard arguments.has("alignment") else {
                throw arguments.missing("an alignment: left, center, right or justify")
            }
            let value = try arguments.keyword("alignment", ["left", "center", "right", "justify"],
                                               expected: "left, center, right or justify") ?? "left"
            return .modifier(.align(TextAlignment(rawValue: value) ?? .left))
        default:
            return .block(try DirectiveBlocks(source: source).block(for: call))
        }
    }

    /// Applies a directive's effect to the open containers (checked against them).
    private func perform(_ effect: DirectiveEffect, of call: DirectiveCall, frames: inout [Frame],
                         modifier: inout Modifier?) throws(MarkupError) {
        switch effect {
        case let .push(kind, name):
            try push(Frame(kind: kind, name: name, line: call.line, offset: call.offset), onto: &frames)
        case .column:
            guard let top = frames.last, case let .columns(widths) = top.kind else {
                throw source.error(.unexpectedCloser(directive: "column"), line: call.line, offset: call.offset)
            }
            guard top.columns.count < widths.count else {
                throw source.error(.columnCount(declared: widths.count, found: top.columns.count + 1,
                                                openedAt: source.location(line: top.line, offset: top.offset)),
                                   line: call.line, offset: call.offset)
            }
            frames[frames.count - 1].columns.append([])
        case .end:
            guard frames.count > 1, let top = frames.popLast() else {
                throw source.error(.unexpectedCloser(directive: "end"), line: call.line, offset: call.offset)
            }
            switch top.kind {
            case .keep(let withPrevious):
                frames[frames.count - 1].append(withPrevious ? .keepWithPrevious(top.columns[0])
                                                             : .keepTogether(top.columns[0]))
            case let .columns(widths):
                guard top.columns.count == widths.count else {
                    throw source.error(.columnCount(declared: widths.count, found: top.columns.count,
                                                    openedAt: source.location(line: top.line, offset: top.offset)),
                                       line: call.line, offset: call.offset)
                }
                frames[frames.count - 1].append(.columns(widths: widths, columns: top.columns))
            case .root:
                throw source.error(.unexpectedCloser(directive: "end"), line: call.line, offset: call.offset)
            }
        case .modifier(let kind):
            modifier = Modifier(kind: kind, call: call)
        case .block(let block):
            frames[frames.count - 1].append(block)
        }
    }

    private func push(_ frame: Frame, onto frames: inout [Frame]) throws(MarkupError) {
        // The root frame is not a container: 16 containers may nest.
        guard frames.count <= Self.maximumDepth else {
            throw source.error(.nestingTooDeep(limit: Self.maximumDepth), line: frame.line, offset: frame.offset)
        }
        frames.append(frame)
    }

    /// `@columns(3)`, `@columns(1fr 2fr)` or `@columns(1fr, 2fr)`: widths as fractions summing to 1.
    private func columnWidths(_ call: DirectiveCall) throws(MarkupError) -> [Double] {
        guard call.named.isEmpty else {
            let first = call.named[0]
            throw source.error(.unknownArgument(directive: "columns", argument: first.name, suggestion: nil),
                               line: call.line, offset: first.nameOffset)
        }
        guard let firstValue = call.positional.first else {
            throw source.error(.missingArgument(directive: "columns", argument: "a column count or widths such as 1fr 2fr"),
                               line: call.line, offset: call.offset)
        }
        if let shares = wholeFractions(call.positional) {
            let total = shares.reduce(0, +)
            return shares.map { $0 / total }
        }
        let words = call.positional.flatMap { value in
            source.string(value.start, value.end).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        func bad(_ word: String) -> MarkupError {
            source.error(.badArgumentValue(directive: "columns", argument: "widths", value: word,
                                           expected: "a column count from 1 to 12 or widths such as 1fr 2fr"),
                         line: call.line, offset: firstValue.start)
        }
        if words.count == 1, !words[0].hasSuffix("fr") {
            guard let count = Int(words[0]), (1...12).contains(count) else { throw bad(words[0]) }
            return Array(repeating: 1 / Double(count), count: count)
        }
        var shares: [Double] = []
        for word in words {
            let number = word.hasSuffix("fr") ? String(word.dropLast(2)) : word
            guard let share = Double(number), share.isFinite, share > 0, share <= 1000 else { throw bad(word) }
            shares.append(share)
        }
        guard (1...12).contains(shares.count) else { throw bad(words.joined(separator: " ")) }
        let total = shares.reduce(0, +)
        return shares.map { $0 / total }
    }

    /// The common form, `2fr 1fr` with whole numbers from 1 to 1000 (2 to 12 of them), read
    /// straight from the bytes; nil for anything else, which the general reader handles.
    private func wholeFractions(_ values: [DirectiveCall.Value]) -> [Double]? {
        var shares: [Double] = []
        for value in values {
            var index = value.start
            while index < value.end {
                let byte = source.bytes[index]
                if byte.isBlank {
                    index += 1
                    continue
                }
                var number = 0, digits = 0
                while index < value.end, source.bytes[index].isASCIIDigit, digits < 5 {
                    number = number * 10 + Int(source.bytes[index] - 48)
                    digits += 1
                    index += 1
                }
                guard digits > 0, (1...1000).contains(number), index + 1 < value.end,
                      source.bytes[index] == UInt8(ascii: "f"), source.bytes[index + 1] == UInt8(ascii: "r") else { return nil }
                index += 2
                guard index == value.end || source.bytes[index] == UInt8(ascii: " ") || source.bytes[index] == UInt8(ascii: "\t") else {
                    return nil
                }
                shares.append(Double(number))
            }
        }
        return (2...12).contains(shares.count) ? shares : nil
    }
}
