import Markup

extension LayoutSession {
    /// Heading sizes as multiples of the body size, by level (1, 2, 3; deeper levels use 1.0).
    static let headingScales: [Double] = [1.6, 1.3, 1.12]

    var paragraphGap: Points { setup.fontSize * 0.5 }

    /// Lays out blocks into fragments for the paginator.
    func fragments(for blocks: [Block], in context: BlockContext) throws(LayoutError) -> [Fragment] {
        var result: [Fragment] = []
        for block in blocks { try appendCachedFragments(for: block, in: context, to: &result) }
        return result
    }

    func appendFragments(for block: Block, in context: BlockContext, to result: inout [Fragment])
        throws(LayoutError) {
        switch block {
        case .heading(let level, let content):
            let scale = level >= 1 && level <= Self.headingScales.count ? Self.headingScales[level - 1] : 1
            let size = setup.fontSize * scale
            var lines = paragraphFragments(styledText(content, size: size, bold: true), alignment: .left, x: context.x,
                                           width: context.width)
            for index in lines.indices { lines[index].keepWithNext = true }
            lines[0].spaceBefore = size * 0.6
            lines[lines.count - 1].spaceAfter = size * 0.35
            result.append(contentsOf: lines)
        case .paragraph(let content, let alignment):
            let align = alignment ?? (setup.justify ? .justify : .left)
            var lines = paragraphFragments(styledText(content, size: setup.fontSize), alignment: align, x: context.x,
                                           width: context.width)
            lines[lines.count - 1].spaceAfter = paragraphGap
            result.append(contentsOf: lines)
        case .list(let ordered, let start, let items):
            try appendList(ordered: ordered, start: start, items: items, in: context, to: &result)
        case .table(let table):
            try appendTable(table, in: context, to: &result)
        case .rule:
            var fragment = Fragment(height: 0.5)
            fragment.ops = [.line(x1: context.x, y1: 0.25, x2: context.x + context.width, y2: 0.25, lineWidth: 0.5,
                                  dash: [], color: .black)]
            fragment.spaceBefore = paragraphGap
            fragment.spaceAfter = paragraphGap
            result.append(fragment)
        case .cutLine(let label):
            result.append(cutLine(label: label, in: context))
        case .field(let label, let value, let style, let width):
            result.append(contentsOf: try field(label: label, value: value, style: style, width: width, in: context))
        case .checkbox(let checked, let label):
            result.append(checkbox(checked: checked, label: label, in: context))
        case .signature(let caption):
            result.append(contentsOf: signature(caption: caption, in: context))
        case .stamp(let label):
            result.append(stamp(label: label, in: context))
        case .image(let path, let width, let height, let location):
            result.append(try image(path: path, width: width, height: height, location: location, in: context))
        case .barcode(let spec):
            result.append(try barcode(spec, in: context))
        case .pageBreak:
            var fragment = Fragment(height: 0)
            fragment.breakBefore = true
            result.append(fragment)
        case .keepTogether(let blocks):
            var group = try fragments(for: blocks, in: context)
            for index in group.indices.dropLast() { group[index].keepWithNext = true }
            result.append(contentsOf: group)
        case .keepWithPrevious(let blocks):
            var group = try fragments(for: blocks, in: context)
            for index in group.indices.dropLast() { group[index].keepWithNext = true }
            if !group.isEmpty, !result.isEmpty { result[result.count - 1].keepWithNext = true }
            result.append(contentsOf: group)
        case .columns(let widths, let columns):
            result.append(contentsOf: try columnFragments(widths: widths, columns: columns, in: context))
        case .spacer(let height):
            var fragment = Fragment(height: height.isFinite ? min(max(0, height), bodyHeight) : 0)
            fragment.discardAtTop = true
            result.append(fragment)
        }
    }

    private func appendList(ordered: Bool, start: Int, items: [[Block]], in context: BlockContext,
                            to result: inout [Fragment]) throws(LayoutError) {
        let size = setup.fontSize
        let regular = faces[0]
        var markers: [[Unicode.Scalar]] = []
        for offset in items.indices {
            if ordered {
                let (number, overflow) = start.addingReportingOverflow(offset)
                markers.append(Array("\(overflow ? offset + 1 : number).".unicodeScalars))
            } else {
                let bullet: Unicode.Scalar = context.listLevel % 2 == 0 ? "\u{2022}" : "\u{2013}"
                markers.append([regular.has(bullet) ? bullet : "-"])
            }
        }
        func width(_ marker: [Unicode.Scalar]) -> Points {
            marker.reduce(0) { $0 + Double(max(0, regular.widths[Int(min($1.value, 0xFFFF))])) } * size / 1000
        }
        for marker in markers { for scalar in marker where !regular.has(scalar) { recordMissing(scalar, face: 0) } }
        let widest = markers.map(width).max() ?? 0
        let gap = size * 0.45
        let indent = max(widest + gap, size * 1.5)
        let inner = BlockContext(x: context.x + indent, width: context.width - indent,
                                 listLevel: context.listLevel + 1)
        guard inner.width > size * 2 else {
            throw .tooWide(element: "list nested \(context.listLevel + 1) levels", width: indent + size * 2,
                           available: context.width, location: nil)
        }
        for (offset, item) in items.enumerated() {
            var fragments = try self.fragments(for: item, in: inner)
            if fragments.isEmpty { fragments = [Fragment(height: lineMetrics(size: size).height)] }
            let baseline = fragments[0].firstBaseline ?? lineMetrics(size: size).baseline
            let marker = markers[offset]
            let x = context.x + indent - gap - width(marker)
            fragments[0].ops.append(textOp(marker[...], face: 0, size: size, x: x, y: baseline))
            fragments[fragments.count - 1].spaceAfter = offset == items.count - 1 ? paragraphGap : size * 0.2
            // No item alone at the head or the foot of a page: the first stays with the
            // second, the last with the one before it.
            if items.count > 1 && (offset == 0 || offset == items.count - 2) {
                fragments[fragments.count - 1].keepWithNext = true
            }
            result.append(contentsOf: fragments)
        }
    }
}
