import Foundation
import Testing
import TestSupport
@testable import Markup

/// Snapshot tests: each `Snapshots/<name>.talon` is parsed and its tree dump, plain text and HTML
/// are compared with `<name>.dump.txt`, `<name>.txt` and `<name>.html`. Set
/// `TALON_RECORD_SNAPSHOTS=1` to (re)write them; a missing snapshot fails otherwise.
@Suite struct SnapshotTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/MarkupTests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["TALON_RECORD_SNAPSHOTS"] == "1"

    static func assertSnapshot(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if recording {
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing snapshot \(name); run with TALON_RECORD_SNAPSHOTS=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name) differs; re-record with TALON_RECORD_SNAPSHOTS=1 if intended",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: ["warranty-card", "all-elements"])
    func snapshots(name: String) throws {
        let input = try String(contentsOf: Self.folder.appendingPathComponent(name + ".talon"), encoding: .utf8)
        let document = try MarkupParser.parse(input, file: name + ".talon")
        Self.assertSnapshot(document.debugDump(), name + ".dump.txt")
        Self.assertSnapshot(PlainTextRenderer(width: 60).render(document), name + ".txt")
        Self.assertSnapshot(HTMLRenderer(includeImages: true).render(document), name + ".html")
    }

    @Test func dumpIsStable() throws {
        let input = try String(contentsOf: Self.folder.appendingPathComponent("all-elements.talon"), encoding: .utf8)
        let first = try MarkupParser.parse(input, file: "a").debugDump()
        let second = try MarkupParser.parse(input, file: "a").debugDump()
        #expect(first == second)
        #expect(first.hasPrefix("Document\n  Setup page=283.46x425.2 orientation=landscape"))
    }
}
