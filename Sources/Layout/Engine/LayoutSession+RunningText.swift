import Markup

extension LayoutSession {
    /// Size of the running header and footer text.
    var runningSize: Points { setup.fontSize * 0.85 }

    /// Lines a running header or footer may take; further lines (a company name full of
    /// line feeds) are left out rather than drawn over the body or off the page.
    static let runningLineLimit = 3

    /// Reserves room for the running header and footer inside the margins (measured with
    /// four-digit page numbers) and returns where the body starts.
    func reserveRunningText() -> (bodyTop: Points, header: Points, footer: Points) {
        let sample = PageNumbers(page: 8888, count: 8888)
        func reserve(_ inlines: [Inline]) -> Points {
            guard !inlines.isEmpty else { return 0 }
            let text = styledText(inlines, size: runningSize, numbers: sample)
            let lines = min(Self.runningLineLimit, text.lines(width: contentWidth).count)
            return Double(lines) * lineMetrics(size: runningSize).height + setup.fontSize * 0.6
        }
        let header = reserve(setup.header), footer = reserve(setup.footer)
        // Never let running text take more than half the page.
        let total = min(header + footer, bodyHeight / 2)
        let scale = header + footer > 0 ? total / (header + footer) : 0
        bodyHeight -= total
        return (pageHeight - setup.marginTop - header * scale, header * scale, footer * scale)
    }

    /// Draws the header and footer on every page with its real page number and count.
    func drawRunningText(on pages: inout [[DrawOp]]) {
        guard !setup.header.isEmpty || !setup.footer.isEmpty else { return }
        let alignment: TextAlignment = .left
        for page in pages.indices {
            let numbers = PageNumbers(page: page + 1, count: pages.count)
            if !setup.header.isEmpty {
                let text = styledText(setup.header, size: runningSize, numbers: numbers)
                var ops: [DrawOp] = []
                _ = textBlock(text, alignment: alignment, x: contentLeft, width: contentWidth, top: 0,
                              lineLimit: Self.runningLineLimit, into: &ops)
                let top = pageHeight - setup.marginTop
                pages[page].append(ops, placedAt: top)
            }
            if !setup.footer.isEmpty {
                let text = styledText(setup.footer, size: runningSize, numbers: numbers)
                var ops: [DrawOp] = []
                let height = textBlock(text, alignment: alignment, x: contentLeft, width: contentWidth, top: 0,
                                       lineLimit: Self.runningLineLimit, into: &ops)
                let top = setup.marginBottom + height
                pages[page].append(ops, placedAt: top)
            }
        }
    }
}
