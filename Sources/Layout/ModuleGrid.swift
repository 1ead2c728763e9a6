import Markup

/// A barcode's dark modules as the layout made them from the symbol: rectangles counted in
/// modules on a grid whose cells are `module.x × module.y` points, from the grid's
/// bottom-left corner `origin`, upward and to the right. A linear symbol is one row of
/// modules as tall as its bars; a matrix symbol has square modules, runs merged into
/// rectangles. A painter can draw it in module units, every edge on the grid.
public struct ModuleGrid: Sendable, Equatable {
    /// A dark rectangle: `width × height` modules whose bottom-left module is column `x`,
    /// row `y` (row 0 at the bottom).
    public struct Rectangle: Sendable, Equatable {
        public var x: Int, y: Int, width: Int, height: Int

        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    /// The grid's bottom-left corner, in points.
    public var origin: (x: Points, y: Points)
    /// One module's width and height, in points.
    public var module: (x: Points, y: Points)
    public var rectangles: [Rectangle]
    public var color: RGBColor

    /// The most modules a grid may span in each direction: far beyond any symbol (a QR
    /// code has 177), small enough that no module count can overflow.
    public static let largestSpan = 100_000

    public init(origin: (x: Points, y: Points), module: (x: Points, y: Points), rectangles: [Rectangle],
                color: RGBColor = .black) {
        self.origin = origin
        self.module = module
        self.rectangles = rectangles
        self.color = color
    }

    public static func == (left: ModuleGrid, right: ModuleGrid) -> Bool {
        left.origin == right.origin && left.module == right.module && left.rectangles == right.rectangles
            && left.color == right.color
    }

    /// Whether a painter can draw the grid: finite numbers, modules of a positive size, and
    /// rectangles of at least one module inside `0..<largestSpan`.
    public var isDrawable: Bool {
        let numbers = [origin.x, origin.y, module.x, module.y, color.red, color.green, color.blue]
        guard numbers.allSatisfy(\.isFinite), module.x > 0, module.y > 0 else { return false }
        let span = 0...Self.largestSpan
        return rectangles.allSatisfy { rectangle in
            span.contains(rectangle.x) && span.contains(rectangle.y) && (1...Self.largestSpan).contains(rectangle.width)
                && (1...Self.largestSpan).contains(rectangle.height)
                && rectangle.x + rectangle.width <= Self.largestSpan && rectangle.y + rectangle.height <= Self.largestSpan
        }
    }

    /// The rectangle the dark modules cover, in points (nil without rectangles).
    public var bounds: (left: Points, bottom: Points, right: Points, top: Points)? {
        guard isDrawable, let first = rectangles.first else { return nil }
        var low = (x: first.x, y: first.y), high = (x: first.x + first.width, y: first.y + first.height)
        for rectangle in rectangles.dropFirst() {
            low = (min(low.x, rectangle.x), min(low.y, rectangle.y))
            high = (max(high.x, rectangle.x + rectangle.width), max(high.y, rectangle.y + rectangle.height))
        }
        return (origin.x + Double(low.x) * module.x, origin.y + Double(low.y) * module.y,
                origin.x + Double(high.x) * module.x, origin.y + Double(high.y) * module.y)
    }
}
