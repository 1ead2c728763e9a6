/// Lengths and page sizes written in markup, converted to points (1/72 inch).
public enum Length {
    /// Points in one unit: `pt` (and a bare number), `mm`, `cm`, `in`.
    static let units: [String: Double] = ["pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72]

    /// Named page sizes in points, portrait.
    public static let pageSizes: [(name: String, width: Points, height: Points)] = [
        ("A4", 595.28, 841.89), ("A5", 419.53, 595.28), ("A6", 297.64, 419.53),
        ("Letter", 612, 792), ("Legal", 612, 1008),
    ]

    /// `12`, `12pt`, `4.5mm`, `1cm`, `0.5in` (a space before the unit is allowed) in points;
    /// nil when the text is not a non-negative length.
    public static func points(_ text: String) -> Points? {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0, end = bytes.count
            while index < end, bytes[index].isBlank { index += 1 }
            while end > index, bytes[end - 1].isBlank { end -= 1 }
            let numberStart = index
            var digits = 0, dots = 0
            while index < end, bytes[index].isASCIIDigit || bytes[index] == UInt8(ascii: ".") {
                if bytes[index] == UInt8(ascii: ".") { dots += 1 } else { digits += 1 }
                index += 1
            }
            guard digits > 0, dots <= 1, digits <= 12,
                  let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[numberStart..<index]), as: UTF8.self)),
                  value.isFinite else { return nil }
            while index < end, bytes[index].isBlank { index += 1 }
            if index == end { return value }
            let unit = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            guard let factor = units[unit.lowercased()] else { return nil }
            return value * factor
        }
    }

    /// A page size: a name from `pageSizes` (any letter case) or `WIDTH x HEIGHT` with lengths.
    public static func pageSize(_ text: String) -> (width: Points, height: Points)? {
        let trimmed = text.trimmingBlanks()
        for size in pageSizes where size.name.lowercased() == trimmed.lowercased() {
            return (size.width, size.height)
        }
        let parts = trimmed.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = points(String(parts[0])), let height = points(String(parts[1])),
              width > 0, height > 0, width <= 14_400, height <= 14_400 else { return nil }
        return (width, height)
    }

    /// One to four lengths separated by spaces, expanded in CSS order to top, right, bottom, left.
    public static func margins(_ text: String) -> (top: Points, right: Points, bottom: Points, left: Points)? {
        let values = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { points(String($0)) }
        guard (1...4).contains(values.count) else { return nil }
        var lengths: [Points] = []
        for value in values {
            guard let value else { return nil }
            lengths.append(value)
        }
        switch lengths.count {
        case 1: return (lengths[0], lengths[0], lengths[0], lengths[0])
        case 2: return (lengths[0], lengths[1], lengths[0], lengths[1])
        case 3: return (lengths[0], lengths[1], lengths[2], lengths[1])
        default: return (lengths[0], lengths[1], lengths[2], lengths[3])
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlank }),
              let last = scalars.lastIndex(where: { !$0.isBlank }) else { return "" }
        return String(scalars[first...last])
    }
}
