/// Makes arbitrary text safe to insert into markup: the result parses back to exactly the
/// same text wherever text is allowed (paragraph, table cell, directive argument), so customer
/// data can never add structure.
public enum MarkupEscaper {
    /// Backslash before every ASCII punctuation character, `@br()` for each line feed, carriage
    /// returns dropped. Blanks at the very start or end of a line, cell or bare argument are still
    /// trimmed by the parser; inside a quoted argument they are kept.
    public static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCIIPunctuation {
                result.append("\\")
                result.append(scalar)
            } else if scalar == "\n" {
                result.append(contentsOf: "@br()".unicodeScalars)
            } else if scalar != "\r" {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
