import Markup

extension LayoutSession {
    /// Lays out a block, or replays it from the engine's `BlockCache` when it was kept;
    /// keeps it the second time it is laid out.
    func appendCachedFragments(for block: Block, in context: BlockContext, to result: inout [Fragment])
        throws(LayoutError) {
        guard Self.worthKeeping(block),
              let key = BlockCache.Key(block, in: context, session: self, writer: keyWriter) else {
            return try appendFragments(for: block, in: context, to: &result)
        }
        switch engine.blocks.lookUp(key) {
        case .kept(let entry):
            replay(entry, into: &result)
        case .seenOnce where !recording:
            let start = result.count, missingBefore = missingMet
            recording = true
            recordedFaces = 0
            faceLog.removeAll(keepingCapacity: true)
            defer { recording = false }
            try appendFragments(for: block, in: context, to: &result)
            if missingMet == missingBefore { engine.blocks.keep(entry(for: result[start...]), for: key) }
        case .seenOnce, .new:
            try appendFragments(for: block, in: context, to: &result)
        }
    }

    /// Rules, spacers and page breaks lay out faster than their key is made. A group kept
    /// together is looked up block by block: its own key would repeat its blocks' keys, and
    /// a group that holds the card's own data (a coupon with the card's number) never hits.
    private static func worthKeeping(_ block: Block) -> Bool {
        switch block {
        case .rule, .spacer, .pageBreak, .keepTogether: false
        default: true
        }
    }

    /// A block just laid out, as the cache keeps it: its faces in order of first use with
    /// their font indexes, and the characters it draws per face.
    private func entry(for fragments: ArraySlice<Fragment>) -> BlockCache.Entry {
        var bits: [[UInt64]] = [[], [], [], []]
        var characters = 0
        for fragment in fragments {
            for op in fragment.ops {
                guard case let .text(_, _, font, _, text, _) = op else { continue }
                let face = fontOrder[font]
                if bits[face].isEmpty { bits[face] = [UInt64](repeating: 0, count: 1024) }
                bits[face].withUnsafeMutableBufferPointer { words in
                    for scalar in text.unicodeScalars {
                        characters += 1
                        if scalar.value < 0x10000 { words[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63) }
                    }
                }
            }
        }
        return BlockCache.Entry(fragments: Array(fragments), faces: faceLog,
                                indexes: faceLog.map { fontIndexOfFace[$0] }, scalars: bits.map(Self.scalars(in:)),
                                characters: characters)
    }

    /// Appends a kept block's fragments: font indexes assigned to its faces in the order it
    /// first used them (text ops renumbered when this document's indexes differ), its
    /// characters marked used.
    private func replay(_ entry: BlockCache.Entry, into result: inout [Fragment]) {
        var sameIndexes = true
        for (face, index) in zip(entry.faces, entry.indexes) where fontIndex(face: face) != index {
            sameIndexes = false
        }
        for (face, scalars) in entry.scalars.enumerated() where !scalars.isEmpty {
            // Sorted: the last is the highest.
            growUsed(face: face, toHold: scalars[scalars.count - 1].value)
            used[face].withUnsafeMutableBufferPointer { bits in
                for scalar in scalars { bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63) }
            }
        }
        if sameIndexes {
            result.append(contentsOf: entry.fragments)
            return
        }
        var indexes = [0, 1, 2, 3]
        for (face, index) in zip(entry.faces, entry.indexes) { indexes[index] = fontIndexOfFace[face] }
        for var fragment in entry.fragments {
            fragment.ops = fragment.ops.map { op in
                guard case let .text(x, y, font, size, text, color) = op else { return op }
                return .text(x: x, y: y, font: indexes[font], size: size, text: text, color: color)
            }
            result.append(fragment)
        }
    }
}
