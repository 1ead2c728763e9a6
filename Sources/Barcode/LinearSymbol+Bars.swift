extension LinearSymbol {
    /// The dark bars as runs of consecutive dark modules, left to right.
    /// `start` counts modules from the first module (the quiet zone is not included).
    public var bars: [(start: Int, width: Int)] {
        var runs: [(start: Int, width: Int)] = []
        var index = 0
        while index < modules.count {
            guard modules[index] else { index += 1; continue }
            let start = index
            while index < modules.count && modules[index] { index += 1 }
            runs.append((start: start, width: index - start))
        }
        return runs
    }

    /// The width in modules including both quiet zones.
    public var totalWidth: Int { modules.count + 2 * quietZone }

    /// Builds modules from alternating bar/space widths, starting with a bar.
    static func modules(fromWidths widths: some Sequence<Int>, into modules: inout [Bool]) {
        var dark = true
        for width in widths {
            modules.append(contentsOf: repeatElement(dark, count: width))
            dark.toggle()
        }
    }
}
