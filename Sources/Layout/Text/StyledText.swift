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
        // Room for every character up front (UTF-8 bytes bound the scalars from above, page
        // numbers add a few): the three arrays then never grow while appending.
        let capacity = Self.capacityBound(inlines)
        text.scalars.reserveCapacity(capacity)
        text.styles.reserveCapacity(capacity)
        text.advances.reserveCapacity(capacity)
        append(inlines, style: bold ? TextStyle.bold : 0, to: &text, numbers: numbers)
        return text
    }

    /// An upper bound on the characters `append` produces for `inlines`.
    private static func capacityBound(_ inlines: [Inline]) -> Int {
        var count = 0
        for inline in inlines {
            switch inline {
            case .text(let string): count += string.utf8.count
            case .bold(let inner), .italic(let inner), .underline(let inner): count += capacityBound(inner)
            case .lineBreak: count += 1
            case .pageNumber, .pageCount: count += 20
            }
        }
        return count
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
        let metrics = faces[face]
        let scale = text.size / 1000
        var string = string
        // Decodes and measures into stack buffers, then appends each buffer at once: three
        // `append` calls per character cost more than the rest of the work together.
        string.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { scalars in
                let count = Self.decodeForLayout(bytes, into: scalars)
                guard count > 0 else { return }
                let decoded = UnsafeBufferPointer(rebasing: scalars[0..<count])
                withUnsafeTemporaryAllocation(of: Points.self, capacity: count) { advances in
                    metrics.widths.withUnsafeBufferPointer { widths in
                        for offset in 0..<count {
                            let scalar = decoded[offset]
                            let value = Int(scalar.value)
                            var width = 0
                            if value < 0x10000, widths[value] >= 0 {
                                width = Int(widths[value])
                            } else {
                                recordMissing(scalar, face: face)
                            }
                            advances[offset] = Double(width) * scale
                        }
                    }
                    text.scalars.append(contentsOf: decoded)
                    text.advances.append(contentsOf: UnsafeBufferPointer(rebasing: advances[0..<count]))
                }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { styles in
                    styles.initialize(repeating: style)
                    text.styles.append(contentsOf: UnsafeBufferPointer(styles))
                }
            }
        }
    }

    /// Decodes UTF-8 (a `String`'s, so valid) into scalars as layout sees them: line feed,
    /// tab and carriage return become spaces, other control characters are dropped.
    /// Returns the number written (at most one per byte).
    private static func decodeForLayout(_ bytes: UnsafeBufferPointer<UInt8>,
                                        into scalars: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int {
        var index = 0, written = 0
        let count = bytes.count
        while index < count {
            let lead = UInt32(bytes[index])
            // Printable ASCII, most of every card, skips the decoding and mapping switches.
            if lead >= 0x20, lead < 0x7F {
                scalars[written] = Unicode.Scalar(UInt8(truncatingIfNeeded: lead))
                written += 1
                index += 1
                continue
            }
            var value: UInt32
            switch lead {
            case 0..<0x80:
                value = lead
                index += 1
            case 0xC0..<0xE0 where index + 1 < count:
                value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            case 0xE0..<0xF0 where index + 2 < count:
                value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            default:
                guard index + 3 < count else { return written }
                value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            switch value {
            case 0x0A, 0x09, 0x0D: value = 0x20
            case 0x00..<0x20, 0x7F: continue
            default: break
            }
            scalars[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
            written += 1
        }
        return written
    }
}
