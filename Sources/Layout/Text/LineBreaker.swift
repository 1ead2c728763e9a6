import Markup

/// One line chosen by the breaker: the characters it shows (trailing spaces excluded)
/// and whether it ends a paragraph or a forced break (such lines are never justified).
struct TextLine: Equatable {
    var range: Range<Int>
    var width: Points
    var endsParagraph: Bool
}

extension StyledText {
    /// Greedy first-fit line breaking. Breaks after spaces (U+0020 only: no-break spaces
    /// U+00A0, U+202F and U+2007 join an amount with its currency or unit) and after hyphens
    /// between letters; a word longer than a whole line is broken at a character, preferably
    /// after `/ . @ - _`, and never inside a number (`2 000,00`, `−15`) unless the number
    /// alone is wider than the line.
    func lines(width maxWidth: Points) -> [TextLine] {
        var lines: [TextLine] = []
        // At least one line always comes back; room for a few saves regrowing for most texts.
        lines.reserveCapacity(4)
        let limit = maxWidth + 0.0001
        let n = scalars.count
        var start = skipSpaces(from: 0)
        var lineWidth: Points = 0
        var lastBreak = -1
        var index = start
        while index < n {
            let scalar = scalars[index]
            if styles[index] & TextStyle.forcedBreak != 0 {
                lines.append(makeLine(start, index, endsParagraph: true))
                start = skipSpaces(from: index + 1)
                index = start
                lineWidth = 0
                lastBreak = -1
                continue
            }
            lineWidth += advances[index]
            if scalar == " " {
                lastBreak = index + 1
                index += 1
                continue
            }
            while lineWidth > limit && index > start {
                if lastBreak > start {
                    lines.append(makeLine(start, lastBreak, endsParagraph: false))
                    start = lastBreak
                } else {
                    let cut = characterBreak(from: start, before: index)
                    lines.append(makeLine(start, cut, endsParagraph: false))
                    start = cut
                }
                lastBreak = -1
                lineWidth = 0
                for position in start...index { lineWidth += advances[position] }
            }
            if Self.isHyphen(scalar), index > start, index + 1 < n, scalars[index + 1] != " ",
               scalars[index - 1] != " ", !Self.isDigit(scalars[index + 1]) {
                lastBreak = index + 1
            }
            index += 1
        }
        if start < n || lines.isEmpty || styles[n - 1] & TextStyle.forcedBreak != 0 {
            lines.append(makeLine(start, n, endsParagraph: true))
        }
        return lines
    }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2013}" || scalar == "\u{2014}"
    }

    private func skipSpaces(from index: Int) -> Int {
        var index = index
        while index < scalars.count && scalars[index] == " " { index += 1 }
        return index
    }

    /// Where to split an unbreakable run that overflows at `overflow`: after the last
    /// `/ . @ - _` in the second half of the line, else at the last character boundary that
    /// does not cut a number; a number wider than the line is cut before the overflow.
    private func characterBreak(from start: Int, before overflow: Int) -> Int {
        var position = overflow - 1
        let earliest = start + max(1, (overflow - start) / 2)
        while position >= earliest {
            switch scalars[position] {
            case "/", ".", "@", "-", "_":
                if !splitsNumber(at: position + 1) { return position + 1 }
            default: break
            }
            position -= 1
        }
        var cut = overflow
        while cut > start + 1 && splitsNumber(at: cut) { cut -= 1 }
        return splitsNumber(at: cut) ? overflow : cut
    }

    /// True when a break before `position` would cut a number: between two digits, around a
    /// separator between digits (`2 000,00`, `1.5`), or after a sign before a digit (`−15`).
    /// Digits right after a letter belong to a code (`SN4K2X9QZ7781234567`), which may break.
    func splitsNumber(at position: Int) -> Bool {
        guard position > 0, position < scalars.count else { return false }
        let before = scalars[position - 1], after = scalars[position]
        let cuts: Bool
        if Self.isDigit(before) && Self.isDigit(after) {
            cuts = true
        } else if Self.isDigit(after) {
            cuts = before == "\u{2212}" || before == "-" || before == "+"
                || Self.isNumberSeparator(before) && position >= 2 && Self.isDigit(scalars[position - 2])
        } else {
            cuts = Self.isDigit(before) && Self.isNumberSeparator(after) && position + 1 < scalars.count
                && Self.isDigit(scalars[position + 1])
        }
        guard cuts else { return false }
        // Looks back at most 64 characters (a longer run of digits is a number), so that
        // breaking a long digit run stays linear.
        var first = position - 1
        let earliest = max(0, position - 64)
        while first > earliest, Self.isDigit(scalars[first - 1]) || Self.isNumberSeparator(scalars[first - 1]) {
            first -= 1
        }
        return first == 0 || first == earliest || !scalars[first - 1].properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value &- 0x30 < 10 }

    /// Characters that group digits or mark a decimal inside a number.
    static func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", "'", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}": return true
        default: return false
        }
    }

    private func makeLine(_ start: Int, _ end: Int, endsParagraph: Bool) -> TextLine {
        var end = end
        while end > start && scalars[end - 1] == " " { end -= 1 }
        var width: Points = 0
        for index in start..<end { width += advances[index] }
        return TextLine(range: start..<end, width: width, endsParagraph: endsParagraph)
    }

    /// The widest unbreakable piece (min-content) and the widest forced line (max-content).
    func contentWidths() -> (min: Points, max: Points) {
        var widest: Points = 0, word: Points = 0, line: Points = 0, longest: Points = 0
        for index in 0..<scalars.count {
            if styles[index] & TextStyle.forcedBreak != 0 {
                longest = max(longest, line)
                line = 0
                word = 0
                continue
            }
            line += advances[index]
            if scalars[index] == " " {
                word = 0
            } else {
                word += advances[index]
                widest = max(widest, word)
                if Self.isHyphen(scalars[index]) { word = 0 }
            }
        }
        return (widest, max(longest, line))
    }
}
