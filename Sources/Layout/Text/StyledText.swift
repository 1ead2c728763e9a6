import Markup

/// Style bits of one character of `StyledText`. The low two bits select the face
/// (0 regular, 1 bold, 2 italic, 3 bold italic).
struct TextStyle: Equatable {
    var bits: UInt8
    static let bold: UInt8 = 1, italic: UInt8 = 2, underline: UInt8 = 4
    static let pageNumber: UInt8 = 8, pageCount: UInt8 = 16, forcedBreak: UInt8 = 32
    var face: Int { Int(bits & 3) }
}

/// Inline content flattened into parallel arrays, one entry per character, with its
/// face and its advance in points — what the line breaker walks without making strings.
struct StyledText {
    var scalars: [Unicode.Scalar] = []
    var styles: [UInt8] = []
    var advances: [Points] = []
    var size: Points
    var color: RGBColor = .black

    init(size: Points) { self.size = size }

    var count: Int { scalars.count }
    var isEmpty: Bool { scalars.isEmpty }
}

/// Actual numbers for `Inline.pageNumber` / `.pageCount` (running header and footer);
/// without them the body gets fixed-width placeholders filled after pagination.
struct PageNumbers {
    var page: Int
    var count: Int
}

/// Placeholder text in a text op, replaced once the page number and count are known.
enum PagePlaceholder {
    static let page = "\u{1}P"
    static let count = "\u{1}C"
    static let digits = 3
}

extension LayoutSession {
    /// Flattens inlines at a size; `bold` makes the base style bold (headings, table headers).
    func styledText(_ inlines: [Inline], size: Points, bold: Bool = false, color: RGBColor = .black,
                    numbers: PageNumbers? = nil) -> StyledText {
        var text = StyledText(size: size)
        text.color = color
        append(inlines, style: bold ? TextStyle.bold : 0, to: &text, numbers: numbers)
        return text
    }

    private func append(_ inlines: [Inline], style: UInt8, to text: inout StyledText, numbers: PageNumbers?) {
        for inline in inlines {
            switch inline {
            case .text(let string):
                appendString(string, style: style, to: &text)
            case .bold(let inner):
                append(inner, style: style | TextStyle.bold, to: &text, numbers: numbers)
            case .italic(let inner):
                append(inner, style: style | TextStyle.italic, to: &text, numbers: numbers)
            case .underline(let inner):
                append(inner, style: style | TextStyle.underline, to: &text, numbers: numbers)
            case .lineBreak:
                text.scalars.append("\u{2028}")
                text.styles.append(style | TextStyle.forcedBreak)
                text.advances.append(0)
            case .pageNumber, .pageCount:
                let isPage = inline == .pageNumber
                if let numbers {
                    appendString(String(isPage ? numbers.page : numbers.count), style: style, to: &text)
                } else {
                    usesPlaceholders = true
                    let metrics = faces[Int(style & 3)]
                    text.scalars.append("0")
                    text.styles.append(style | (isPage ? TextStyle.pageNumber : TextStyle.pageCount))
                    text.advances.append(Double(metrics.widestDigit * PagePlaceholder.digits) * text.size / 1000)
                }
            }
        }
    }

    func appendString(_ string: String, style: UInt8, to text: inout StyledText) {
        let face = Int(style & 3)
        let widths = faces[face].widths
        let scale = text.size / 1000
        for var scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09, 0x0D: scalar = " "
            case 0x00..<0x20, 0x7F: continue
            default: break
            }
            let value = Int(scalar.value)
            var width = 0
            if value < 0x10000, widths[value] >= 0 {
                width = Int(widths[value])
            } else {
                recordMissing(scalar, face: face)
            }
            text.scalars.append(scalar)
            text.styles.append(style)
            text.advances.append(Double(width) * scale)
        }
    }
}
