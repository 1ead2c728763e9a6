import CHaru
import Foundation
import Testing
@testable import HaruPDF

/// `HaruInternals.append(_:to:)` leaves a libharu memory stream exactly as `HPDF_Stream_Write`
/// does: the same bytes across block boundaries, the same size, readable by libharu itself,
/// and further writes by libharu continue where it stopped.
@Suite struct MemoryStreamAppendTests {
    @Test func appendingIsWritingWithMemcpy() throws {
        let document = try HaruDocument()
        let internals = document.internals
        let mmgr = document.handle.pointee.mmgr
        let ours = try #require(HPDF_MemStream_New(mmgr, 16)), libharus = try #require(HPDF_MemStream_New(mmgr, 16))
        defer { HPDF_Stream_Free(ours); HPDF_Stream_Free(libharus) }
        var expected: [UInt8] = []
        for (round, size) in [0, 1, 15, 16, 17, 40, 3, 64, 5].enumerated() {
            let chunk = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ round) }
            expected += chunk
            #expect(chunk.withUnsafeBufferPointer { internals.append($0, to: ours) } == HPDF_OK)
            #expect(chunk.withUnsafeBufferPointer { HPDF_Stream_Write(libharus, $0.baseAddress, UInt32($0.count)) } == HPDF_OK)
        }
        // libharu's own write after ours lands behind it.
        let tail = Array("tail".utf8)
        expected += tail
        for stream in [ours, libharus] {
            #expect(tail.withUnsafeBufferPointer { HPDF_Stream_Write(stream, $0.baseAddress, UInt32($0.count)) } == HPDF_OK)
        }
        #expect(ours.pointee.size == UInt32(expected.count) && libharus.pointee.size == ours.pointee.size)
        #expect(HaruInternals.memoryStreamBytes(ours) == expected)
        #expect(HaruInternals.memoryStreamBytes(libharus) == expected)
        // libharu's reader sees the same bytes.
        #expect(HPDF_Stream_Seek(ours, 0, HPDF_SEEK_SET) == HPDF_OK)
        var read = [UInt8](repeating: 0, count: expected.count)
        var count = UInt32(read.count)
        #expect(HPDF_Stream_Read(ours, &read, &count) == HPDF_OK && Int(count) == expected.count)
        #expect(read == expected)
    }
}
