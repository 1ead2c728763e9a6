import Foundation
import Testing
import TestSupport
@testable import Layout

/// Deterministic mutation fuzzing: damaged PNG and JPEG files either decode to a
/// consistent image or throw an `ImageError`; the process never traps.
@Suite struct ImagesFuzzTests {
    /// Mutated files per fixture: bounded, a second or two in a debug build. A deeper run
    /// can be asked for with TALON_IMAGE_FUZZ_ROUNDS (still deterministic).
    static let rounds = ProcessInfo.processInfo.environment["TALON_IMAGE_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 4000

    static func mutate(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0...Int.random(in: 0...3, using: &random) {
            guard !bytes.isEmpty else { break }
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1: bytes[index] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...16, using: &random)))
            case 3: bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: index)
            case 4: bytes = Array(bytes[0..<index])
            default: bytes[index] = [0x00, 0xFF, 0x7F, 0x80][Int.random(in: 0..<4, using: &random)]
            }
        }
        return bytes
    }

    static func check(_ bytes: [UInt8], name: String) -> Bool {
        do {
            let image = try ImageDecoder.decode(bytes: bytes, name: name)
            switch image.pixels {
            case .raw(let components, let pixels):
                return pixels.count == image.pixelWidth * image.pixelHeight * components
            case .jpeg(let jpeg, let components):
                return [1, 3].contains(components) && jpeg.starts(with: [0xFF, 0xD8]) && jpeg.suffix(2) == [0xFF, 0xD9]
            }
        } catch {
            return error.file == name && !error.description.isEmpty
        }
    }

    @Test(arguments: ["rgb8.png", "indexed4-adam7.png", "rgba16-adam7.png", "gray2.png", "indexed-trns.png"])
    func mutatedPNGs(name: String) throws {
        let original = try ImageFixtures.bytes(name)
        var random = SeededGenerator(seed: 0x7A10_4E55 &+ UInt64(name.utf8.count))
        var decoded = 0, failures: [String: Int] = [:]
        for round in 0..<Self.rounds {
            var bytes = Self.mutate(original, using: &random)
            // Half the time fix the CRCs so the mutation reaches inflate and unfiltering.
            if round % 2 == 0 { bytes = PNGBuilder.fixingCRCs(bytes) }
            #expect(Self.check(bytes, name: name), "round \(round)")
            do {
                _ = try ImageDecoder.decode(bytes: bytes, name: name)
                decoded += 1
            } catch {
                failures[String(describing: error).components(separatedBy: ":").dropFirst().first ?? "", default: 0] += 1
            }
        }
        // The corpus must reach past the CRC check into several kinds of failure.
        #expect(failures.count >= 4, "failure kinds: \(failures)")
        #expect(decoded < Self.rounds)
    }

    @Test(arguments: ["rgb-baseline.jpg", "rgb-progressive.jpg", "gray-baseline.jpg"])
    func mutatedJPEGs(name: String) throws {
        let original = try ImageFixtures.bytes(name)
        var random = SeededGenerator(seed: 0x1D06_2026 &+ UInt64(name.utf8.count))
        for round in 0..<Self.rounds {
            #expect(Self.check(Self.mutate(original, using: &random), name: name), "round \(round)")
        }
    }
}
