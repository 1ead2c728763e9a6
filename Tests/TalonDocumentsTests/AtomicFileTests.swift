import Foundation
import Testing
import TalonDocuments
import TestSupport

@Suite struct AtomicFileTests {
    /// The process umask, read without changing it (Linux reports it in /proc/self/status).
    static func umaskValue() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        return try #require(Int(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
    }

    @Test func writesTheBytesWithTheUmaskAppliedAndLeavesNothingElse() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("doc.pdf").path
        try AtomicFile.write(Array("first".utf8), to: path)
        try AtomicFile.write(Array("second".utf8), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("second".utf8))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o666 & ~(try Self.umaskValue()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["doc.pdf"])
    }

    @Test func failureLeavesNoFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("missing/doc.pdf").path
        #expect(throws: TalonError.self) { try AtomicFile.write([1, 2, 3], to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
