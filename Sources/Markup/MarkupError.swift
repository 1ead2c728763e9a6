import TalonPrimitives

/// An error in markup text: what was wrong, where, and the source line it was found on.
/// Prints as `file:line:col: error: message`, then the line and a caret under the column.
public struct MarkupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong; callers can match on it.
    public enum Kind: Sendable, Equatable {
        /// `@name` that is not a directive; `suggestion` is the nearest known name.
        case unknownDirective(name: String, suggestion: String?)
        /// A block directive (`@field`, …) used inside text.
        case blockDirectiveInText(name: String)
        /// An inline directive (`@span`) used where it does not belong.
        case misplacedDirective(name: String, expected: String)
        /// `@keep` / `@columns` without its `@end`.
        case unclosedBlock(directive: String, openedAt: SourceLocation)
        /// `@end` or `@column` with nothing open to end.
        case unexpectedCloser(directive: String)
        /// `@columns` whose number of columns does not match its widths.
        case columnCount(declared: Int, found: Int, openedAt: SourceLocation)
        /// Blocks nested deeper than the parser allows.
        case nestingTooDeep(limit: Int)
        /// `@table` / `@align` not followed by what it applies to.
        case modifierWithoutTarget(directive: String, expected: String)
        case badLength(String)
        case badPageSize(String)
        case unknownFrontMatterKey(key: String, suggestion: String?)
        case duplicateFrontMatterKey(String)
        case badFrontMatterValue(key: String, value: String, expected: String)
        case badFrontMatterLine
        case unclosedFrontMatter
        case headingTooDeep(level: Int)
        case tooManyCells(found: Int, columns: Int)
        case badSeparatorCell(String)
        case secondSeparatorRow
        case badSpan(String, columns: Int)
        case unterminatedString
        case unclosedArguments(directive: String)
        case expectedArgumentSeparator(directive: String)
        case unknownSymbology(name: String, suggestion: String?)
        case missingArgument(directive: String, argument: String)
        case unknownArgument(directive: String, argument: String, suggestion: String?)
        case duplicateArgument(directive: String, argument: String)
        case tooManyArguments(directive: String, maximum: Int)
        case badArgumentValue(directive: String, argument: String, value: String, expected: String)
        /// Formatting or page numbers where only plain text is allowed (barcode data, title, …).
        case plainTextExpected(context: String)
        case unexpectedTextAfterDirective(directive: String)
    }

    public var kind: Kind
    public var location: SourceLocation
    /// The full text of the line the error is on (without its line feed).
    public var sourceLine: String

    public init(_ kind: Kind, at location: SourceLocation, sourceLine: String) {
        self.kind = kind
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The message alone, without location or source line.
    public var message: String { kind.message }

    public var description: String {
        var caret = ""
        var column = 1
        for scalar in sourceLine.unicodeScalars where column < location.column {
            caret.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            column += 1
        }
        caret += "^"
        return "\(location): error: \(message)\n\(sourceLine)\n\(caret)"
    }
}
