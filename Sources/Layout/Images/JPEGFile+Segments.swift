/// Checks of the JPEG frame and scan headers.
extension JPEGFile {
    static func frameHeader(_ segment: ArraySlice<UInt8>, name: String, file: String,
                            limits: ImageLimits) throws(ImageError) -> (width: Int, height: Int, components: [UInt8]) {
        guard segment.count >= 6 else { throw .invalidJPEG(file: file, reason: "\(name) header too short") }
        let s = segment.startIndex
        let precision = Int(segment[s])
        let height = Int(segment[s + 1]) << 8 | Int(segment[s + 2])
        let width = Int(segment[s + 3]) << 8 | Int(segment[s + 4])
        let count = Int(segment[s + 5])
        guard precision == 8 else {
            throw .unsupportedJPEG(file: file, reason: "\(precision)-bit samples (only 8-bit JPEG can be embedded)")
        }
        guard height > 0 else { throw .unsupportedJPEG(file: file, reason: "height defined by a DNL marker") }
        guard width > 0 else { throw .invalidJPEG(file: file, reason: "width is 0") }
        try limits.checkPixels(width: width, height: height, file: file)
        guard count == 1 || count == 3 else {
            if count == 4 {
                throw .unsupportedJPEG(file: file, reason: "4 components (CMYK); convert the image to RGB")
            }
            throw .invalidJPEG(file: file, reason: "\(count) components, expected 1 (gray) or 3 (color)")
        }
        guard segment.count == 6 + 3 * count else {
            throw .invalidJPEG(file: file, reason: "\(name) header is \(segment.count + 2) bytes, expected \(8 + 3 * count)")
        }
        var identifiers: [UInt8] = []
        for component in 0..<count {
            let base = s + 6 + 3 * component
            let sampling = segment[base + 1], table = segment[base + 2]
            guard (1...4).contains(sampling >> 4), (1...4).contains(sampling & 0x0F) else {
                throw .invalidJPEG(file: file, reason: "component \(component + 1) has sampling factors \(sampling >> 4)×\(sampling & 0x0F)")
            }
            guard table <= 3 else {
                throw .invalidJPEG(file: file, reason: "component \(component + 1) uses quantization table \(table)")
            }
            guard !identifiers.contains(segment[base]) else {
                throw .invalidJPEG(file: file, reason: "component identifier \(segment[base]) used twice")
            }
            identifiers.append(segment[base])
        }
        return (width, height, identifiers)
    }

    static func checkScanHeader(_ segment: ArraySlice<UInt8>, frameComponents: [UInt8], file: String) throws(ImageError) {
        guard let count = segment.first.map(Int.init), (1...4).contains(count) else {
            throw .invalidJPEG(file: file, reason: "SOS names no components")
        }
        guard segment.count == 4 + 2 * count else {
            throw .invalidJPEG(file: file, reason: "SOS header is \(segment.count + 2) bytes, expected \(6 + 2 * count)")
        }
        for component in 0..<count {
            let identifier = segment[segment.startIndex + 1 + 2 * component]
            guard frameComponents.contains(identifier) else {
                throw .invalidJPEG(file: file, reason: "SOS names component \(identifier), absent from the frame")
            }
        }
    }

    static func markerName(_ marker: UInt8) -> String {
        switch marker {
        case 0xC4: return "DHT"
        case 0xC8: return "JPG"
        case 0xCC: return "DAC"
        case 0xC0...0xCF: return "SOF\(marker - 0xC0)"
        case 0xDA: return "SOS"
        case 0xDB: return "DQT"
        case 0xDC: return "DNL"
        case 0xDD: return "DRI"
        case 0xE0...0xEF: return "APP\(marker - 0xE0)"
        case 0xFE: return "COM"
        default:
            let hex = String(marker, radix: 16, uppercase: true)
            return "0xFF\(hex.count < 2 ? "0" : "")\(hex)"
        }
    }

    static func frameKind(_ marker: UInt8) -> String {
        switch marker {
        case 0xC3: return "lossless"
        case 0xC5, 0xC6, 0xC7: return "hierarchical"
        case 0xCB: return "lossless arithmetic-coded"
        case 0xCD, 0xCE, 0xCF: return "hierarchical arithmetic-coded"
        default: return "arithmetic-coded"
        }
    }
}
