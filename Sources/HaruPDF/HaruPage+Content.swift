internal import CHaru
import Layout

/// Path, text and state operators HaruPDF writes itself: appended to the page's content
/// bytes, which the painter hands libharu's content stream in one piece (`write`) before a
/// libharu call that writes there too and at the end of the page.
///
/// libharu formats every number with up to five decimals of a 32-bit float ("595.28003",
/// "28.34646"), and a float cannot hold most two-decimal values. These operators round
/// to 1/100 pt (0.0035 mm, far below any printer's dot) and print exact decimals, which
/// makes the card's content streams about a tenth smaller. Paths are built and painted in
/// one go, so libharu's graphics mode stays "page description"; after a text move the
/// page's text matrix is updated as `HPDF_Page_MoveTextPos` would, so libharu's own text
/// calls keep working (`HaruInternals+Page.swift`).
extension HaruPage {
    /// `value` in hundredths, rounded; clamped far beyond any page (PDF limits reals to
    /// about ±32,767 anyway).
    static func hundredths(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        return Int(min(max((value * 100).rounded(), -1e12), 1e12))
    }

    /// Appends `hundredths / 100` as the shortest decimal ("12", "12.5", "-0.05").
    static func appendNumber(_ hundredths: Int, to bytes: inout [UInt8]) {
        if bytes.last.map({ $0 != 0x0A && $0 != 0x20 }) ?? false { bytes.append(0x20) }
        var magnitude = hundredths.magnitude
        if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
        let whole = magnitude / 100
        magnitude %= 100
        var power: UInt = 1
        while power <= whole / 10 { power *= 10 }
        var rest = whole
        while power > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / power))
            rest %= power
            power /= 10
        }
        guard magnitude > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(magnitude / 10))
        if magnitude % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10)) }
    }

    /// The coordinates of a point, in hundredths.
    static func appendPoint(_ x: Double, _ y: Double, to bytes: inout [UInt8]) {
        appendNumber(hundredths(x), to: &bytes)
        appendNumber(hundredths(y), to: &bytes)
    }

    /// A few bytes of ASCII (an operator and what surrounds it: " Td\n"), a byte at a time:
    /// cheaper than `append(contentsOf:)`, which costs some 90 instructions a call.
    static func appendASCII(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { for byte in $0 { bytes.append(byte) } }
    }

    static let filledRectangle = Array(" re\nf\n".utf8)
    static let strokedRectangle = Array(" re\nS\n".utf8)

    func write(_ bytes: [UInt8]) throws(HaruError) {
        try document.internals.write(bytes, toContentsOf: self)
    }

    /// A filled (`stroke` false) or stroked rectangle.
    static func rectangle(x: Double, y: Double, width: Double, height: Double, stroke: Bool,
                          into bytes: inout [UInt8]) {
        Self.appendNumber(Self.hundredths(x), to: &bytes)
        Self.appendNumber(Self.hundredths(y), to: &bytes)
        Self.appendNumber(Self.hundredths(width), to: &bytes)
        Self.appendNumber(Self.hundredths(height), to: &bytes)
        bytes.append(contentsOf: stroke ? Self.strokedRectangle : Self.filledRectangle)
    }

    /// The rectangles of `grid` filled as one path, in a coordinate system of its modules.
    static func fillModules(_ grid: ModuleGrid, into bytes: inout [UInt8]) {
        Self.appendASCII("q\n", to: &bytes)
        bytes.reserveCapacity(bytes.count + 64 + grid.rectangles.count * 12)
        Self.appendDecimal(grid.module.x, to: &bytes)
        Self.appendASCII(" 0 0", to: &bytes)
        Self.appendDecimal(grid.module.y, to: &bytes)
        Self.appendNumber(Self.hundredths(grid.origin.x), to: &bytes)
        Self.appendNumber(Self.hundredths(grid.origin.y), to: &bytes)
        Self.appendASCII(" cm\n", to: &bytes)
        for rectangle in grid.rectangles {
            for value in [rectangle.x, rectangle.y, rectangle.width, rectangle.height] {
                Self.appendNumber(value * 100, to: &bytes)
            }
            Self.appendASCII(" re\n", to: &bytes)
        }
        Self.appendASCII("f\nQ\n", to: &bytes)
    }

    /// Appends a positive size with up to five decimals ("0.85039", "28.34646", "2").
    static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) {
        let scaled = Int(min(max((value * 100_000).rounded(), 0), 1e12))
        if bytes.last.map({ $0 != 0x0A && $0 != 0x20 }) ?? false { bytes.append(0x20) }
        bytes += String(scaled / 100_000).utf8
        guard scaled % 100_000 > 0 else { return }
        var digits = Array(String(scaled % 100_000).utf8)
        digits.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "0"), count: 5 - digits.count), at: 0)
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        bytes.append(UInt8(ascii: "."))
        bytes += digits
    }

    /// Makes libharu's graphics state hold `font` at `size`, as the content stream's does
    /// after a "Q".
    func assumeFont(_ font: HaruFont, size: Double) {
        document.internals.setFont(of: self, to: font, size: size)
    }

    /// A stroked straight line.
    static func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), into bytes: inout [UInt8]) {
        appendPoint(start.x, start.y, to: &bytes)
        appendASCII(" m\n", to: &bytes)
        appendPoint(end.x, end.y, to: &bytes)
        appendASCII(" l\n", to: &bytes)
        Self.appendASCII("S\n", to: &bytes)
    }

    /// A stroked circle of four Bézier arcs, with libharu's control-point factor (0.552).
    static func circle(x: Double, y: Double, radius: Double, into bytes: inout [UInt8]) {
        let k = radius * 0.552
        appendPoint(x - radius, y, to: &bytes)
        appendASCII(" m\n", to: &bytes)
        let arcs = [(x - radius, y + k, x - k, y + radius, x, y + radius),
                    (x + k, y + radius, x + radius, y + k, x + radius, y),
                    (x + radius, y - k, x + k, y - radius, x, y - radius),
                    (x - k, y - radius, x - radius, y - k, x - radius, y)]
        for arc in arcs {
            appendPoint(arc.0, arc.1, to: &bytes)
            appendPoint(arc.2, arc.3, to: &bytes)
            appendPoint(arc.4, arc.5, to: &bytes)
            appendASCII(" c\n", to: &bytes)
        }
        // Closed ("s", not "S"), so a wide line has no seam where the path starts and ends.
        Self.appendASCII("s\n", to: &bytes)
    }

    /// Moves to (x, y) and shows already encoded text: the first `count` bytes of `scratch`
    /// (single-byte codes or UTF-8, no NUL), whose storage after them it uses too.
    /// `line` is the start of the current text line in hundredths ((0, 0) after BT).
    ///
    /// Single-byte text is measured and marked drawn as `HPDF_Page_ShowText` would
    /// (`HaruInternals.measure`) and written as it writes it: a literal string with libharu's
    /// escapes, nothing when its advance is 0. Other text goes through that call, after the
    /// bytes so far (`content`) are written.
    func showText(_ count: Int, of scratch: inout [UInt8], x: Double, y: Double, line: inout (x: Int, y: Int),
                  content: inout [UInt8]) throws(HaruError) {
        let target = (x: Self.hundredths(x), y: Self.hundredths(y))
        if target != line {
            Self.appendNumber(target.x - line.x, to: &content)
            Self.appendNumber(target.y - line.y, to: &content)
            Self.appendASCII(" Td\n", to: &content)
            line = target
            document.internals.setTextPosition(of: self, x: Float(target.x) / 100, y: Float(target.y) / 100)
        }
        let internals = document.internals
        let advance = scratch.withUnsafeBufferPointer { internals.measure(UnsafeBufferPointer(rebasing: $0[..<count]), on: self) }
        guard let advance else {
            try write(content)
            content.removeAll(keepingCapacity: true)
            var terminated = Array(scratch[..<count])
            terminated.append(0)
            let status = terminated.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { HPDF_Page_ShowText(handle, $0.baseAddress) }
            }
            try document.check(status, "HPDF_Page_ShowText")
            return
        }
        guard advance != 0 else { return }
        Self.appendLiteral(count, of: &scratch, to: &content)
        Self.appendASCII(" Tj\n", to: &content)
        internals.advanceText(of: self, by: advance)
    }

    /// Appends the first `count` bytes of `scratch` as a literal string the way libharu writes
    /// one: in parentheses, each byte `CompactEncoding.needsEscape` names as a backslash and
    /// three octal digits. The string is built in `scratch` after them, then copied in one go.
    static func appendLiteral(_ count: Int, of scratch: inout [UInt8], to content: inout [UInt8]) {
        TextEncoding.reserve(count + count * 4 + 2, in: &scratch)
        let end = scratch.withUnsafeMutableBufferPointer { buffer in
            CompactEncoding.escapes.withUnsafeBufferPointer { escapes in
                var index = count
                buffer[index] = UInt8(ascii: "(")
                index += 1
                for position in 0..<count {
                    let byte = buffer[position]
                    if escapes[Int(byte)] {
                        buffer[index] = UInt8(ascii: "\\")
                        buffer[index + 1] = 0x30 + byte >> 6
                        buffer[index + 2] = 0x30 + (byte >> 3) & 0x07
                        buffer[index + 3] = 0x30 + byte & 0x07
                        index += 4
                    } else {
                        buffer[index] = byte
                        index += 1
                    }
                }
                buffer[index] = UInt8(ascii: ")")
                return index + 1
            }
        }
        content.append(contentsOf: scratch[count..<end])
    }

    /// Appends `r g b` and `op` ("rg", "RG") as libharu's colour operators write them; false
    /// (nothing appended) for a component outside 0...1, which libharu refuses.
    static func appendColor(_ color: RGBColor, _ op: StaticString, to content: inout [UInt8]) -> Bool {
        let components = (Float(color.red), Float(color.green), Float(color.blue))
        guard (0...1).contains(components.0), (0...1).contains(components.1), (0...1).contains(components.2) else {
            return false
        }
        HaruInternals.appendReal(components.0, to: &content)
        content.append(0x20)
        HaruInternals.appendReal(components.1, to: &content)
        content.append(0x20)
        HaruInternals.appendReal(components.2, to: &content)
        content.append(0x20)
        appendASCII(op, to: &content)
        content.append(0x0A)
        return true
    }
}
