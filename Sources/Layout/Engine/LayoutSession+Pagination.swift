import Markup

extension LayoutSession {
    /// Places fragments on pages top to bottom. A fragment that does not fit starts a new
    /// page; fragments chained by `keepWithNext` move together unless the chain began at
    /// the top of the page. Table header rows repeat at the top of continuation pages.
    func paginate(_ fragments: [Fragment], bodyTop: Points) -> [[DrawOp]] {
        var pages: [[DrawOp]] = []
        var placed: [(fragment: Fragment, depth: Points, source: Int)] = []
        var cursor: Points = 0
        var hasContent = false
        var pageFirst = 0
        // Spacers vanish only at the top of a page begun because the previous one was full.
        var overflowed = false
        let limit = bodyHeight + 0.001

        func finishPage(overflow: Bool = false) {
            overflowed = overflow
            var ops: [DrawOp] = []
            ops.reserveCapacity(placed.reduce(0) { $0 + $1.fragment.ops.count })
            // Each chain of fragments kept together with enough ops is one frame.
            var chainStart = 0
            for (index, entry) in placed.enumerated() {
                let top = bodyTop - entry.depth
                if index == chainStart {
                    var end = index
                    while end + 1 < placed.count, placed[end].fragment.keepWithNext { end += 1 }
                    if end > index, placed[index...end].reduce(0, { $0 + $1.fragment.ops.count }) >= Fragment.framedOpCount {
                        ops.append(.frame(top: top))
                    }
                    chainStart = end + 1
                }
                for op in entry.fragment.ops { ops.append(op.placed(top: top)) }
            }
            if usesPlaceholders { fillPlaceholder(PagePlaceholder.page, with: pages.count + 1, in: &ops) }
            pages.append(ops)
            placed.removeAll(keepingCapacity: true)
            cursor = 0
            hasContent = false
        }
        func startPage(continuing fragment: Fragment) {
            guard let header = fragment.tableHeader, header < tableHeaders.count else { return }
            for row in tableHeaders[header] {
                placed.append((row, cursor, -1))
                cursor += row.height
            }
        }

        var index = 0
        while index < fragments.count {
            let fragment = fragments[index]
            if fragment.breakBefore && fragment.height == 0 && fragment.ops.isEmpty {
                if hasContent { finishPage() }
                index += 1
                continue
            }
            if fragment.breakBefore && hasContent {
                finishPage()
                startPage(continuing: fragment)
            }
            if !hasContent && overflowed && fragment.discardAtTop {
                index += 1
                continue
            }
            let before = hasContent ? fragment.spaceBefore : 0
            if hasContent && cursor + before + fragment.height > limit {
                var first = index
                while first > pageFirst && fragments[first - 1].keepWithNext { first -= 1 }
                if first > pageFirst && chainFitsAPage(fragments, from: first) {
                    while let last = placed.last, last.source >= first { placed.removeLast() }
                    index = first
                }
                finishPage(overflow: true)
                startPage(continuing: fragments[index])
                continue
            }
            if !hasContent { pageFirst = index }
            placed.append((fragment, cursor + before, index))
            cursor += before + fragment.height + fragment.spaceAfter
            hasContent = true
            index += 1
        }
        if hasContent || !placed.isEmpty || pages.isEmpty { finishPage() }
        return pages
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
