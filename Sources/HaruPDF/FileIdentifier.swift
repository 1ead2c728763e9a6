import Layout

/// The /ID of an encrypted PDF: an MD5 digest of everything the display list draws and
/// declares, so the same list always yields the same file (and different lists differ).
enum FileIdentifier {
    static func digest(of list: DisplayList) -> [UInt8] {
        var digest = HaruDigest()
        func text(_ value: String) {
            digest.update(UInt64(value.utf8.count))
            digest.update(Array(value.utf8))
        }
        func number(_ value: Double) { digest.update(value.bitPattern) }
        func color(_ value: RGBColor) { [value.red, value.green, value.blue].forEach(number) }
        let info = list.info
        [info.title, info.author, info.subject, info.keywords, info.creator].forEach(text)
        if let date = info.creationDate { [date.year, date.month, date.day].forEach { digest.update(UInt64(bitPattern: Int64($0))) } }
        // The passwords stay out: the identifier is stored in clear in the file.
        digest.update(info.printOnly ? 1 : 0)
        for resource in list.fonts {
            text(resource.font.postScriptName)
            text(String(String.UnicodeScalarView(resource.usedScalars)))
        }
        for image in list.images {
            digest.update(UInt64(image.pixelWidth))
            digest.update(UInt64(image.pixelHeight))
            switch image.pixels {
            case .raw(let components, let bytes):
                digest.update(UInt64(components))
                digest.update(bytes)
            case .jpeg(let bytes, _):
                digest.update(bytes)
            }
        }
        for page in list.pages {
            number(page.width)
            number(page.height)
            for op in page.ops {
                switch op {
                case .text(let x, let y, let font, let size, let value, let fill):
                    [0, x, y, Double(font), size].forEach(number); text(value); color(fill)
                case .fillRect(let x, let y, let width, let height, let fill):
                    [1, x, y, width, height].forEach(number); color(fill)
                case .strokeRect(let x, let y, let width, let height, let lineWidth, let stroke):
                    [2, x, y, width, height, lineWidth].forEach(number); color(stroke)
                case .line(let x1, let y1, let x2, let y2, let lineWidth, let dash, let stroke):
                    ([3, x1, y1, x2, y2, lineWidth] + dash).forEach(number); color(stroke)
                case .circle(let x, let y, let radius, let lineWidth, let dash, let stroke):
                    ([4, x, y, radius, lineWidth] + dash).forEach(number); color(stroke)
                case .image(let index, let x, let y, let width, let height):
                    [5, Double(index), x, y, width, height].forEach(number)
                case .frame(let top):
                    [6, top].forEach(number)
                }
            }
        }
        return digest.finish()
    }
}
