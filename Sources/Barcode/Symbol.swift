/// A one-dimensional symbol: the modules from the first bar to the last, dark = true.
/// Quiet zones are not included; `quietZone` says how many light modules each side needs.
public struct LinearSymbol: Sendable, Equatable {
    public var modules: [Bool]
    public var quietZone: Int
    /// The text to print under the bars.
    public var humanReadable: String

    public init(modules: [Bool], quietZone: Int, humanReadable: String) {
        self.modules = modules
        self.quietZone = quietZone
        self.humanReadable = humanReadable
    }
}

/// A two-dimensional symbol: `size` × `size` modules, row-major, dark = true.
/// Quiet zone not included; `quietZone` says how many light modules each side needs.
public struct MatrixSymbol: Sendable, Equatable {
    public var size: Int
    public var modules: [Bool]
    public var quietZone: Int

    public init(size: Int, modules: [Bool], quietZone: Int) {
        self.size = size
        self.modules = modules
        self.quietZone = quietZone
    }

    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }
}
