import Layout

/// What the page's content stream has set so far, so unchanged state is not repeated. A
/// page starts with PDF's initial graphics state: black fill and stroke, 1 pt lines, solid.
struct DrawingState {
    var inText = false
    var fill = RGBColor.black
    var stroke = RGBColor.black
    var lineWidth = 1.0
    var dash: [Double] = []
    /// Round line joins (1) rather than PDF's initial mitred ones (0): a synthetic bold's.
    var roundJoins = false
    var font: (index: Int, size: Double)?
    /// Text rendering mode 2 (fill, then stroke) rather than 0: a synthetic bold's.
    var strokesText = false
    /// Start of the current text line in hundredths of a point ((0, 0) after BT).
    var textLine = (x: 0, y: 0)
}

/// The block being drawn relative to its top edge (`DrawOp.frame`), inside "q … Q".
struct Frame {
    var top: Double
    /// The drawing state when the frame began, which "Q" restores.
    var outer: DrawingState
}

extension PagePainter {
    mutating func draw(_ op: DrawOp, on page: HaruPage, at location: (page: Int, op: Int)) throws(HaruError) {
        guard Self.isFinite(op) else {
            throw .invalidNumber(page: location.page, op: location.op)
        }
        if case .frame(let top) = op {
            try endFrame(page)
            HaruPage.appendASCII("q\n1 0 0 1 0", to: &content)
            HaruPage.appendNumber(HaruPage.hundredths(top), to: &content)
            HaruPage.appendASCII(" cm\n", to: &content)
            frame = Frame(top: top, outer: state)
            return
        }
        let op = frame.map { op.shifted(dx: 0, dy: -$0.top) } ?? op
        switch op {
        case .text(let x, let y, let fontIndex, let size, let text, let color):
            guard !text.isEmpty else { return }
            let haruFont = try font(fontIndex, at: location)
            let count: Int
            switch encodings[fontIndex].encode(text, into: &scratch) {
            case .success(let written): count = written
            case .failure(let missing):
                throw .unencodableText(font: list.fonts[fontIndex].font.postScriptName, characters: missing.scalars)
            }
            if !state.inText {
                page.beginText(content: &content)
                state.inText = true
                state.textLine = (0, 0)
            }
            try setFill(color, on: page)
            try setRendering(forFace: fontIndex, size: size, color: color, on: page)
            if state.font?.index != fontIndex || state.font?.size != size {
                if pageFontNames[fontIndex] == nil {
                    pageFontNames[fontIndex] = page.document.internals.localFontName(of: haruFont, on: page)
                }
                try page.setFont(haruFont, size: size, name: pageFontNames[fontIndex], content: &content)
                state.font = (fontIndex, size)
            }
            try page.showText(count, of: &scratch, x: x, y: y, line: &state.textLine, content: &content)
        case .fillRect(let x, let y, let width, let height, let color):
            try leaveText(page)
            try setFill(color, on: page)
            HaruPage.rectangle(x: x, y: y, width: width, height: height, stroke: false, into: &content)
        case .strokeRect(let x, let y, let width, let height, let lineWidth, let color):
            try leaveText(page)
            try setStroke(color, lineWidth: lineWidth, dash: [], on: page)
            HaruPage.rectangle(x: x, y: y, width: width, height: height, stroke: true, into: &content)
        case .line(let x1, let y1, let x2, let y2, let lineWidth, let dash, let color):
            try leaveText(page)
            try setStroke(color, lineWidth: lineWidth, dash: dash, on: page)
            HaruPage.line(from: (x1, y1), to: (x2, y2), into: &content)
        case .circle(let centerX, let centerY, let radius, let lineWidth, let dash, let color):
            try leaveText(page)
            try setStroke(color, lineWidth: lineWidth, dash: dash, on: page)
            HaruPage.circle(x: centerX, y: centerY, radius: radius, into: &content)
        case .image(let index, let x, let y, let width, let height):
            let haruImage = try image(index, at: location)
            try leaveText(page)
            try page.drawImage(haruImage, x: x, y: y, width: width, height: height, content: &content)
        case .modules(let grid):
            // In module units ("q sx 0 0 sy x y cm", then "3 0 2 1 re" per rectangle), one
            // path: a tenth of the card's compressed bytes less than four decimals a bar.
            try leaveText(page)
            try setFill(grid.color, on: page)
            HaruPage.fillModules(grid, into: &content)
        case .frame:
            break  // handled above
        }
    }

    /// Ends the current frame, if any ("Q"), and takes back the drawing state it began with.
    mutating func endFrame(_ page: HaruPage) throws(HaruError) {
        try leaveText(page)
        guard let current = frame else { return }
        HaruPage.appendASCII("Q\n", to: &content)
        state = current.outer
        frame = nil
        // "Q" brings back the font of the outer state; libharu, which measures and marks the
        // glyphs shown with what it thinks is the current font, must think so too.
        if let outer = state.font, let font = fonts[outer.index] { page.assumeFont(font, size: outer.size) }
    }

    /// Whether every number of an operation is finite (checked without building an array)
    /// and a module grid drawable, to reject NaN, infinities and absurd module counts
    /// before libharu sees them.
    static func isFinite(_ op: DrawOp) -> Bool {
        func finite(_ color: RGBColor) -> Bool { color.red.isFinite && color.green.isFinite && color.blue.isFinite }
        switch op {
        case .text(let x, let y, _, let size, _, let color):
            return x.isFinite && y.isFinite && size.isFinite && finite(color)
        case .fillRect(let x, let y, let width, let height, let color):
            return x.isFinite && y.isFinite && width.isFinite && height.isFinite && finite(color)
        case .strokeRect(let x, let y, let width, let height, let lineWidth, let color):
            return x.isFinite && y.isFinite && width.isFinite && height.isFinite && lineWidth.isFinite && finite(color)
        case .line(let x1, let y1, let x2, let y2, let lineWidth, let dash, let color):
            return x1.isFinite && y1.isFinite && x2.isFinite && y2.isFinite && lineWidth.isFinite
                && dash.allSatisfy(\.isFinite) && finite(color)
        case .circle(let x, let y, let radius, let lineWidth, let dash, let color):
            return x.isFinite && y.isFinite && radius.isFinite && lineWidth.isFinite
                && dash.allSatisfy(\.isFinite) && finite(color)
        case .image(_, let x, let y, let width, let height):
            return x.isFinite && y.isFinite && width.isFinite && height.isFinite
        case .modules(let grid):
            return grid.isDrawable
        case .frame(let top):
            return top.isFinite
        }
    }

    mutating func leaveText(_ page: HaruPage) throws(HaruError) {
        guard state.inText else { return }
        page.endText(content: &content)
        state.inText = false
    }

    private mutating func setFill(_ color: RGBColor, on page: HaruPage) throws(HaruError) {
        guard state.fill != color else { return }
        try page.setFillColor(color, content: &content)
        state.fill = color
    }

    mutating func setStroke(_ color: RGBColor, lineWidth: Double, dash: [Double], roundJoins: Bool = false,
                            on page: HaruPage) throws(HaruError) {
        if state.stroke != color {
            try page.setStrokeColor(color, content: &content)
            state.stroke = color
        }
        if state.lineWidth != lineWidth {
            try page.setLineWidth(lineWidth, content: &content)
            state.lineWidth = lineWidth
        }
        if state.dash != dash {
            try page.setDash(dash, content: &content)
            state.dash = dash
        }
        if state.roundJoins != roundJoins {
            content.append(contentsOf: (roundJoins ? "1 j\n" : "0 j\n").utf8)
            state.roundJoins = roundJoins
        }
    }
}
