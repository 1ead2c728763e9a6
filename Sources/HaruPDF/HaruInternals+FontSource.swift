internal import CHaru
import Foundation

extension HaruInternals {
    /// A read-only libharu stream (`HPDF_Stream_Rec` with callbacks) over a font file held in
    /// memory, for `HPDF_TTFontDef_Load`.
    ///
    /// libharu reads a loaded TrueType font many times in small pieces (each table when loading,
    /// each glyph when saving). Through its own memory stream every piece is copied with
    /// `HPDF_MemCpy`, a byte-at-a-time loop, and the whole file is first copied into the stream
    /// the same way. This stream reads with `memcpy` from one buffer filled once.
    ///
    /// The buffer starts with the read position and holds the font after it. The document
    /// owns it (`HaruDocument.retain(_:)`) and frees it after `HPDF_Free`, since the stream is
    /// read until the document is saved and libharu frees only the stream record itself.
    enum FontSource {
        /// The header in front of the bytes.
        struct Header {
            var count: Int
            var position: Int
        }

        /// A callback stream over a copy of `bytes`, read from `position`; the copy belongs to
        /// `document`.
        static func stream(_ bytes: [UInt8], in document: HaruDocument, mmgr: HPDF_MMgr?,
                           position: Int = 0) -> HPDF_Stream? {
            let headerSize = MemoryLayout<Header>.stride
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: headerSize + max(bytes.count, 1),
                                                          alignment: MemoryLayout<Header>.alignment)
            document.retain(buffer)
            buffer.initializeMemory(as: Header.self, repeating: Header(count: bytes.count, position: min(max(position, 0), bytes.count)), count: 1)
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { (buffer + headerSize).copyMemory(from: base, byteCount: source.count) }
            }
            return HPDF_CallbackReader_New(mmgr, read, seek, tell, size, buffer)
        }

        /// The read position of a stream made by `stream` (nil for a stream of another kind).
        static func position(of stream: HPDF_Stream) -> Int? {
            guard stream.pointee.type == HPDF_STREAM_CALLBACK else { return nil }
            return header(stream)?.pointee.position
        }

        private static func header(_ stream: HPDF_Stream?) -> UnsafeMutablePointer<Header>? {
            stream?.pointee.attr?.assumingMemoryBound(to: Header.self)
        }

        /// Copies up to `*size` bytes; fewer at the end of the file, reported as HPDF_STREAM_EOF
        /// like libharu's memory stream.
        private static let read: HPDF_Stream_Read_Func = { stream, target, size in
            guard let stream, let header = header(stream), let size else { return UInt(HPDF_INVALID_PARAMETER) }
            let wanted = Int(size.pointee)
            let count = min(wanted, header.pointee.count - header.pointee.position)
            if count > 0, let target {
                let source = UnsafeRawPointer(header) + MemoryLayout<Header>.stride + header.pointee.position
                UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: count)
            }
            let copied = max(count, 0)
            header.pointee.position += copied
            size.pointee = UInt32(copied)
            return copied < wanted ? HPDF_SetError(stream.pointee.error, UInt(HPDF_STREAM_EOF), 0) : UInt(HPDF_OK)
        }

        /// Moves the read position; anywhere from the start to the end of the file inclusive.
        private static let seek: HPDF_Stream_Seek_Func = { stream, offset, mode in
            guard let stream, let header = header(stream) else { return UInt(HPDF_INVALID_PARAMETER) }
            let base: Int
            switch mode {
            case HPDF_SEEK_CUR: base = header.pointee.position
            case HPDF_SEEK_END: base = header.pointee.count
            default: base = 0
            }
            let target = base + Int(offset)
            guard target >= 0, target <= header.pointee.count else {
                return HPDF_SetError(stream.pointee.error, UInt(HPDF_STREAM_EOF), 0)
            }
            header.pointee.position = target
            return UInt(HPDF_OK)
        }

        private static let tell: HPDF_Stream_Tell_Func = { stream in
            Int32(clamping: header(stream)?.pointee.position ?? 0)
        }

        private static let size: HPDF_Stream_Size_Func = { stream in
            UInt32(clamping: header(stream)?.pointee.count ?? 0)
        }
    }
}
