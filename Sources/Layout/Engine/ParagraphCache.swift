import Foundation
import Markup
import Synchronization

/// Paragraphs and headings already laid out by an engine: the same inlines at the same size,
/// alignment, place and width, in the same faces, break into the same lines (a card's terms
/// are the same on every card of a language). A kept paragraph's text ops name faces (0…3)
/// instead of font indexes, and it lists the characters drawn per face; `LayoutSession`
/// turns them back into its own indexes in the order the ops come, which is the order a
/// fresh layout would have assigned them, so documents stay byte for byte the same.
///
/// Only paragraphs without page numbers and without missing characters are kept (those
/// change the session beyond its fonts). Bounded: at most `budget` characters drawn and
/// bytes of key text (about 40 bytes of memory each), the oldest going first, so a
/// long-running `talon serve` stays flat.
final class ParagraphCache: Sendable {
    /// Compares and hashes text by its UTF-8 bytes (String's own hashing normalizes, which
    /// costs more than laying the text out): byte-equal text lays out the same.
    struct Key: Hashable {
        var content: [Inline]
        var size: Points, bold: Bool
        var alignment: TextAlignment
        var x: Points, width: Points
        var lineHeight: Double
        /// The four faces' metrics (regular, bold, italic, bold italic).
        var faces: [ObjectIdentifier]

        static func == (a: Key, b: Key) -> Bool {
            a.size == b.size && a.bold == b.bold && a.alignment == b.alignment && a.x == b.x && a.width == b.width
                && a.lineHeight == b.lineHeight && a.faces == b.faces && Self.same(a.content, b.content)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(size)
            hasher.combine(bold)
            hasher.combine(alignment)
            hasher.combine(x)
            hasher.combine(width)
            hasher.combine(lineHeight)
            hasher.combine(faces)
            Self.combine(content, into: &hasher)
        }

        /// The UTF-8 bytes of the texts of `inlines`.
        static func textBytes(_ inlines: [Inline]) -> Int {
            inlines.reduce(0) { total, inline in
                switch inline {
                case .text(let text): total + text.utf8.count
                case .bold(let inner), .italic(let inner), .underline(let inner): total + textBytes(inner)
                case .lineBreak, .pageNumber, .pageCount: total
                }
            }
        }

        /// Bytes hashed at each end of a text.
        static let hashedEnds = 24

        private static func combine(_ inlines: [Inline], into hasher: inout Hasher) {
            hasher.combine(inlines.count)
            for inline in inlines {
                switch inline {
                case .text(let text):
                    // The length and the ends: hashing every byte of long terms costs more than
                    // the comparison that confirms a match.
                    hasher.combine(0)
                    let count = text.utf8.count
                    hasher.combine(count)
                    let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                        let raw = UnsafeRawBufferPointer(bytes)
                        if count <= 2 * Self.hashedEnds {
                            hasher.combine(bytes: raw)
                        } else {
                            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.prefix(Self.hashedEnds)))
                            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.suffix(Self.hashedEnds)))
                        }
                    }
                    // Byte-equal texts are equal Strings, so String's hash agrees with `same`.
                    if hashed == nil { hasher.combine(text) }
                case .bold(let inner): hasher.combine(1); combine(inner, into: &hasher)
                case .italic(let inner): hasher.combine(2); combine(inner, into: &hasher)
                case .underline(let inner): hasher.combine(3); combine(inner, into: &hasher)
                case .lineBreak: hasher.combine(4)
                case .pageNumber: hasher.combine(5)
                case .pageCount: hasher.combine(6)
                }
            }
        }

        private static func sameBytes(_ x: String, _ y: String) -> Bool {
            guard x.utf8.count == y.utf8.count else { return false }
            let compared = x.utf8.withContiguousStorageIfAvailable { left in
                y.utf8.withContiguousStorageIfAvailable { right in
                    guard let first = left.baseAddress, let second = right.baseAddress else { return true }
                    return memcmp(first, second, left.count) == 0
                }
            }
            return (compared ?? nil) ?? x.utf8.elementsEqual(y.utf8)
        }

        private static func same(_ a: [Inline], _ b: [Inline]) -> Bool {
            guard a.count == b.count else { return false }
            for (left, right) in zip(a, b) {
                switch (left, right) {
                case let (.text(x), .text(y)):
                    guard sameBytes(x, y) else { return false }
                case let (.bold(x), .bold(y)), let (.italic(x), .italic(y)), let (.underline(x), .underline(y)):
                    guard same(x, y) else { return false }
                case (.lineBreak, .lineBreak), (.pageNumber, .pageNumber), (.pageCount, .pageCount):
                    continue
                default:
                    return false
                }
            }
            return true
        }
    }

    struct Paragraph {
        /// Text ops carry a face (0…3) in place of a font index.
        var fragments: [Fragment]
        /// Characters drawn, per face.
        var scalars: [[Unicode.Scalar]]
        /// Characters drawn; once kept, with its key's text bytes added (what counts against `budget`).
        var characters: Int
    }

    private struct State {
        var entries: [Key: Paragraph] = [:]
        /// Keys in the order they were kept, oldest first from `oldest` on.
        var order: [Key] = []
        var oldest = 0
        var characters = 0
    }

    static let budget = 64_000
    private let state = Mutex(State())

    func paragraph(for key: Key) -> Paragraph? {
        state.withLock { $0.entries[key] }
    }

    func keep(_ paragraph: Paragraph, for key: Key) {
        // What it holds: the characters it draws and its key's text (spaces draw nothing).
        var paragraph = paragraph
        paragraph.characters += Key.textBytes(key.content) + 1
        guard paragraph.characters <= Self.budget else { return }
        state.withLock { state in
            guard state.entries[key] == nil else { return }
            while state.characters + paragraph.characters > Self.budget, state.oldest < state.order.count {
                if let evicted = state.entries.removeValue(forKey: state.order[state.oldest]) {
                    state.characters -= evicted.characters
                }
                state.oldest += 1
            }
            if state.oldest > 64, state.oldest * 2 > state.order.count {
                state.order.removeFirst(state.oldest)
                state.oldest = 0
            }
            state.entries[key] = paragraph
            state.order.append(key)
            state.characters += paragraph.characters
        }
    }
}

