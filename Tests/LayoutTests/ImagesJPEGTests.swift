import Testing
@testable import Layout

/// JPEG structure checks: what libharu would embed must be complete and of a kind it handles.
@Suite struct ImagesJPEGTests {
    static func fixture() throws -> [UInt8] { try ImageFixtures.bytes("rgb-baseline.jpg") }

    /// The offset of the first segment with `marker` (the 0xFF byte).
    static func offset(of marker: UInt8, in bytes: [UInt8]) -> Int? {
        var offset = 2
        while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
            if bytes[offset + 1] == marker { return offset }
            offset += 2 + (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3]))
        }
        return nil
    }

    @Test func everyPrefixIsAnError() throws {
        for name in ["rgb-baseline.jpg", "rgb-progressive.jpg"] {
            let bytes = try ImageFixtures.bytes(name)
            for length in 0..<bytes.count {
                #expect(throws: ImageError.self, "prefix of \(length) bytes of \(name)") {
                    try ImageDecoder.decode(bytes: Array(bytes[0..<length]), name: name)
                }
            }
        }
        let bytes = try Self.fixture()
        let error = ImageError.truncatedJPEG(file: "scan.jpg", expected: "EOI")
        #expect(throws: error) { try ImageDecoder.decode(bytes: Array(bytes.dropLast(2)), name: "scan.jpg") }
        #expect(error.description == "scan.jpg: JPEG ends before EOI")
    }

    @Test func segmentLengthsAreChecked() throws {
        var bytes = try Self.fixture()
        guard let dqt = Self.offset(of: 0xDB, in: bytes) else { Issue.record("fixture has no DQT"); return }
        bytes[dqt + 2] = 0xFF  // declares ~65 KB
        #expect(throws: ImageError.self) { try ImageDecoder.decode(bytes: bytes, name: "l.jpg") }
        do {
            _ = try ImageDecoder.decode(bytes: bytes, name: "l.jpg")
        } catch {
            guard case .truncatedJPEG(_, let expected) = error else { Issue.record("unexpected \(error)"); return }
            #expect(expected.hasPrefix("the end of segment DQT (declares"))
        }
        bytes[dqt + 2] = 0
        bytes[dqt + 3] = 1
        #expect(throws: ImageError.invalidJPEG(file: "l.jpg", reason: "segment DQT at offset \(dqt) declares length 1")) {
            try ImageDecoder.decode(bytes: bytes, name: "l.jpg")
        }
    }

    @Test func rejectsUnsupportedFrames() throws {
        let bytes = try Self.fixture()
        guard let sof = Self.offset(of: 0xC0, in: bytes) else { Issue.record("fixture has no SOF0"); return }
        var lossless = bytes
        lossless[sof + 1] = 0xC3
        #expect(throws: ImageError.unsupportedJPEG(file: "j.jpg", reason: "SOF3 frames (lossless) cannot be embedded")) {
            try ImageDecoder.decode(bytes: lossless, name: "j.jpg")
        }
        var arithmetic = bytes
        arithmetic[sof + 1] = 0xC9
        #expect(throws: ImageError.unsupportedJPEG(file: "j.jpg", reason: "SOF9 frames (arithmetic-coded) cannot be embedded")) {
            try ImageDecoder.decode(bytes: arithmetic, name: "j.jpg")
        }
        var twelveBit = bytes
        twelveBit[sof + 4] = 12
        #expect(throws: ImageError.unsupportedJPEG(file: "j.jpg", reason: "12-bit samples (only 8-bit JPEG can be embedded)")) {
            try ImageDecoder.decode(bytes: twelveBit, name: "j.jpg")
        }
        var zeroWidth = bytes
        zeroWidth[sof + 7] = 0; zeroWidth[sof + 8] = 0
        #expect(throws: ImageError.invalidJPEG(file: "j.jpg", reason: "width is 0")) {
            try ImageDecoder.decode(bytes: zeroWidth, name: "j.jpg")
        }
        // A CMYK frame header: 4 components.
        let cmyk: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0, 20, 8, 0, 1, 0, 1, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]
        #expect(throws: ImageError.unsupportedJPEG(file: "c.jpg", reason: "4 components (CMYK); convert the image to RGB")) {
            try ImageDecoder.decode(bytes: cmyk + [0xFF, 0xD9], name: "c.jpg")
        }
    }

    @Test func requiresOneFrameAndAScan() throws {
        let bytes = try Self.fixture()
        guard let sof = Self.offset(of: 0xC0, in: bytes), let sos = Self.offset(of: 0xDA, in: bytes) else {
            Issue.record("fixture lacks SOF0 or SOS")
            return
        }
        let sofLength = Int(bytes[sof + 2]) << 8 | Int(bytes[sof + 3])
        let frame = Array(bytes[sof..<(sof + 2 + sofLength)])
        let twoFrames = Array(bytes[0..<sof]) + frame + Array(bytes[sof...])
        #expect(throws: ImageError.invalidJPEG(file: "j.jpg", reason: "more than one SOF frame header")) {
            try ImageDecoder.decode(bytes: twoFrames, name: "j.jpg")
        }
        let noScan = Array(bytes[0..<sos]) + [0xFF, 0xD9]
        #expect(throws: ImageError.invalidJPEG(file: "j.jpg", reason: "EOI before any SOS (no image data)")) {
            try ImageDecoder.decode(bytes: noScan, name: "j.jpg")
        }
        let noFrame = Array(bytes[0..<sof]) + Array(bytes[(sof + 2 + sofLength)...])
        #expect(throws: ImageError.invalidJPEG(file: "j.jpg", reason: "SOS before the SOF frame header")) {
            try ImageDecoder.decode(bytes: noFrame, name: "j.jpg")
        }
        #expect(throws: ImageError.invalidJPEG(file: "j.jpg", reason: "no SOI marker")) {
            try JPEGFile(bytes: Array(bytes.dropFirst()), file: "j.jpg", limits: .default)
        }
    }
}
