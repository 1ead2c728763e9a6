internal import CHaru
import Layout

/// Path and text-position operators written straight into the page's content stream.
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

    /// `value` as written in a content stream, after a space.
    static func number(_ value: Double) -> [UInt8] {
        var bytes: [UInt8] = [0x20]
        appendNumber(hundredths(value), to: &bytes)
        return bytes
    }

    /// Numbers followed by an operator and a line break.
    static func operation(_ numbers: [Double], _ op: String, into bytes: inout [UInt8]) {
        for number in numbers { appendNumber(hundredths(number), to: &bytes) }
        bytes.append(0x20)
        bytes.append(contentsOf: op.utf8)
        bytes.append(0x0A)
    }

    static let filledRectangle = Array(" re\nf\n".utf8)
    static let strokedRectangle = Array(" re\nS\n".utf8)

    func write(_ bytes: [UInt8]) throws(HaruError) {
        try document.internals.write(bytes, toContentsOf: self)
    }

    /// A filled (`stroke` false) or stroked rectangle.
    func rectangle(x: Double, y: Double, width: Double, height: Double, stroke: Bool) throws(HaruError) {
        // One small buffer per bar (barcodes draw a hundred): no array of numbers.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        Self.appendNumber(Self.hundredths(x), to: &bytes)
        Self.appendNumber(Self.hundredths(y), to: &bytes)
        Self.appendNumber(Self.hundredths(width), to: &bytes)
        Self.appendNumber(Self.hundredths(height), to: &bytes)
        bytes.append(contentsOf: stroke ? Self.strokedRectangle : Self.filledRectangle)
        try write(bytes)
    }

    /// The rectangles of `grid` filled as one path, in a coordinate system of its modules.
    func fillModules(_ grid: ModuleGrid) throws(HaruError) {
        var bytes = Array("q\n".utf8)
        bytes.reserveCapacity(64 + grid.rectangles.count * 12)
        Self.appendDecimal(grid.module.x, to: &bytes)
        bytes.append(contentsOf: " 0 0".utf8)
        Self.appendDecimal(grid.module.y, to: &bytes)
        Self.appendNumber(Self.hundredths(grid.origin.x), to: &bytes)
        Self.appendNumber(Self.hundredths(grid.origin.y), to: &bytes)
        bytes.append(contentsOf: " cm\n".utf8)
        for rectangle in grid.rectangles {
            for value in [rectangle.x, rectangle.y, rectangle.width, rectangle.height] {
                Self.appendNumber(value * 100, to: &bytes)
            }
            bytes.append(contentsOf: " re\n".utf8)
        }
        bytes.append(contentsOf: "f\nQ\n".utf8)
        try write(bytes)
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
    func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double)) throws(HaruError) {
        var bytes: [UInt8] = []
        Self.operation([start.x, start.y], "m", into: &bytes)
        Self.operation([end.x, end.y], "l", into: &bytes)
        bytes.append(contentsOf: "S\n".utf8)
        try write(bytes)
    }

    /// A stroked circle of four Bézier arcs, with libharu's control-point factor (0.552).
    func circle(x: Double, y: Double, radius: Double) throws(HaruError) {
        let k = radius * 0.552
        var bytes: [UInt8] = []
        Self.operation([x - radius, y], "m", into: &bytes)
        Self.operation([x - radius, y + k, x - k, y + radius, x, y + radius], "c", into: &bytes)
        Self.operation([x + k, y + radius, x + radius, y + k, x + radius, y], "c", into: &bytes)
        Self.operation([x + radius, y - k, x + k, y - radius, x, y - radius], "c", into: &bytes)
        Self.operation([x - k, y - radius, x - radius, y - k, x - radius, y], "c", into: &bytes)
        // Closed ("s", not "S"), so a wide line has no seam where the path starts and ends.
        bytes.append(contentsOf: "s\n".utf8)
        try write(bytes)
    }

    /// Moves to (x, y) and shows already encoded text (single-byte codes or UTF-8, no NUL).
    /// `line` is the start of the current text line in hundredths ((0, 0) after BT).
    func showText(_ encoded: [UInt8], x: Double, y: Double, line: inout (x: Int, y: Int)) throws(HaruError) {
        let target = (x: Self.hundredths(x), y: Self.hundredths(y))
        if target != line {
            var bytes: [UInt8] = []
            Self.appendNumber(target.x - line.x, to: &bytes)
            Self.appendNumber(target.y - line.y, to: &bytes)
            bytes.append(contentsOf: " Td\n".utf8)
            try write(bytes)
            line = target
            document.internals.setTextPosition(of: self, x: Float(target.x) / 100, y: Float(target.y) / 100)
        }
        var terminated = encoded
        terminated.append(0)
        let status = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { HPDF_Page_ShowText(handle, $0.baseAddress) }
        }
        try document.check(status, "HPDF_Page_ShowText")
    }
}
