extension MatrixSymbol {
    /// The dark modules covered by few rectangles, in module units with (0, 0) the top-left
    /// module of the symbol (quiet zone excluded), y growing downwards.
    ///
    /// Each row is cut into horizontal runs of dark modules; a run with the same `x` and
    /// `width` as a rectangle ending on the row above extends that rectangle downwards.
    /// The result is sorted by `y`, then `x`, and covers every dark module exactly once.
    public func darkRectangles() -> [(x: Int, y: Int, width: Int, height: Int)] {
        struct Run: Hashable { var x: Int; var width: Int }
        guard size > 0, modules.count >= size * size else { return [] }
        var finished: [(x: Int, y: Int, width: Int, height: Int)] = []
        // Rectangles that reach the previous row, keyed by their horizontal extent.
        var open: [Run: (y: Int, height: Int)] = [:]
        var openOrder: [Run] = []
        for y in 0..<size {
            var next: [Run: (y: Int, height: Int)] = [:]
            var nextOrder: [Run] = []
            var x = 0
            while x < size {
                guard modules[y * size + x] else { x += 1; continue }
                let start = x
                while x < size && modules[y * size + x] { x += 1 }
                let run = Run(x: start, width: x - start)
                if let above = open.removeValue(forKey: run) {
                    next[run] = (above.y, above.height + 1)
                } else {
                    next[run] = (y, 1)
                }
                nextOrder.append(run)
            }
            for run in openOrder {
                if let rectangle = open[run] {
                    finished.append((run.x, rectangle.y, run.width, rectangle.height))
                }
            }
            open = next
            openOrder = nextOrder
        }
        for run in openOrder {
            if let rectangle = open[run] {
                finished.append((run.x, rectangle.y, run.width, rectangle.height))
            }
        }
        finished.sort { ($0.y, $0.x) < ($1.y, $1.x) }
        return finished
    }

    /// The side in modules including both quiet zones.
    public var totalSize: Int { size + 2 * quietZone }
}
