import Layout

/// A bold face drawn as its family's lighter face, filled and stroked (text rendering mode
/// 2), when the document asks for it (`DocumentInfo.syntheticBold`): the bold face keeps its
/// own font dictionary and /Widths (so lines keep the length the layout measured and text
/// extracts as before), but its descriptor shares the lighter face's font program, whose
/// subset then holds the bold text's characters too. That saves the bold program: 2.3 KB
/// of the uk warranty card (12,480 B to 10,159 B).
struct SyntheticBold {
    /// The index in `DisplayList.fonts` of the face drawn instead.
    let lighter: Int
    /// The stroke width per point of font size: `inkMatch` of how much wider the bold face's
    /// stems are than the lighter face's (in em), since stroking widens a stem by the line width.
    let strokePerSize: Double

    /// The stroke width at `size`, in hundredths of a point.
    func lineWidth(size: Double) -> Double { (strokePerSize * size * 100).rounded() / 100 }

    /// The share of the stem difference stroked. A full stem's worth closes counters and
    /// blackens horizontals, which the bold face keeps thinner than its stems; two thirds
    /// put as much ink on the page as DejaVu Sans Bold does (the warranty card's title and
    /// serial number at 300 dpi: within 1 % of the bold face's dark pixels).
    static let inkMatch = 2.0 / 3
}

extension PagePainter {
    /// The bold faces of `list` to draw synthetically, by index: none unless the document
    /// asks for it, and never in PDF/A (whose validators compare a program with its
    /// dictionary); only a bold face whose lighter face is drawn in the document too and has
    /// every character of the bold text, and whose stems are measurably wider.
    static func syntheticBolds(in list: DisplayList) -> [Int: SyntheticBold] {
        guard list.info.syntheticBold, !list.info.pdfa else { return [:] }
        var result: [Int: SyntheticBold] = [:]
        for (index, resource) in list.fonts.enumerated() {
            guard let lighterFace = resource.lighterFace,
                  let lighter = list.fonts.firstIndex(where: { $0.font == lighterFace && $0.lighterFace == nil }),
                  resource.usedScalars.allSatisfy({ lighterFace.glyph(for: $0) != nil }),
                  let boldStem = resource.font.stemWidth, let lighterStem = lighterFace.stemWidth,
                  boldStem > lighterStem else { continue }
            result[index] = SyntheticBold(lighter: lighter,
                                          strokePerSize: (boldStem - lighterStem) * SyntheticBold.inkMatch)
        }
        return result
    }

    /// The characters each face's subset holds: its own, and for a face drawn in place of
    /// synthetic bold ones, theirs too.
    static func subsetScalars(of fonts: [FontResource], synthetic: [Int: SyntheticBold]) -> [[Unicode.Scalar]] {
        var scalars = fonts.map(\.usedScalars)
        for (bold, drawing) in synthetic.sorted(by: { $0.key < $1.key }) {
            scalars[drawing.lighter] = AscendingValues.union(AscendingValues.of(scalars[drawing.lighter]),
                                                             AscendingValues.of(fonts[bold].usedScalars))
        }
        return scalars
    }

    /// Only pairs drawn with the same code table: the lighter face's program maps the codes.
    static func sharingCodes(_ synthetic: [Int: SyntheticBold], encodings: [TextEncoding]) -> [Int: SyntheticBold] {
        synthetic.filter { bold, drawing in
            guard case .singleByte(_, let group, _) = encodings[bold],
                  case .singleByte(_, let lighterGroup, _) = encodings[drawing.lighter] else { return false }
            return group == lighterGroup
        }
    }

    /// Switches the text rendering mode for text in face `index`: fill and stroke (with the
    /// text's colour, a solid line of the synthetic bold's width) for a synthetic bold face,
    /// fill only for any other.
    mutating func setRendering(forFace index: Int, size: Double, color: RGBColor,
                               on page: HaruPage) throws(HaruError) {
        if let bold = synthetic[index] {
            try setStroke(color, lineWidth: bold.lineWidth(size: size), dash: [], roundJoins: true, on: page)
            guard !state.strokesText else { return }
            HaruPage.appendASCII("2 Tr\n", to: &content)
            state.strokesText = true
        } else if state.strokesText {
            HaruPage.appendASCII("0 Tr\n", to: &content)
            state.strokesText = false
        }
    }
}