extension Inline {
    /// True when the inlines hold a page number or count (laid out per page).
    static func numbersPages(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .pageNumber, .pageCount: true
            case .bold(let inner), .italic(let inner), .underline(let inner): numbersPages(inner)
            case .text, .lineBreak: false
            }
        }
    }
}

extension LayoutSession {
    /// The lines of a paragraph or heading (`paragraphFragments` of its styled text), from
    /// the engine's cache when it was laid out before.
    func paragraphLines(_ content: [Inline], size: Points, bold: Bool, alignment: TextAlignment, x: Points,
                        width: Points) -> [Fragment] {
        func layOut() -> [Fragment] {
            paragraphFragments(styledText(content, size: size, bold: bold), alignment: alignment, x: x, width: width)
        }
        guard !Inline.numbersPages(content) else { return layOut() }
        let key = ParagraphCache.Key(content: content, size: size, bold: bold, alignment: alignment, x: x, width: width,
                                     lineHeight: setup.lineHeight, faces: faces.map(ObjectIdentifier.init))
        if let kept = engine.paragraphs.paragraph(for: key) { return replay(kept) }
        let missingBefore = missingMet
        let fragments = layOut()
        if missingMet == missingBefore { engine.paragraphs.keep(keepable(fragments), for: key) }
        return fragments
    }

    /// Fragments whose text ops name faces, with the characters they draw.
    private func keepable(_ fragments: [Fragment]) -> ParagraphCache.Paragraph {
        var scalars: [[Unicode.Scalar]] = [[], [], [], []]
        var characters = 0
        var kept = fragments
        for index in kept.indices {
            kept[index].ops = kept[index].ops.map { op in
                guard case let .text(x, y, font, size, text, color) = op else { return op }
                let face = fontOrder[font]
                scalars[face].append(contentsOf: text.unicodeScalars)
                characters += text.unicodeScalars.count
                return .text(x: x, y: y, font: face, size: size, text: text, color: color)
            }
        }
        return ParagraphCache.Paragraph(fragments: kept, scalars: scalars, characters: characters)
    }

    /// A kept paragraph's fragments with this session's font indexes, its characters marked used.
    private func replay(_ paragraph: ParagraphCache.Paragraph) -> [Fragment] {
        var fragments = paragraph.fragments
        for index in fragments.indices {
            for op in fragments[index].ops.indices {
                guard case let .text(x, y, face, size, text, color) = fragments[index].ops[op] else { continue }
                fragments[index].ops[op] = .text(x: x, y: y, font: fontIndex(face: face), size: size, text: text, color: color)
            }
        }
        for (face, scalars) in paragraph.scalars.enumerated() where !scalars.isEmpty {
            _ = fontIndex(face: face)
            used[face].withUnsafeMutableBufferPointer { bits in
                for scalar in scalars where scalar.value < 0x10000 {
                    bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
                }
            }
        }
        return fragments
    }
}
