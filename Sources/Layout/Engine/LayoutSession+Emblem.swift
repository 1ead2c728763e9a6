import Barcode
import Markup

extension LayoutSession {
    /// The NBU's background-circle diameter in modules by QR version (resolution No. 97,
    /// annex 1 item 11): 17 for version 10, 19 for 11-12, 21 for 13, 23 for 14-15, 25 for
    /// 16-17 (and, beyond the rules' range, the nearest of these).
    static func emblemCircleModules(version: Int) -> Int {
        switch version {
        case ...10: 17
        case 11...12: 19
        case 13: 21
        case 14...15: 23
        default: 25
        }
    }

    /// The hryvnia sign in a white circle at the centre of a QR symbol whose top-left module
    /// corner is at (`left`, `top`): the circle as wide as the rules say, the sign (bold)
    /// inscribed in a circle 4 modules narrower (annex 1 item 12). The white disc is a
    /// circle of half the radius stroked with a line as wide as that radius.
    func hryvniaEmblem(symbolSize: Int, module: Points, left: Points, top: Points, into ops: inout [DrawOp]) {
        let version = (symbolSize - 17) / 4
        let diameter = Double(Self.emblemCircleModules(version: version)) * module
        let centerX = left + Double(symbolSize) * module / 2, centerY = top + Double(symbolSize) * module / 2
        ops.append(.circle(centerX: centerX, centerY: centerY, radius: diameter / 4, lineWidth: diameter / 2, dash: [],
                           color: RGBColor(red: 1, green: 1, blue: 1)))
        // The sign's box: its advance wide and cap height tall, per point of size.
        let face = faces[min(1, faces.count - 1)]
        let sign: Unicode.Scalar = "\u{20B4}"
        guard face.has(sign) else { return }
        let width = Double(face.widths[Int(sign.value)]) / 1000
        let height = Double(face.font.capHeight) / Double(face.font.unitsPerEm)
        let inner = diameter - 4 * module
        let size = inner / (width * width + height * height).squareRoot()
        let text = styledText([.bold([.text("\u{20B4}")])], size: size)
        let baseline = centerY + height * size / 2
        _ = textBlock(text, alignment: .center, x: centerX - width * size / 2 - 1, width: width * size + 2,
                      top: baseline - lineMetrics(size: size).baseline, into: &ops)
    }
}
