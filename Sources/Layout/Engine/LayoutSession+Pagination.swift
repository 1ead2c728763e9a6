import Markup

extension LayoutSession {
    /// Places fragments on pages top to bottom. A fragment that does not fit starts a new
    /// page; fragments chained by `keepWithNext` move together unless the chain began at
    /// the top of the page. Table header rows repeat at the top of continuation pages.
    func paginate(_ fragments: [Fragment], bodyTop: Points) -> [[DrawOp]] {
        var pages: [[DrawOp]] = []
        // What the page holds so far, by index (fragments are read in place, never copied).
        var placed: [Placement] = []
        var cursor: Points = 0
        var hasContent = false
        var pageFirst = 0
        // Spacers vanish only at the top of a page begun because the previous one was full.
        var overflowed = false
        let limit = bodyHeight + 0.001

        func finishPage(overflow: Bool = false) {
            overflowed = overflow
            var pageOps: [DrawOp] = []
            pageOps.reserveCapacity(placed.reduce(0) { $0 + $1.opCount })
            // Each chain of fragments kept together with enough ops is one frame.
            var chainStart = 0
            for index in placed.indices {
                let entry = placed[index]
                let top = bodyTop - entry.depth
                if index == chainStart {
                    var end = index
                    while end + 1 < placed.count, placed[end].keepWithNext { end += 1 }
                    if end > index, placed[index...end].reduce(0, { $0 + $1.opCount }) >= Fragment.framedOpCount {
                        pageOps.append(.frame(top: top))
                    }
                    chainStart = end + 1
                }
                if entry.source >= 0 {
                    pageOps.append(fragments[entry.source].ops, placedAt: top)
                } else {
                    pageOps.append(tableHeaders[entry.table][entry.row].ops, placedAt: top)
                }
            }
            if usesPlaceholders { fillPlaceholder(PagePlaceholder.page, with: pages.count + 1, in: &pageOps) }
            pages.append(pageOps)
            placed.removeAll(keepingCapacity: true)
            cursor = 0
            hasContent = false
        }
        func startPage(continuing index: Int) {
            guard let header = fragments[index].tableHeader, header < tableHeaders.count else { return }
            for row in tableHeaders[header].indices {
                let fragment = tableHeaders[header][row]
                placed.append(Placement(source: -1, depth: cursor, table: header, row: row,
                                        opCount: fragment.ops.count, keepWithNext: fragment.keepWithNext))
                cursor += fragment.height
            }
        }

        var index = 0
        while index < fragments.count {
            let breakBefore = fragments[index].breakBefore, height = fragments[index].height
            if breakBefore && height == 0 && fragments[index].ops.isEmpty {
                if hasContent { finishPage() }
                index += 1
                continue
            }
            if breakBefore && hasContent {
                finishPage()
                startPage(continuing: index)
            }
            if !hasContent && overflowed && fragments[index].discardAtTop {
                index += 1
                continue
            }
            let before = hasContent ? fragments[index].spaceBefore : 0
            if hasContent && cursor + before + height > limit {
                var first = index
                while first > pageFirst && fragments[first - 1].keepWithNext { first -= 1 }
                if first > pageFirst && chainFitsAPage(fragments, from: first) {
                    while let last = placed.last, last.source >= first { placed.removeLast() }
                    index = first
                }
                finishPage(overflow: true)
                startPage(continuing: index)
                continue
            }
            if !hasContent { pageFirst = index }
            placed.append(Placement(source: index, depth: cursor + before, opCount: fragments[index].ops.count,
                                    keepWithNext: fragments[index].keepWithNext))
            cursor += before + height + fragments[index].spaceAfter
            hasContent = true
            index += 1
        }
        if hasContent || !placed.isEmpty || pages.isEmpty { finishPage() }
        return pages
    }

    /// A fragment on the page being filled: `fragments[source]`, or for a repeated table
    /// header (`source` -1) `tableHeaders[table][row]`, with its top at `depth`.
    private struct Placement {
        var source: Int
        var depth: Points
        var table = 0
        var row = 0
        var opCount: Int
        var keepWithNext: Bool
    }

    /// True when the fragments chained by `keepWithNext` from `first` fit on an empty page;
    /// a longer chain flows from where it is instead of moving.
    private func chainFitsAPage(_ fragments: [Fragment], from first: Int) -> Bool {
        var height: Points = 0
        var index = first
        while index < fragments.count {
            height += (index > first ? fragments[index].spaceBefore : 0) + fragments[index].height
            if height > bodyHeight + 0.001 { return false }
            if !fragments[index].keepWithNext { return true }
            height += fragments[index].spaceAfter
            index += 1
        }
        return true
    }

    func fillPlaceholder(_ marker: String, with number: Int, in ops: inout [DrawOp]) {
        for position in ops.indices {
            if case let .text(x, y, font, size, text, color) = ops[position], text == marker {
                ops[position] = .text(x: x, y: y, font: font, size: size, text: String(number), color: color)
            }
        }
    }

    func fillPageCount(_ pages: inout [[DrawOp]]) {
        guard usesPlaceholders else { return }
        for page in pages.indices { fillPlaceholder(PagePlaceholder.count, with: pages.count, in: &pages[page]) }
    }
}
