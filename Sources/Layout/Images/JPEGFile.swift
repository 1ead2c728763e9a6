/// The marker structure of a JPEG file, checked without decoding pixels (libharu embeds
/// JPEG bytes as they are and parses only the frame header, so Talon checks the rest).
///
/// Accepted: baseline (SOF0), extended sequential (SOF1) and progressive (SOF2) Huffman
/// frames with 8-bit samples and 1 (gray) or 3 (YCbCr/RGB) components. Rejected with a
/// reason: lossless, hierarchical and arithmetic-coded frames, 12-bit samples, and
/// 4-component (CMYK/YCCK) images — libharu would embed them as DeviceCMYK without the
/// Decode array Adobe's inverted CMYK needs, printing a negative.
struct JPEGFile: Sendable {
    var width: Int
    var height: Int
    var components: Int
    /// The file up to and including EOI (trailing bytes after EOI are dropped).
    var bytes: [UInt8]

    init(bytes: [UInt8], file: String, limits: ImageLimits) throws(ImageError) {
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 else {
            throw .invalidJPEG(file: file, reason: "no SOI marker")
        }
        var frame: (width: Int, height: Int, components: [UInt8])?
        var scans = 0
        var offset = 2
        while true {
            guard offset < bytes.count else { throw .truncatedJPEG(file: file, expected: "EOI") }
            guard bytes[offset] == 0xFF else {
                throw .invalidJPEG(file: file, reason: "expected a marker at offset \(offset), found byte \(bytes[offset])")
            }
            // Any number of 0xFF fill bytes may precede a marker code.
            while offset < bytes.count && bytes[offset] == 0xFF { offset += 1 }
            guard offset < bytes.count else { throw .truncatedJPEG(file: file, expected: "EOI") }
            let marker = bytes[offset]
            let markerOffset = offset - 1
            offset += 1
            switch marker {
            case 0xD9:
                guard scans > 0 else { throw .invalidJPEG(file: file, reason: "EOI before any SOS (no image data)") }
                guard let frame else { throw .invalidJPEG(file: file, reason: "no SOF frame header") }
                self.width = frame.width
                self.height = frame.height
                self.components = frame.components.count
                self.bytes = Array(bytes[0..<offset])
                return
            case 0xD8:
                throw .invalidJPEG(file: file, reason: "second SOI marker at offset \(markerOffset)")
            case 0x01, 0xD0...0xD7:
                continue  // standalone markers without a length
            case 0x00:
                throw .invalidJPEG(file: file, reason: "invalid marker 0xFF00 at offset \(markerOffset)")
            default:
                break
            }
            let name = JPEGFile.markerName(marker)
            guard bytes.count - offset >= 2 else {
                throw .truncatedJPEG(file: file, expected: "the length of segment \(name)")
            }
            let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            guard length >= 2 else {
                throw .invalidJPEG(file: file, reason: "segment \(name) at offset \(markerOffset) declares length \(length)")
            }
            guard length <= bytes.count - offset else {
                throw .truncatedJPEG(file: file,
                                     expected: "the end of segment \(name) (declares \(length) bytes, \(bytes.count - offset) remain)")
            }
            let segment = bytes[(offset + 2)..<(offset + length)]
            offset += length
            switch marker {
            case 0xC0, 0xC1, 0xC2:
                guard frame == nil else { throw .invalidJPEG(file: file, reason: "more than one SOF frame header") }
                frame = try JPEGFile.frameHeader(segment, name: name, file: file, limits: limits)
            case 0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                throw .unsupportedJPEG(file: file, reason: "\(name) frames (\(JPEGFile.frameKind(marker))) cannot be embedded")
            case 0xDA:
                guard let frame else { throw .invalidJPEG(file: file, reason: "SOS before the SOF frame header") }
                try JPEGFile.checkScanHeader(segment, frameComponents: frame.components, file: file)
                scans += 1
                offset = JPEGFile.endOfEntropyCodedData(bytes, from: offset)
            case 0xDC:
                throw .unsupportedJPEG(file: file, reason: "height defined by a DNL marker")
            default:
                break  // tables, application data, comments: skipped
            }
        }
    }

    /// The offset of the first marker after a scan's entropy-coded data (0xFF followed by
    /// anything but a stuffed 0x00, a restart marker or fill), or the end of the bytes.
    static func endOfEntropyCodedData(_ bytes: [UInt8], from start: Int) -> Int {
        var offset = start
        while offset < bytes.count - 1 {
            if bytes[offset] == 0xFF {
                let next = bytes[offset + 1]
                if next == 0x00 || (0xD0...0xD7).contains(next) {
                    offset += 2
                    continue
                }
                if next != 0xFF { return offset }
            }
            offset += 1
        }
        return bytes.count
    }
}
