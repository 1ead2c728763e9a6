/// QR Code model 2 (ISO/IEC 18004): versions 1...40, levels L, M, Q, H, numeric,
/// alphanumeric and byte modes mixed to give the fewest bits.
///
/// Text is written as UTF-8. When it holds non-ASCII characters an ECI designator 26 (UTF-8)
/// comes first, so readers need not guess the character set.
public enum QRCode {
    /// How much of the symbol may be damaged and still read: about 7 %, 15 %, 25 %, 30 %.
    public enum ErrorCorrection: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
        case low = "L", medium = "M", quartile = "Q", high = "H"

        public var description: String { rawValue }

        /// The two bits the format information uses for the level.
        var formatBits: Int {
            switch self {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
        }
    }

    /// Light modules needed on each side.
    public static let quietZone = 4

    /// The symbol for `text`: the smallest version that holds it at `errorCorrection`, or
    /// exactly `version` when given. Of the eight masks the one with the lowest penalty is used.
    public static func encode(_ text: String, errorCorrection: ErrorCorrection = .medium,
                              version: Int? = nil) throws(BarcodeError) -> MatrixSymbol {
        try encode(text, errorCorrection: errorCorrection, version: version, mask: nil)
    }

    /// The symbol for `text` in the smallest version within `versions` that holds it at
    /// `errorCorrection` (payment codes set both a lowest and a highest version).
    public static func encode(_ text: String, errorCorrection: ErrorCorrection,
                              versions: ClosedRange<Int>) throws(BarcodeError) -> MatrixSymbol {
        guard versions.lowerBound >= 1, versions.upperBound <= 40 else {
            throw .invalidVersion(versions.lowerBound < 1 ? versions.lowerBound : versions.upperBound)
        }
        return try encode(text, errorCorrection: errorCorrection, version: nil, mask: nil, versions: versions)
    }

    /// As `encode(_:errorCorrection:version:)`, with the mask fixed when `mask` is 0...7.
    static func encode(_ text: String, errorCorrection level: ErrorCorrection, version: Int?,
                       mask: Int?, eci: Bool? = nil, versions: ClosedRange<Int> = 1...40) throws(BarcodeError)
        -> MatrixSymbol {
        let plan = try DataPlan(text: text, level: level, version: version, eci: eci, allowed: versions)
        let codewords = finalCodewords(data: plan.dataCodewords, version: plan.version, level: level)
        var matrix = QRMatrix(version: plan.version)
        matrix.placeCodewords(codewords)
        let chosen = mask.map { min(max($0, 0), 7) } ?? matrix.bestMask(level: level)
        matrix.applyMask(chosen)
        matrix.drawFormatInformation(level: level, mask: chosen)
        return MatrixSymbol(size: matrix.size, modules: matrix.modules, quietZone: quietZone)
    }

    /// The data codewords of one symbol: segments, terminator, padding to the version's capacity.
    struct DataPlan {
        var version: Int
        var dataCodewords: [UInt8]

        init(text: String, level: ErrorCorrection, version requested: Int?, eci: Bool?,
             allowed: ClosedRange<Int> = 1...40) throws(BarcodeError) {
            if let requested, !(1...40).contains(requested) { throw .invalidVersion(requested) }
            let bytes = Array(text.utf8)
            let useECI = eci ?? bytes.contains { $0 >= 0x80 }
            let eciBits = useECI ? 12 : 0
            var chosen: (version: Int, segments: [Segment])?
            var needed = 0
            let classes = requested.map { [QRCode.versionClass(of: $0)] } ?? [0, 1, 2]
            for versionClass in classes where chosen == nil {
                let classVersions = [1...9, 10...26, 27...40][versionClass]
                guard requested != nil || classVersions.overlaps(allowed) else { continue }
                let segments = QRCode.segments(for: bytes, versionClass: versionClass)
                needed = eciBits + QRCode.bitLength(of: segments, versionClass: versionClass)
                let versions = requested.map { $0...$0 } ?? classVersions.clamped(to: allowed)
                for version in versions where needed <= 8 * QRCode.dataCodewordCount(version: version, level: level) {
                    chosen = (version, segments)
                    break
                }
            }
            guard let chosen else {
                let version = requested ?? allowed.upperBound
                let capacity = 8 * QRCode.dataCodewordCount(version: version, level: level)
                let header = eciBits + 4 + Mode.byte.countBits(versionClass: QRCode.versionClass(of: version))
                throw .qrCodeTooLong(utf8Bytes: bytes.count, dataBits: needed, version: version,
                                     errorCorrection: level, capacityBits: capacity,
                                     byteModeCapacity: max(0, (capacity - header) / 8))
            }
            var buffer = BitBuffer()
            if useECI {
                buffer.append(0b0111, width: 4)
                buffer.append(26, width: 8)
            }
            QRCode.appendSegments(chosen.segments, versionClass: QRCode.versionClass(of: chosen.version), to: &buffer)
            let capacity = 8 * QRCode.dataCodewordCount(version: chosen.version, level: level)
            buffer.append(0, width: min(4, capacity - buffer.count))
            buffer.append(0, width: (8 - buffer.count % 8) % 8)
            var codewords = buffer.bytes
            var pad: UInt8 = 0xEC
            while codewords.count < capacity / 8 {
                codewords.append(pad)
                pad = pad == 0xEC ? 0x11 : 0xEC
            }
            version = chosen.version
            dataCodewords = codewords
        }
    }

    /// Splits data into the version's blocks, adds each block's error correction and interleaves:
    /// data codewords column by column, then error-correction codewords column by column.
    /// Blocks with one extra data codeword follow the shorter ones.
    static func finalCodewords(data: [UInt8], version: Int, level: ErrorCorrection) -> [UInt8] {
        let row = tableRow(level)
        let blockCount = blockCounts[row][version]
        let correctionLength = correctionCodewordsPerBlock[row][version]
        let total = dataModuleCount(version: version) / 8
        let shortBlocks = blockCount - total % blockCount
        let shortDataLength = total / blockCount - correctionLength
        let coder = ReedSolomon(count: correctionLength)
        var blocks: [ArraySlice<UInt8>] = []
        var corrections: [[UInt8]] = []
        var start = 0
        for block in 0..<blockCount {
            let length = shortDataLength + (block < shortBlocks ? 0 : 1)
            let slice = data[start..<min(data.count, start + length)]
            blocks.append(slice)
            corrections.append(coder.remainder(of: slice))
            start += length
        }
        var result: [UInt8] = []
        result.reserveCapacity(total)
        for column in 0...shortDataLength {
            for block in blocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<correctionLength {
            for correction in corrections { result.append(correction[column]) }
        }
        return result
    }
}
