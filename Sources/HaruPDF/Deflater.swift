internal import CHaru

/// zlib deflate (zlib format, as /FlateDecode reads it) with one `z_stream` reused for
/// every stream of a document: `deflateReset` instead of libharu's setup per stream.
final class Deflater {
    /// Level 3: about 25 % less deflate time than libharu's fixed 6 for the warranty card's
    /// streams, for about 2.5 % more bytes.
    static let level: Int32 = 3
    /// A hash table of 2^14 entries instead of zlib's default 2^15: the same output for the
    /// card's streams (all under 16 KB) and half the table `deflateReset` clears.
    static let memoryLevel: Int32 = 7

    private var stream = z_stream()
    private let ready: Bool

    init() {
        ready = deflateInit2_(&stream, Self.level, Z_DEFLATED, MAX_WBITS, Self.memoryLevel, Z_DEFAULT_STRATEGY,
                             ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { deflateEnd(&stream) }
    }

    /// `bytes` deflated in one call.
    func deflated(_ bytes: ArraySlice<UInt8>) throws(HaruError) -> [UInt8] {
        guard ready, bytes.count < Int(UInt32.max) / 2 else { throw .library(call: "deflateInit", code: 0x1015, detail: 0) }
        let bound = Int(deflateBound(&stream, UInt(bytes.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                let status = deflate(&stream, Z_FINISH)
                stream.next_in = nil
                stream.next_out = nil
                return status
            }
        }
        let written = Int(stream.total_out)
        let reset = deflateReset(&stream)
        guard status == Z_STREAM_END, reset == Z_OK, written <= bound else {
            throw .library(call: "deflate", code: UInt(bitPattern: Int(status)), detail: 0)
        }
        output.removeLast(bound - written)
        return output
    }
}

@available(*, unavailable)
extension Deflater: Sendable {}
