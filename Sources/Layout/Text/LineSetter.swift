import Markup

extension LayoutSession {
    /// Draws one line: runs of one face become one text op (one op per word when the line
    /// is justified), underlined runs get a line under them.
    func setLine(_ line: TextLine, of text: StyledText, alignment: TextAlignment, x: Points, width: Points,
                 baseline: Points, into ops: inout [DrawOp]) {
        let range = line.range
        guard !range.isEmpty else { return }
        var start = x
        var spaceStretch: Points = 0
        switch alignment {
        case .left: break
        case .center: start += max(0, (width - line.width) / 2)
        case .right: start += max(0, width - line.width)
        case .justify:
            if !line.endsParagraph {
                var spaces = 0
                for index in range where text.scalars[index] == " " { spaces += 1 }
                if spaces > 0 { spaceStretch = max(0, width - line.width) / Double(spaces) }
            }
        }
        let justified = spaceStretch > 0
        var runStart = range.lowerBound
        var runX = start
        var cursor = start
        var index = range.lowerBound
        while index <= range.upperBound {
            let atEnd = index == range.upperBound
            let breaksRun = atEnd
                || text.styles[index] != text.styles[runStart]
                || (justified && text.scalars[index] == " ")
                || text.styles[index] & (TextStyle.pageNumber | TextStyle.pageCount) != 0
                || text.styles[runStart] & (TextStyle.pageNumber | TextStyle.pageCount) != 0
            if breaksRun && index > runStart {
                emitRun(text, runStart..<index, x: runX, baseline: baseline, into: &ops)
                runStart = index
                runX = cursor
            }
            if atEnd { break }
            cursor += text.advances[index]
            if justified && text.scalars[index] == " " {
                cursor += spaceStretch
                runStart = index + 1
                runX = cursor
            }
            index += 1
        }
    }

    private func emitRun(_ text: StyledText, _ range: Range<Int>, x: Points, baseline: Points,
                         into ops: inout [DrawOp]) {
        let style = text.styles[range.lowerBound]
        let face = Int(style & 3)
        if style & (TextStyle.pageNumber | TextStyle.pageCount) != 0 {
            // Digits are drawn later in place of the placeholder; record them as used now.
            let digits: [Unicode.Scalar] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
            let op = textOp(digits[...], face: face, size: text.size, x: x, y: baseline, color: text.color)
            if case let .text(x, y, font, size, _, color) = op {
                let marker = style & TextStyle.pageNumber != 0 ? PagePlaceholder.page : PagePlaceholder.count
                ops.append(.text(x: x, y: y, font: font, size: size, text: marker, color: color))
            }
        } else {
            ops.append(textOp(text.scalars[range], face: face, size: text.size, x: x, y: baseline,
                              color: text.color))
        }
        if style & TextStyle.underline != 0 {
            var end = range.upperBound
            while end > range.lowerBound && text.scalars[end - 1] == " " { end -= 1 }
            var width: Points = 0
            for index in range.lowerBound..<end { width += text.advances[index] }
            let y = baseline + text.size * 0.1
            ops.append(.line(x1: x, y1: y, x2: x + width, y2: y,
                             lineWidth: text.size * 0.05, dash: [], color: text.color))
        }
    }

    /// Lays out text as paragraph lines, one fragment per line, with widow and orphan
    /// control: never one line alone at the foot or the head of a page (paragraphs of four
    /// lines or more keep two lines together at each end; shorter ones stay whole).
    func paragraphFragments(_ text: StyledText, alignment: TextAlignment, x: Points, width: Points)
        -> [Fragment] {
        let lines = text.lines(width: width)
        let metrics = lineMetrics(size: text.size)
        var fragments: [Fragment] = []
        fragments.reserveCapacity(lines.count)
        for line in lines {
            var fragment = Fragment(height: metrics.height)
            setLine(line, of: text, alignment: alignment, x: x, width: width, baseline: metrics.baseline,
                    into: &fragment.ops)
            fragment.firstBaseline = metrics.baseline
            fragments.append(fragment)
        }
        if fragments.count >= 4 {
            fragments[0].keepWithNext = true
            fragments[fragments.count - 2].keepWithNext = true
        } else {
            // Two or three lines cannot leave two on each page: they move as one.
            for index in fragments.indices.dropLast() { fragments[index].keepWithNext = true }
        }
        return fragments
    }

    /// Lays out text into one block of ops (cells, labels), at most `lineLimit` lines;
    /// returns its height.
    func textBlock(_ text: StyledText, alignment: TextAlignment, x: Points, width: Points, top: Points,
                   lineLimit: Int = .max, into ops: inout [DrawOp]) -> Points {
        let lines = text.lines(width: width).prefix(lineLimit)
        let metrics = lineMetrics(size: text.size)
        for (number, line) in lines.enumerated() {
            setLine(line, of: text, alignment: alignment, x: x, width: width,
                    baseline: top + Double(number) * metrics.height + metrics.baseline, into: &ops)
        }
        return Double(lines.count) * metrics.height
    }
}
