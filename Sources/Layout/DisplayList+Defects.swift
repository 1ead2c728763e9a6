import Markup

/// Something drawn where it must not be: outside its page, or text over other text.
public struct LayoutDefect: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An op reaches outside the page box.
        case outsidePage
        /// Two pieces of text overlap (`other` is the second one).
        case textOverlap(other: String)
    }

    /// 1-based page number.
    public var page: Int
    public var kind: Kind
    /// The op at fault: the text it shows, or the kind of drawing.
    public var subject: String

    public var description: String {
        switch kind {
        case .outsidePage: return "page \(page): \(subject) reaches outside the page"
        case .textOverlap(let other): return "page \(page): text \(subject) overlaps \(other)"
        }
    }
}

/// A box on the page in PDF coordinates.
struct DrawnBox {
    var left: Points, bottom: Points, right: Points, top: Points
    var subject: String
}

extension DisplayList {
    /// Vertical extent of a text op counted as its ink, as multiples of the font size: from
    /// 0.2 below the baseline (shallow descenders) to 0.7 above it (about the cap height).
    /// Lines set at a line height of 1.0 or more then never count as overlapping, while any
    /// two texts sharing a line or pushed into each other do.
    static let textInkBelow = 0.2, textInkAbove = 0.7

    /// Every op drawn outside its page box, and every text op overlapping another text op
    /// on the same page by more than `tolerance` points in both directions (runs that touch,
    /// such as a bold word followed by a regular one, do not count).
    public func layoutDefects(tolerance: Points = 0.05) -> [LayoutDefect] {
        var defects: [LayoutDefect] = []
        for (index, page) in pages.enumerated() {
            var texts: [DrawnBox] = []
            for op in page.ops {
                guard let box = box(of: op) else { continue }
                if box.left < -tolerance || box.bottom < -tolerance
                    || box.right > page.width + tolerance || box.top > page.height + tolerance
                    || !(box.left.isFinite && box.right.isFinite && box.bottom.isFinite && box.top.isFinite) {
                    defects.append(LayoutDefect(page: index + 1, kind: .outsidePage, subject: box.subject))
                }
                if case .text = op { texts.append(box) }
            }
            Self.overlaps(texts, tolerance: tolerance) { first, second in
                defects.append(LayoutDefect(page: index + 1, kind: .textOverlap(other: second.subject),
                                            subject: first.subject))
            }
        }
        return defects
    }

    /// Calls `report` for each overlapping pair: the boxes sorted by bottom edge, each
    /// compared only with those starting below its top.
    private static func overlaps(_ boxes: [DrawnBox], tolerance: Points,
                                 report: (DrawnBox, DrawnBox) -> Void) {
        let sorted = boxes.sorted { $0.bottom < $1.bottom }
        for first in sorted.indices {
            let box = sorted[first]
            var second = first + 1
            while second < sorted.count, sorted[second].bottom < box.top - tolerance {
                let other = sorted[second]
                if other.left < box.right - tolerance && box.left < other.right - tolerance {
                    report(box, other)
                }
                second += 1
            }
        }
    }

    /// The box an op covers (a stroke's half width included); nil for frames.
    private func box(of op: DrawOp) -> DrawnBox? {
        switch op {
        case let .text(x, y, font, size, text, _):
            let width = font >= 0 && font < fonts.count ? fonts[font].font.width(of: text, size: size) : 0
            return DrawnBox(left: x, bottom: y - size * Self.textInkBelow, right: x + width,
                            top: y + size * Self.textInkAbove, subject: "\"\(text)\"")
        case let .fillRect(x, y, width, height, _):
            return DrawnBox(left: min(x, x + width), bottom: min(y, y + height), right: max(x, x + width),
                            top: max(y, y + height), subject: "a filled rectangle")
        case let .strokeRect(x, y, width, height, lineWidth, _):
            let half = lineWidth / 2
            return DrawnBox(left: min(x, x + width) - half, bottom: min(y, y + height) - half,
                            right: max(x, x + width) + half, top: max(y, y + height) + half, subject: "a rectangle")
        case let .line(x1, y1, x2, y2, lineWidth, _, _):
            let half = lineWidth / 2
            return DrawnBox(left: min(x1, x2) - half, bottom: min(y1, y2) - half, right: max(x1, x2) + half,
                            top: max(y1, y2) + half, subject: "a line")
        case let .circle(centerX, centerY, radius, lineWidth, _, _):
            let reach = radius + lineWidth / 2
            return DrawnBox(left: centerX - reach, bottom: centerY - reach, right: centerX + reach,
                            top: centerY + reach, subject: "a circle")
        case let .image(_, x, y, width, height):
            return DrawnBox(left: min(x, x + width), bottom: min(y, y + height), right: max(x, x + width),
                            top: max(y, y + height), subject: "an image")
        case let .modules(grid):
            guard let bounds = grid.bounds else { return nil }
            return DrawnBox(left: bounds.left, bottom: bounds.bottom, right: bounds.right, top: bounds.top,
                            subject: "a barcode")
        case .frame:
            return nil
        }
    }
}
