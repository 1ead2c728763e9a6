extension MarkupError.Kind {
    /// The user-facing text of the error: what was expected, and what was found.
    public var message: String {
        switch self {
        case let .unknownDirective(name, suggestion):
            return "unknown directive '@\(name)'"
                + (suggestion == nil ? "; write \\@ for a literal @" : hint(suggestion, prefix: "@"))
        case let .blockDirectiveInText(name):
            return "'@\(name)' is a block directive; put it at the start of its own line"
        case let .misplacedDirective(name, expected):
            return "'@\(name)' is not allowed here; \(expected)"
        case let .unclosedBlock(directive, openedAt):
            return "expected '@end' to close '@\(directive)' opened at \(openedAt.line):\(openedAt.column)"
                + " before the end of the file"
        case let .unexpectedCloser(directive):
            return directive == "end"
                ? "'@end' without an open '@keep' or '@columns'"
                : "'@column' outside '@columns'"
        case let .columnCount(declared, found, openedAt):
            return "'@columns' at \(openedAt.line):\(openedAt.column) declares \(declared) column"
                + (declared == 1 ? "" : "s") + " but \(found) " + (found == 1 ? "is" : "are") + " given"
        case let .nestingTooDeep(limit):
            return "blocks are nested more than \(limit) levels deep"
        case let .modifierWithoutTarget(directive, expected):
            return "expected \(expected) on the line after '@\(directive)'"
        case let .badLength(text):
            return "expected a length such as 10mm, 1.5cm, 12pt or 0.5in, found '\(text)'"
        case let .badPageSize(text):
            return "expected a page size (A4, A5, A6, Letter, Legal or WIDTH x HEIGHT such as 100mm x 150mm),"
                + " found '\(text)'"
        case let .unknownFrontMatterKey(key, suggestion):
            return "unknown front matter key '\(key)'" + hint(suggestion, prefix: "")
        case let .duplicateFrontMatterKey(key):
            return "front matter key '\(key)' is given twice"
        case let .badFrontMatterValue(key, value, expected):
            return "expected \(expected) for '\(key)', found '\(value)'"
        case .badFrontMatterLine:
            return "expected 'key: value' or '---' to end the front matter"
        case .unclosedFrontMatter:
            return "expected '---' to close the front matter opened on line 1"
        case let .headingTooDeep(level):
            return "headings have levels 1 to 3 (# to ###), found level \(level)"
        case let .tooManyCells(found, columns):
            return "table row has \(found) cells but the table has \(columns) column" + (columns == 1 ? "" : "s")
        case let .badSeparatorCell(text):
            return "expected a separator cell such as ---, :---:, ---: followed by an optional width"
                + " (30mm, auto, 2fr), found '\(text)'"
        case .secondSeparatorRow:
            return "a table has at most one separator row"
        case let .badSpan(text, columns):
            return "expected '@span(N)' with N from 1 to \(columns), found '\(text)'"
        case .unterminatedString:
            return "unterminated quoted string: expected '\"' before the end of the line"
        case let .unclosedArguments(directive):
            return "expected ')' to close the arguments of '@\(directive)'"
        case let .expectedArgumentSeparator(directive):
            return "expected ',' or ')' after a quoted argument of '@\(directive)'"
        case let .unknownSymbology(name, suggestion):
            return "expected a barcode symbology (code128, qr or ean13), found '\(name)'" + hint(suggestion, prefix: "")
        case let .missingArgument(directive, argument):
            return "'@\(directive)' needs \(argument)"
        case let .unknownArgument(directive, argument, suggestion):
            return "'@\(directive)' has no argument '\(argument)'" + hint(suggestion, prefix: "")
        case let .duplicateArgument(directive, argument):
            return "argument '\(argument)' of '@\(directive)' is given twice"
        case let .tooManyArguments(directive, maximum):
            return "'@\(directive)' takes at most \(maximum) positional argument" + (maximum == 1 ? "" : "s")
        case let .badArgumentValue(directive, argument, value, expected):
            return "expected \(expected) for '\(argument)' of '@\(directive)', found '\(value)'"
        case let .plainTextExpected(context):
            return "expected plain text in \(context); formatting and @page/@pages are not allowed"
                + " (escape * and _ with a backslash)"
        case let .unexpectedTextAfterDirective(directive):
            return "expected another @directive or the end of the line after '@\(directive)'"
        }
    }

    private func hint(_ suggestion: String?, prefix: String) -> String {
        guard let suggestion else { return "" }
        return "; did you mean '\(prefix)\(suggestion)'?"
    }
}
