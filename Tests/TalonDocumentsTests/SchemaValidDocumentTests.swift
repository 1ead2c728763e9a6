import Foundation
import Layout
import Testing
import TalonPrimitives
import TestSupport
@testable import TalonDocuments
import Warranty

/// Issue 11 "Required": every document the schema accepts prints, or is refused with JSON
/// paths; none traps, and no drawn text or rule leaves its page or overlaps other text
/// (`DisplayList.layoutDefects`). Seeded, so every run draws the same documents in the same
/// order. Each kind draws documents, validates each and lays out the accepted ones (template,
/// markup, layout: everything but painting) until `documentsPerKind` or `secondsPerKind`,
/// so a slow machine checks fewer documents but never takes longer.
/// `TALON_SCHEMA_VALID_SECONDS=120 swift test --filter SchemaValidDocumentTests` soaks longer.
@Suite(.serialized) struct SchemaValidDocumentTests {
    static let documentsPerKind = 100_000
    static let secondsPerKind: Double = {
        let text = ProcessInfo.processInfo.environment["TALON_SCHEMA_VALID_SECONDS"] ?? ""
        return Double(text).map { max(0.1, min($0, 3600)) } ?? 4
    }()

    /// What became of the generated documents of one kind.
    struct Tally: CustomStringConvertible {
        var generated = 0, refused = 0, laidOut = 0, pages = 0
        var failures: [String] = []
        var description: String {
            "\(generated) generated, \(refused) refused by JSON path, \(laidOut) laid out (\(pages) pages) and checked"
        }
    }

    static func samples(_ kind: DocumentKind) throws -> [JSONValue] {
        try ["en", "uk"].map { locale in
            let url = TestSupport.packageRoot.appendingPathComponent("Samples/\(kind.rawValue).\(locale).json")
            return try JSONValue.parse(try Data(contentsOf: url))
        }
    }

    /// Generates, validates and lays out documents of `kind`.
    static func run(_ kind: DocumentKind, seed: UInt64) throws -> Tally {
        let renderer = try #require(ServiceFixtures.renderer)
        let bases = try samples(kind)
        var generator = SchemaValidGenerator(schema: kind.schema, seed: seed)
        var tally = Tally()
        let calendars = try renderer.calendars.calendars(for: kind)
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(secondsPerKind * 1000))
        for index in 0..<documentsPerKind where clock.now < deadline {
            let intensity = [0.02, 0.1, 0.3, 0.8][index % 4]
            let json = generator.document(from: bases[index % bases.count], intensity: intensity).serialized()
            let data = Data(json.utf8)
            tally.generated += 1
            do {
                _ = try kind.decode(json: data, calendars: calendars)
            } catch {
                if error.problems.isEmpty || !error.problems.allSatisfy({ $0.path.hasPrefix("$") }) {
                    tally.failures.append(report(index, json, "refused without a JSON path: \(error)"))
                }
                tally.refused += 1
                continue
            }
            do {
                guard kind != .notice else {
                    // The notice is e-mail and SMS text: it must render in every text format.
                    for format in [OutputFormat.text, .html, .sms] {
                        _ = try renderer.render(RenderRequest(template: .builtIn(kind), data: data, format: format))
                    }
                    tally.laidOut += 1
                    continue
                }
                let list = try renderer.displayList(for: RenderRequest(template: .builtIn(kind), data: data))
                tally.laidOut += 1
                tally.pages += list.pages.count
                let defects = list.layoutDefects()
                if !defects.isEmpty { tally.failures.append(report(index, json, "\(defects.prefix(3))")) }
            } catch {
                tally.failures.append(report(index, json, "\(error)"))
            }
        }
        return tally
    }

    /// The failure with the document that caused it, kept in a temporary file for a look.
    static func report(_ index: Int, _ json: String, _ problem: String) -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("talon-schema-valid-\(index).json")
        try? Data(json.utf8).write(to: file)
        return "document \(index) (\(file.path)): \(problem)"
    }

    @Test(arguments: DocumentKind.allCases)
    func everyGeneratedDocumentPrintsCleanlyOrIsRefusedByPath(kind: DocumentKind) throws {
        let tally = try Self.run(kind, seed: 0x7A10 &+ UInt64(kind.rawValue.count))
        print("\(kind.rawValue): \(tally)")
        #expect(tally.failures.isEmpty, "\(kind.rawValue): \(tally.failures.count) failures, first: \(tally.failures.prefix(3))")
        #expect(tally.laidOut > 0, "\(kind.rawValue): nothing laid out (\(tally))")
    }
}
