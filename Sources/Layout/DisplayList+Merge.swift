/// Joining display lists into one document (a print run of many records in one PDF).
///
/// Pages are concatenated in order. Fonts are unified: every resource of the same
/// `TrueTypeFont` (the same shared instance, or equal bytes) becomes one resource whose
/// `usedScalars` is the union of the parts, so the painter embeds each face once.
/// Equal images are likewise stored once. Font and image indices in the appended pages
/// are rewritten to the unified tables. The document info stays that of the first list.
extension DisplayList {
    /// The lists joined into one document, in order; nil for an empty array.
    public static func merged(_ lists: [DisplayList]) -> DisplayList? {
        guard var result = lists.first else { return nil }
        for list in lists.dropFirst() { result.append(list) }
        return result
    }

    /// Appends the pages of `other`, unifying its fonts and images with this list's.
    public mutating func append(_ other: DisplayList) {
        var fontMap: [FontIndex] = []
        fontMap.reserveCapacity(other.fonts.count)
        for resource in other.fonts {
            if let index = fonts.firstIndex(where: { $0.font === resource.font })
                ?? fonts.firstIndex(where: { $0.font == resource.font }) {
                fonts[index].usedScalars = Self.union(fonts[index].usedScalars, resource.usedScalars)
                fontMap.append(index)
            } else {
                fontMap.append(fonts.count)
                fonts.append(resource)
            }
        }
        var imageMap: [ImageIndex] = []
        imageMap.reserveCapacity(other.images.count)
        for image in other.images {
            if let index = images.firstIndex(of: image) {
                imageMap.append(index)
            } else {
                imageMap.append(images.count)
                images.append(image)
            }
        }
        pages.reserveCapacity(pages.count + other.pages.count)
        for page in other.pages {
            var remapped = page
            remapped.ops = page.ops.map { $0.remapped(fonts: fontMap, images: imageMap) }
            pages.append(remapped)
        }
    }

    /// The union of two ascending scalar lists, ascending and without duplicates.
    static func union(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(max(left.count, right.count))
        var i = 0, j = 0
        func add(_ scalar: Unicode.Scalar) {
            if result.last != scalar { result.append(scalar) }
        }
        while i < left.count, j < right.count {
            if left[i].value < right[j].value {
                add(left[i]); i += 1
            } else if right[j].value < left[i].value {
                add(right[j]); j += 1
            } else {
                add(left[i]); i += 1; j += 1
            }
        }
        while i < left.count { add(left[i]); i += 1 }
        while j < right.count { add(right[j]); j += 1 }
        return result
    }
}

extension DrawOp {
    /// The operation with its font or image index looked up in the given tables.
    /// An index outside a table becomes -1, so the painter still reports a missing
    /// resource instead of silently drawing with another part's font or image.
    func remapped(fonts: [FontIndex], images: [ImageIndex]) -> DrawOp {
        switch self {
        case .text(let x, let y, let font, let size, let text, let color):
            let mapped = fonts.indices.contains(font) ? fonts[font] : -1
            return .text(x: x, y: y, font: mapped, size: size, text: text, color: color)
        case .image(let index, let x, let y, let width, let height):
            let mapped = images.indices.contains(index) ? images[index] : -1
            return .image(index: mapped, x: x, y: y, width: width, height: height)
        default:
            return self
        }
    }
}
