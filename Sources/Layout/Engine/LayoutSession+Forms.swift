import Markup

extension LayoutSession {
    /// Size of captions, cut-line labels and stamp labels.
    var smallSize: Points { setup.fontSize * 0.8 }
    /// Signature captions: small, but never under 7 pt, and dark enough to photocopy.
    var captionSize: Points { max(Self.captionMinimumSize, smallSize) }
    static let captionMinimumSize: Points = 7
    static let captionColor = RGBColor(red: 0.2, green: 0.2, blue: 0.2)
    /// Diameter of the stamp circle: 32 mm, a common round-seal size.
    static let stampDiameter: Points = 32 * 72 / 25.4
    /// Dash patterns in points.
    static let cutDash: [Points] = [4, 3]
    static let stampDash: [Points] = [3, 2]

    /// A dashed, gray, full-width line; a label (e.g. "✂ cut here") interrupts it near the left.
    func cutLine(label: [Inline], in context: BlockContext) -> Fragment {
        let text = styledText(dropMissingDingbats(label), size: smallSize, color: .gray)
        let metrics = lineMetrics(size: smallSize)
        var fragment = Fragment(height: metrics.height)
        let middle = metrics.baseline - smallSize * 0.3
        let right = context.x + context.width
        if text.isEmpty {
            fragment.ops.append(.line(x1: context.x, y1: middle, x2: right, y2: middle, lineWidth: 0.5,
                                      dash: Self.cutDash, color: .gray))
        } else {
            let lines = text.lines(width: context.width - 40)
            let line = lines[0]
            let labelX = context.x + 14
            fragment.ops.append(.line(x1: context.x, y1: middle, x2: labelX - 3, y2: middle, lineWidth: 0.5,
                                      dash: Self.cutDash, color: .gray))
            setLine(line, of: text, alignment: .left, x: labelX, width: line.width, baseline: metrics.baseline,
                    into: &fragment.ops)
            fragment.ops.append(.line(x1: labelX + line.width + 3, y1: middle, x2: right, y2: middle,
                                      lineWidth: 0.5, dash: Self.cutDash, color: .gray))
        }
        fragment.spaceBefore = paragraphGap
        fragment.spaceAfter = paragraphGap
        // A cut line belongs to the coupon below it.
        fragment.keepWithNext = true
        return fragment
    }

