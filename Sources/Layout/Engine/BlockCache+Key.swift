import Foundation
import Markup
import TalonPrimitives

extension BlockCache {
    /// Everything a block's layout depends on, written out as bytes: the block (each field
    /// tagged and each list counted, so different blocks never write the same bytes), its
    /// place and width, and the session's body size, line height, justification, body height
    /// and faces. Hashed once and compared a word at a time (`ByteRun`; String's own hashing
    /// and comparison normalize, which costs more than laying the text out).
    ///
    /// A text is written as its UTF-8 bytes, or, beyond 15 bytes (longer than a small string
    /// holds in itself), as the address of its stored bytes: the key keeps its block and so
    /// that storage alive, and storage another string also refers to is never changed in
    /// place, so while both live an equal address is equal text. Texts the markup stage
    /// memorizes (the brand's terms) are the same storage on every card, so their keys stay
    /// short; the same text in other storage only misses the cache.
    struct Key: Hashable {
        let bytes: [UInt8]
        let hash: Int
        /// Holds the texts whose addresses `bytes` contains.
        let block: Block

        /// Nil for a block whose layout depends on more than the key holds. `writer` is scratch
        /// room reused from key to key.
        init?(_ block: Block, in context: BlockContext, session: LayoutSession, writer: KeyWriter) {
            writer.reset()
            writer.number(context.x)
            writer.number(context.width)
            writer.integer(context.listLevel)
            writer.number(session.setup.fontSize)
            writer.number(session.setup.lineHeight)
            writer.integer(session.setup.justify ? 1 : 0)
            writer.number(session.bodyHeight)
            for face in session.faces { writer.integer(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(face)))) }
            guard writer.block(block) else { return nil }
            let written = writer.written
            self.block = block
            bytes = Array(written)
            hash = ByteRun.fingerprint(written)
        }

        static func == (a: Key, b: Key) -> Bool {
            a.hash == b.hash && a.bytes.withUnsafeBytes { left in b.bytes.withUnsafeBytes { right in ByteRun.equal(left, right) } }
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }
}

/// Writes blocks as key bytes into room it grows as needed; `block(_:)` returns false for
/// content a key cannot stand for.
final class KeyWriter {
    private var base: UnsafeMutableRawPointer
    private var capacity = 1024
    private var count = 0

    init() { base = .allocate(byteCount: capacity, alignment: 8) }

    deinit { base.deallocate() }

    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    func reset() { count = 0 }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        while count + extra > capacity { capacity *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        grown.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = grown
    }

    func integer(_ value: Int) {
        reserve(8)
        base.storeBytes(of: Int64(value).littleEndian, toByteOffset: count, as: Int64.self)
        count += 8
    }

    func number(_ value: Double) {
        reserve(8)
        base.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: count, as: UInt64.self)
        count += 8
    }

    func tag(_ value: UInt8) {
        reserve(1)
        base.storeBytes(of: value, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// A text's length and UTF-8 bytes, or -1 and the address of its stored bytes beyond
    /// 15 bytes (see `BlockCache.Key`).
    func text(_ string: String) {
        let lent: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            if utf8.count > 15, let address = utf8.baseAddress {
                integer(-1)
                integer(Int(bitPattern: address))
            } else {
                append(UnsafeRawBufferPointer(utf8))
            }
        }
        if lent == nil { Array(string.utf8).withUnsafeBytes { append($0) } }
    }

    private func append(_ utf8: UnsafeRawBufferPointer) {
        integer(utf8.count)
        reserve(utf8.count)
        if let source = utf8.baseAddress { (base + count).copyMemory(from: source, byteCount: utf8.count) }
        count += utf8.count
    }

    func block(_ block: Block) -> Bool {
        switch block {
        case .heading(let level, let content):
            tag(1)
            integer(level)
            return inlines(content)
        case .paragraph(let content, let alignment):
            tag(2)
            alignmentTag(alignment)
            return inlines(content)
        case .list(let ordered, let start, let items):
            tag(3)
            integer(ordered ? 1 : 0)
            integer(start)
            integer(items.count)
            for item in items { guard blocks(item) else { return false } }
            return true
        case .rule:
            tag(4)
            return true
        case .cutLine(let label):
            tag(5)
            return inlines(label)
        case .field(let label, let value, let style, let width):
            tag(6)
            tag(style == .line ? 0 : 1)
            if let width {
                tag(1)
                number(width)
            } else {
                tag(0)
            }
            return inlines(label) && inlines(value)
        case .checkbox(let checked, let label):
            tag(7)
            tag(checked ? 1 : 0)
            return inlines(label)
        case .signature(let caption):
            tag(8)
            return inlines(caption)
        case .stamp(let label):
            tag(9)
            return inlines(label)
        case .pageBreak:
            tag(10)
            return true
        case .keepTogether(let content):
            tag(11)
            return blocks(content)
        case .columns(let widths, let columns):
            tag(12)
            integer(widths.count)
            for width in widths { number(width) }
            integer(columns.count)
            for column in columns { guard blocks(column) else { return false } }
            return true
        case .spacer(let height):
            tag(13)
            number(height)
            return true
        // Tables may repeat header rows (an index into the session), images take an index
        // in the session, barcodes come from an outside encoder, and `@keep(with: previous)`
        // changes the block before it.
        case .table, .image, .barcode, .keepWithPrevious:
            return false
        }
    }

    private func blocks(_ content: [Block]) -> Bool {
        integer(content.count)
        for item in content { guard block(item) else { return false } }
        return true
    }

    private func alignmentTag(_ alignment: TextAlignment?) {
        switch alignment {
        case nil: tag(0)
        case .left: tag(1)
        case .center: tag(2)
        case .right: tag(3)
        case .justify: tag(4)
        }
    }

    private func inlines(_ content: [Inline]) -> Bool {
        integer(content.count)
        for inline in content {
            switch inline {
            case .text(let string):
                tag(1)
                text(string)
            case .bold(let inner):
                tag(2)
                guard inlines(inner) else { return false }
            case .italic(let inner):
                tag(3)
                guard inlines(inner) else { return false }
            case .underline(let inner):
                tag(4)
                guard inlines(inner) else { return false }
            case .lineBreak:
                tag(5)
            // Page numbers are filled in per page.
            case .pageNumber, .pageCount:
                return false
            }
        }
        return true
    }
}
