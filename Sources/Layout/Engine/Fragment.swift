import Markup

/// A piece of laid-out content that pagination places as a unit: a line of a paragraph,
/// a table row, a barcode. Ops use page x coordinates and, for y, the depth below the
/// fragment's top (growing downward); placement flips them into PDF coordinates.
struct Fragment {
    var height: Points
    var ops: [DrawOp] = []
    /// Space above, dropped at the top of a page.
    var spaceBefore: Points = 0
    /// Space below; it need not fit at the bottom of a page.
    var spaceAfter: Points = 0
    /// Pagination must not break between this fragment and the next.
    var keepWithNext = false
    /// Start a new page before this fragment.
    var breakBefore = false
    /// A spacer that vanishes at the top of a page.
    var discardAtTop = false
    /// The table whose header rows are repeated when this fragment starts a page.
    var tableHeader: Int?
    /// Depth of the first text baseline, for list markers.
    var firstBaseline: Points?

    init(height: Points, ops: [DrawOp] = []) {
        self.height = height
        self.ops = ops
    }

    /// A chain of fragments kept together (a `@keep` group, a heading with its text) with at
    /// least this many ops is framed on its page (`DrawOp.frame`): such blocks repeat
    /// (tear-off coupons), and for a few ops the frame would cost more than equal bytes save.
    static let framedOpCount = 12

    /// Total vertical extent including the spacing around it.
    var extent: Points { spaceBefore + height + spaceAfter }
}

extension DrawOp {
    /// The op moved by `dx` and `dy` (in fragment coordinates, a positive `dy` is deeper;
    /// in PDF coordinates, higher).
    public func shifted(dx: Points, dy: Points) -> DrawOp {
        switch self {
        case let .text(x, y, font, size, text, color):
            return .text(x: x + dx, y: y + dy, font: font, size: size, text: text, color: color)
        case let .fillRect(x, y, width, height, color):
            return .fillRect(x: x + dx, y: y + dy, width: width, height: height, color: color)
        case let .strokeRect(x, y, width, height, lineWidth, color):
            return .strokeRect(x: x + dx, y: y + dy, width: width, height: height, lineWidth: lineWidth, color: color)
        case let .line(x1, y1, x2, y2, lineWidth, dash, color):
            return .line(x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy, lineWidth: lineWidth, dash: dash,
                         color: color)
        case let .circle(centerX, centerY, radius, lineWidth, dash, color):
            return .circle(centerX: centerX + dx, centerY: centerY + dy, radius: radius, lineWidth: lineWidth,
                           dash: dash, color: color)
        case let .image(index, x, y, width, height):
            return .image(index: index, x: x + dx, y: y + dy, width: width, height: height)
        case var .modules(grid):
            grid.origin = (grid.origin.x + dx, grid.origin.y + dy)
            return .modules(grid)
        case let .frame(top):
            return .frame(top: top + dy)
        }
    }

    /// The op in PDF coordinates for a fragment whose top edge is at `top`.
    func placed(top: Points) -> DrawOp {
        switch self {
        case let .text(x, y, font, size, text, color):
            return .text(x: x, y: top - y, font: font, size: size, text: text, color: color)
        case let .fillRect(x, y, width, height, color):
            return .fillRect(x: x, y: top - y, width: width, height: height, color: color)
        case let .strokeRect(x, y, width, height, lineWidth, color):
            return .strokeRect(x: x, y: top - y, width: width, height: height, lineWidth: lineWidth, color: color)
        case let .line(x1, y1, x2, y2, lineWidth, dash, color):
            return .line(x1: x1, y1: top - y1, x2: x2, y2: top - y2, lineWidth: lineWidth, dash: dash, color: color)
        case let .circle(centerX, centerY, radius, lineWidth, dash, color):
            return .circle(centerX: centerX, centerY: top - centerY, radius: radius, lineWidth: lineWidth, dash: dash,
                           color: color)
        case let .image(index, x, y, width, height):
            return .image(index: index, x: x, y: top - y, width: width, height: height)
        case var .modules(grid):
            grid.origin.y = top - grid.origin.y
            return .modules(grid)
        case let .frame(y):
            return .frame(top: top - y)
        }
    }
}

extension Array where Element == Fragment {
    /// Stacks fragments into one, as they would sit on an endless page.
    func stacked(into ops: inout [DrawOp], dx: Points = 0, dy: Points = 0) -> Points {
        var depth: Points = 0
        var total = ops.count
        for fragment in self { total += fragment.ops.count }
        // Grows at most once, and geometrically (callers stack into the same list many times).
        if ops.capacity < total { ops.reserveCapacity(Swift.max(total, ops.capacity * 2)) }
        for (index, fragment) in enumerated() {
            if index > 0 || depth > 0 { depth += fragment.spaceBefore }
            // By index: iterating copies each op first, which costs more than moving it.
            for op in fragment.ops.indices { ops.append(fragment.ops[op].shifted(dx: dx, dy: dy + depth)) }
            depth += fragment.height + (index == count - 1 ? 0 : fragment.spaceAfter)
        }
        return depth
    }
}

extension Array where Element == DrawOp {
    /// Appends a fragment's ops in PDF coordinates for its top edge at `top`. Ops are read in
    /// place by index: iterating copies each op first, which costs more than placing it.
    mutating func append(_ ops: [DrawOp], placedAt top: Points) {
        for index in ops.indices { append(ops[index].placed(top: top)) }
    }
}
