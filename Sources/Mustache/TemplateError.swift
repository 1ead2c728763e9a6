import TalonPrimitives

/// An error found while loading, checking or rendering a template, or reading its data.
///
/// It prints as `file:line:col: error: message`, followed by the source line and a caret
/// under the column (see `rendered`).
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that match on it.
    public enum Kind: Sendable, Equatable {
        /// The template text is malformed (unclosed tag, bad name, bad delimiters...).
        case syntax
        /// A section, parent or block was opened and never closed.
        case unclosedSection(String)
        /// A closing tag does not match the open section.
        case mismatchedClose(expected: String?, found: String)
        /// A formatter name is not in the template's `FormatterSet`.
        case unknownFormatter(String)
        /// A formatter was given the wrong arguments (at load time) or bad input (at render time).
        case formatter(String)
        /// A partial or parent template does not exist in any template directory.
        case missingPartial(String)
        /// A partial name leaves the template directories (`..`, absolute path, symlink out).
        case partialOutsideDirectories(String)
        /// A template file could not be read.
        case unreadable(String)
        /// Partials or parents nest deeper than the render limit (usually endless recursion).
        case recursionLimit
        /// Strict mode: values that were missing; `details` holds one error per value.
        case missingValues([String])
        /// Template data (JSON) is malformed.
        case invalidData
    }

    public var kind: Kind
    public var location: SourceLocation
    /// What was expected, in words.
    public var message: String
    /// The source line at `location`, when known (shown with a caret).
    public var sourceLine: String?
    /// Further errors this one stands for (strict mode lists every missing value).
    public var details: [TemplateError]

    public init(kind: Kind, location: SourceLocation, message: String, sourceLine: String? = nil,
                details: [TemplateError] = []) {
        self.kind = kind
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.details = details
    }

    /// One line: `file:line:col: error: message`.
    public var summary: String { "\(location): error: \(message)" }

    /// The summary, the source line and a caret under the column; for an error that stands
    /// for several (strict mode), each detail follows in the same form.
    public var rendered: String {
        var lines = [summary]
        if let sourceLine {
            lines.append(sourceLine)
            let prefix = sourceLine.prefix(max(0, location.column - 1))
            // Keep tabs so the caret lines up in a terminal.
            let pad = prefix.map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append(pad + "^")
        }
        for detail in details { lines.append(detail.rendered) }
        return lines.joined(separator: "\n")
    }

    public var description: String { rendered }
}

extension LineTable {
    /// An error located at a byte offset, carrying the source line for display.
    func error(_ kind: TemplateError.Kind, at offset: Int, _ message: String) -> TemplateError {
        let location = location(of: offset)
        return TemplateError(kind: kind, location: location, message: message,
                             sourceLine: lineText(location.line))
    }
}
