import Markup

extension DisplayList {
    /// A stable, line-per-op text dump for snapshot tests: fonts with their used characters,
    /// images, and every page's ops with coordinates rounded to 0.01 pt.
    public func debugDump() -> String {
        var out = "info title=\"\(info.title)\" author=\"\(info.author)\""
        if let date = info.creationDate {
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            out += " date=\(date.year)-\(two(date.month))-\(two(date.day))"
        }
        out += "\n"
        for (index, font) in fonts.enumerated() {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: font.usedScalars)
            out += "font \(index) \(font.font.postScriptName) used=\"\(String(view))\"\n"
        }
        for (index, image) in images.enumerated() {
            out += "image \(index) \(image.pixelWidth)x\(image.pixelHeight)\n"
        }
        for (number, page) in pages.enumerated() {
            out += "page \(number + 1) \(Self.format(page.width))x\(Self.format(page.height))\n"
            for op in page.ops { out += "  " + Self.describe(op) + "\n" }
        }
        return out
    }

    static func describe(_ op: DrawOp) -> String {
        let f = format
        switch op {
        case let .text(x, y, font, size, text, color):
            return "text \(f(x)) \(f(y)) f\(font) \(f(size))\(colorName(color)) \"\(text)\""
        case let .fillRect(x, y, width, height, color):
            return "fill \(f(x)) \(f(y)) \(f(width)) \(f(height))\(colorName(color))"
        case let .strokeRect(x, y, width, height, lineWidth, color):
            return "rect \(f(x)) \(f(y)) \(f(width)) \(f(height)) lw\(f(lineWidth))\(colorName(color))"
        case let .line(x1, y1, x2, y2, lineWidth, dash, color):
            let pattern = dash.isEmpty ? "" : " dash[" + dash.map(f).joined(separator: ",") + "]"
            return "line \(f(x1)) \(f(y1)) \(f(x2)) \(f(y2)) lw\(f(lineWidth))\(pattern)\(colorName(color))"
        case let .circle(centerX, centerY, radius, lineWidth, dash, color):
            let pattern = dash.isEmpty ? "" : " dash[" + dash.map(f).joined(separator: ",") + "]"
            return "circle \(f(centerX)) \(f(centerY)) r\(f(radius)) lw\(f(lineWidth))\(pattern)\(colorName(color))"
        case let .image(index, x, y, width, height):
            return "image \(index) \(f(x)) \(f(y)) \(f(width)) \(f(height))"
        case let .modules(grid):
            let rectangles = grid.rectangles.map { "\($0.x),\($0.y),\($0.width),\($0.height)" }.joined(separator: " ")
            return "modules \(f(grid.origin.x)) \(f(grid.origin.y)) \(f(grid.module.x))x\(f(grid.module.y))"
                + "\(colorName(grid.color)) [\(rectangles)]"
        case let .frame(top):
            return "frame \(f(top))"
        }
    }

    private static func colorName(_ color: RGBColor) -> String {
        if color == .black { return "" }
        if color == .gray { return " gray" }
        return " rgb(\(format(color.red)),\(format(color.green)),\(format(color.blue)))"
    }

    /// Fixed two-decimal rendering without locale or Foundation formatting.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
