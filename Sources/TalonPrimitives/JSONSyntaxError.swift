/// Why `JSONReader` stopped, and where: the byte offset it had reached and the path of the
/// array or object it was reading. Each reader of documents words it in its own messages.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    package enum Reason: Sendable, Equatable {
        /// No value where one must start; `atEnd` when the text ended there.
        case expectedValue(atEnd: Bool)
        /// Arrays and objects nest deeper than `JSONReader.maximumDepth`.
        case tooDeep
        /// An object member does not start with a quoted key.
        case expectedKey
        /// `,` right before the closing `}` or `]`.
        case trailingComma(inObject: Bool)
        case expectedColon
        /// Neither `,` nor the closing bracket after a member or item.
        case expectedCommaOrClose(inObject: Bool)
        /// One key twice in an object (`path` ends at the object).
        case duplicateKey(String)
        /// No digit after `-`.
        case expectedDigit
        /// `01`: the offset is the zero's.
        case leadingZero
        case expectedFractionDigit
        case expectedExponentDigit
        /// The reader's `acceptsNumber` refused the number that starts at the offset.
        case numberOutOfRange
        /// The text ended inside the string that opens at `start`.
        case unclosedString(start: Int)
        /// A byte below U+0020 inside a string.
        case controlCharacter
        /// A string's bytes are not UTF-8.
        case notUTF8
        /// `\x` with an unknown `x`; `backslash` is the offset of the backslash.
        case unknownEscape(UInt8, backslash: Int)
        /// Not four hexadecimal digits after the `\u` that ends at `start`.
        case expectedHexDigits(start: Int)
        /// A high surrogate not followed by a `\u` escape.
        case missingLowSurrogate
        /// A high surrogate followed by an escape that is not a low surrogate.
        case invalidLowSurrogate
        /// A low surrogate on its own.
        case loneLowSurrogate
        /// Something other than white space after the document's value.
        case textAfterValue
    }

    /// One step of the path: an object's key or an array's index.
    package enum PathComponent: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    package var reason: Reason
    /// Byte offset in the text (after a byte order mark, counted from the text's start).
    package var offset: Int
    /// Where in the document the reader was: the keys and indexes down to the value being read.
    package var path: [PathComponent]

    package init(reason: Reason, offset: Int, path: [PathComponent]) {
        self.reason = reason
        self.offset = offset
        self.path = path
    }
}
