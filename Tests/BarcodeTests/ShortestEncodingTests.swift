@testable import Barcode
import Testing
import TestSupport

/// The dynamic programs must find the shortest encoding; these tests search all encodings of
/// short inputs by brute force, independently of the encoders' own search.
@Suite struct ShortestEncodingTests {
    /// Fewest Code 128 data symbols (after the start symbol) that a reader turns into `input`:
    /// breadth-first search over (characters read, active set, shift pending), trying every
    /// symbol value in every state.
    static func fewestCode128Symbols(_ input: [UInt8]) -> Int? {
        struct State: Hashable { var position: Int; var set: Int; var shifted: Bool }
        var frontier = (0...2).map { State(position: 0, set: $0, shifted: false) }
        var seen = Set(frontier)
        var steps = 0
        while !frontier.isEmpty {
            if frontier.contains(where: { $0.position == input.count && !$0.shifted }) { return steps }
            var next: [State] = []
            for state in frontier {
                let active = state.shifted ? 1 - state.set : state.set
                for value in 0..<102 {
                    var successor = State(position: state.position, set: state.set, shifted: false)
                    var produced: [UInt8] = []
                    switch (active, value) {
                    case (2, 0...99): produced = [UInt8(48 + value / 10), UInt8(48 + value % 10)]
                    case (0, 98), (1, 98): if state.shifted { continue }; successor.shifted = true
                    case (_, 99): if state.shifted { continue }; successor.set = 2
                    case (0, 100), (2, 100): if state.shifted { continue }; successor.set = 1
                    case (1, 101), (2, 101): if state.shifted { continue }; successor.set = 0
                    case (0, 0...63): produced = [UInt8(value + 32)]
                    case (0, 64...95): produced = [UInt8(value - 64)]
                    case (1, 0...95): produced = [UInt8(value + 32)]
                    default: continue
                    }
                    guard state.position + produced.count <= input.count,
                          Array(input[state.position..<(state.position + produced.count)]) == produced else { continue }
                    successor.position += produced.count
                    if seen.insert(successor).inserted { next.append(successor) }
                }
            }
            frontier = next
            steps += 1
        }
        return nil
    }

    @Test func code128SetChoiceIsShortest() throws {
        var random = SeededGenerator(seed: 103)
        let alphabet: [UInt8] = Array("0123456789aA\t".utf8)
        for _ in 0..<300 {
            let input = (0..<Int.random(in: 1...9, using: &random)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            let text = String(decoding: input, as: UTF8.self)
            let values = try Code128.symbolValues(for: text, gs1: false)
            #expect(values.count - 2 == Self.fewestCode128Symbols(input), "\(input)")
        }
    }

    /// Every assignment of modes to characters, cut into segments of one mode each.
    static func fewestQRBits(_ bytes: [UInt8], versionClass: Int) -> Int {
        let choices: [[QRCode.Mode]] = bytes.map { byte in
            var modes: [QRCode.Mode] = [.byte]
            if QRCode.alphanumericValue(byte) != nil { modes.append(.alphanumeric) }
            if byte >= 48 && byte <= 57 { modes.append(.numeric) }
            return modes
        }
        var best = Int.max
        func search(_ index: Int, _ modes: [QRCode.Mode]) {
            guard index < bytes.count else {
                var segments: [QRCode.Segment] = []
                var start = 0
                for end in 1...bytes.count where end == bytes.count || modes[end] != modes[start] {
                    segments.append(QRCode.Segment(mode: modes[start], bytes: bytes[start..<end]))
                    start = end
                }
                best = min(best, QRCode.bitLength(of: segments, versionClass: versionClass))
                return
            }
            for mode in choices[index] { search(index + 1, modes + [mode]) }
        }
        search(0, [])
        return best
    }

    @Test func qrSegmentationIsShortest() {
        var random = SeededGenerator(seed: 45)
        let alphabet: [UInt8] = Array("0123456789ABZ $a".utf8)
        for round in 0..<200 {
            let bytes = (0..<Int.random(in: 1...7, using: &random)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            let versionClass = round % 3
            let segments = QRCode.segments(for: bytes, versionClass: versionClass)
            #expect(segments.flatMap { Array($0.bytes) } == bytes)
            #expect(QRCode.bitLength(of: segments, versionClass: versionClass)
                == Self.fewestQRBits(bytes, versionClass: versionClass), "\(bytes)")
        }
    }
}
