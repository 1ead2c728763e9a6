import Markup

extension LayoutSession {
    /// Side-by-side columns. A block no taller than a page is placed as one unit (moving to
    /// the next page whole when it does not fit). A taller block is cut into page-high
    /// slices, each column flowing on independently; each slice after the first starts a page.
    func columnFragments(widths: [Double], columns: [[Block]], in context: BlockContext) throws(LayoutError)
        -> [Fragment] {
        guard !columns.isEmpty, widths.count == columns.count else {
            throw .invalidColumns("\(widths.count) widths for \(columns.count) columns")
        }
        guard widths.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidColumns("widths must be positive fractions")
        }
        let gap = setup.fontSize * 1.2
        let usable = context.width - gap * Double(columns.count - 1)
        guard usable >= setup.fontSize * 2 * Double(columns.count) else {
            throw .tooWide(element: "\(columns.count) columns", width: gap * Double(columns.count - 1),
                           available: context.width, location: nil)
        }
        let sum = widths.reduce(0, +)
        var x = context.x
        var flows: [[Fragment]] = []
        flows.reserveCapacity(columns.count)
        for (index, blocks) in columns.enumerated() {
            let width = usable * widths[index] / sum
            flows.append(try fragments(for: blocks, in: BlockContext(x: x, width: width, listLevel: context.listLevel)))
            x += width + gap
        }
        // Cut every column into page-high chunks.
        var chunks: [[[Fragment]]] = []
        chunks.reserveCapacity(flows.count)
        for flow in flows {
            // Most columns fit one page: the first chunk gets room for the whole flow.
            var first: [Fragment] = []
            first.reserveCapacity(flow.count)
            var columnChunks: [[Fragment]] = [first]
            var depth: Points = 0
            for fragment in flow {
                let needed = (depth > 0 ? fragment.spaceBefore : 0) + fragment.height
                if !columnChunks[columnChunks.count - 1].isEmpty
                    && (depth + needed > bodyHeight + 0.001 || fragment.breakBefore) {
                    columnChunks.append([])
                    depth = 0
                }
                columnChunks[columnChunks.count - 1].append(fragment)
                depth += (depth > 0 ? fragment.spaceBefore : 0) + fragment.height + fragment.spaceAfter
            }
            chunks.append(columnChunks)
        }
        let sliceCount = chunks.map(\.count).max() ?? 1
        var result: [Fragment] = []
        for slice in 0..<sliceCount {
            var fragment = Fragment(height: 0)
            for column in chunks where slice < column.count {
                fragment.height = max(fragment.height, column[slice].stacked(into: &fragment.ops))
            }
            fragment.breakBefore = slice > 0
            fragment.spaceAfter = paragraphGap
            result.append(fragment)
        }
        return result
    }
}