    /// Removes dingbats (U+2700–U+27BF, e.g. scissors) the regular face lacks: they decorate
    /// a cut line; any other missing character is still reported.
    private func dropMissingDingbats(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .text(let string):
                var view = String.UnicodeScalarView()
                for scalar in string.unicodeScalars
                where !((0x2700...0x27BF).contains(scalar.value) && !faces[0].has(scalar)) {
                    view.append(scalar)
                }
                return .text(String(view))
            case .bold(let inner): return .bold(dropMissingDingbats(inner))
            case .italic(let inner): return .italic(dropMissingDingbats(inner))
            case .underline(let inner): return .underline(dropMissingDingbats(inner))
            default: return inline
            }
        }
    }

    /// A label followed by a writing line (or box) of `width`, or to the end of the line;
    /// a pre-printed value sits on the line. A label too long to share the row goes above.
    func field(label: [Inline], value: [Inline], style: FieldStyle, width: Points?, in context: BlockContext)
        throws(LayoutError) -> [Fragment] {
        let size = setup.fontSize
        let metrics = lineMetrics(size: size)
        let labelText = styledText(label, size: size)
        let labelWidth = labelText.contentWidths().max
        let gap = labelText.isEmpty ? 0 : size * 0.4
        if let width, !(width > 0 && width <= context.width) {
            throw .tooWide(element: "field", width: width, available: context.width, location: nil)
        }
        var result: [Fragment] = []
        var lineX = context.x + labelWidth + gap
        var lineWidth = width ?? (context.x + context.width - lineX)
        if lineX + lineWidth > context.x + context.width + 0.001 || lineWidth < size * 4 {
            var above = paragraphFragments(labelText, alignment: .left, x: context.x, width: context.width)
            for index in above.indices { above[index].keepWithNext = true }
            result = above
            lineX = context.x
            lineWidth = width ?? context.width
        }
        let valueText = styledText(value, size: size)
        let valueLines = valueText.isEmpty ? [] : valueText.lines(width: max(1, lineWidth - 4))
        let rows = max(1, valueLines.count)
        let rowHeight = metrics.height * 1.5
        // A long value is cut into pieces that each fit a page: one row per piece on lines
        // (kept together up to three rows, like a paragraph), as many rows as fit in a box.
        let piece = style == .line ? 1 : max(1, Int((bodyHeight - size) / rowHeight))
        var first = 0
        while first < rows {
            let count = min(piece, rows - first)
            var fragment = Fragment(height: rowHeight * Double(count))
            for row in first..<(first + count) {
                let baseline = Double(row - first) * rowHeight + rowHeight - size * 0.45
                if row == 0 && result.isEmpty && !labelText.isEmpty {
                    let line = labelText.lines(width: labelWidth + 1)[0]
                    setLine(line, of: labelText, alignment: .left, x: context.x, width: labelWidth,
                            baseline: baseline, into: &fragment.ops)
                }
                if row < valueLines.count {
                    setLine(valueLines[row], of: valueText, alignment: .left, x: lineX + 2, width: lineWidth - 4,
                            baseline: baseline, into: &fragment.ops)
                }
                if style == .line {
                    let y = baseline + size * 0.3
                    fragment.ops.append(.line(x1: lineX, y1: y, x2: lineX + lineWidth, y2: y, lineWidth: 0.5,
                                              dash: [], color: .black))
                }
            }
            if style == .box {
                fragment.ops.append(.strokeRect(x: lineX, y: fragment.height - size * 0.1, width: lineWidth,
                                                height: fragment.height - size * 0.2, lineWidth: 0.5, color: .black))
            }
            fragment.firstBaseline = rowHeight - size * 0.45
            fragment.keepWithNext = first + count < rows && (rows <= 3 || first == 0 || first + count == rows - 1)
            result.append(fragment)
            first += count
        }
        result[result.count - 1].spaceAfter = size * 0.3
        return result
    }

    /// A square box (ticked with two drawn strokes when checked) followed by its label.
    func checkbox(checked: Bool, label: [Inline], in context: BlockContext) -> Fragment {
        let size = setup.fontSize
        let metrics = lineMetrics(size: size)
        let side = size * 0.8
        let boxBottom = metrics.baseline + size * 0.05
        let boxTop = boxBottom - side
        var fragment = Fragment(height: metrics.height)
        fragment.ops.append(.strokeRect(x: context.x, y: boxBottom, width: side, height: side, lineWidth: 0.6,
                                        color: .black))
        if checked {
            let x = context.x
            fragment.ops.append(.line(x1: x + side * 0.18, y1: boxTop + side * 0.52, x2: x + side * 0.42,
                                      y2: boxTop + side * 0.8, lineWidth: side * 0.12, dash: [], color: .black))
            fragment.ops.append(.line(x1: x + side * 0.42, y1: boxTop + side * 0.8, x2: x + side * 0.85,
                                      y2: boxTop + side * 0.18, lineWidth: side * 0.12, dash: [], color: .black))
        }
        let textX = context.x + side + size * 0.5
        let text = styledText(label, size: size)
        let height = textBlock(text, alignment: .left, x: textX, width: context.x + context.width - textX, top: 0,
                               into: &fragment.ops)
        fragment.height = max(metrics.height, height)
        fragment.firstBaseline = metrics.baseline
        fragment.spaceAfter = size * 0.3
        return fragment
    }

    /// Room to sign, a line, and the caption centered under it in small dark text, at
    /// least `captionMinimumSize` so that it survives a photocopy. A caption of many lines
    /// flows on like a paragraph, its first two lines kept with the line.
    func signature(caption: [Inline], in context: BlockContext) -> [Fragment] {
        let size = setup.fontSize
        let width = min(context.width, max(size * 14, context.width * 0.45))
        let lineDepth = lineMetrics(size: size).height * 2
        var fragment = Fragment(height: lineDepth + 1)
        fragment.ops.append(.line(x1: context.x, y1: lineDepth, x2: context.x + width, y2: lineDepth, lineWidth: 0.5,
                                  dash: [], color: .black))
        fragment.spaceBefore = paragraphGap
        let text = styledText(caption, size: captionSize, color: Self.captionColor)
        guard !text.isEmpty else {
            fragment.spaceAfter = paragraphGap
            return [fragment]
        }
        fragment.keepWithNext = true
        var result = [fragment]
        result += paragraphFragments(text, alignment: .center, x: context.x, width: width)
        result[1].keepWithNext = true
        result[result.count - 1].spaceAfter = paragraphGap
        return result
    }

    /// A dashed gray circle (32 mm, less when the column is narrower) with its label centered.
    func stamp(label: [Inline], in context: BlockContext) -> Fragment {
        let diameter = min(Self.stampDiameter, context.width)
        let radius = diameter / 2
        var fragment = Fragment(height: diameter)
        let centerX = context.x + radius
        fragment.ops.append(.circle(centerX: centerX, centerY: radius, radius: radius - 0.3, lineWidth: 0.6,
                                    dash: Self.stampDash, color: .gray))
        let text = styledText(label, size: smallSize, color: .gray)
        if !text.isEmpty {
            let width = diameter * 0.7
            let lines = Double(text.lines(width: width).count)
            let height = lines * lineMetrics(size: smallSize).height
            _ = textBlock(text, alignment: .center, x: centerX - width / 2, width: width, top: radius - height / 2,
                          into: &fragment.ops)
        }
        fragment.spaceBefore = paragraphGap
        fragment.spaceAfter = paragraphGap
        return fragment
    }
}
