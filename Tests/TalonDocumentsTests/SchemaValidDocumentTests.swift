import Foundation
import Layout
import Testing
import TestSupport
@testable import TalonDocuments
import Warranty

/// Issue 11 "Required": every document the schema accepts prints, or is refused with JSON
/// paths; none traps, and no drawn text or rule leaves its page or overlaps other text
/// (`DisplayList.layoutDefects`). Seeded, so every run draws the same documents; each kind
/// stops after `documentsPerKind` or `secondsPerKind`, whichever comes first.
@Suite(.serialized) struct SchemaValidDocumentTests {
    static let documentsPerKind = 3000
    static let secondsPerKind = 2.0

    /// What became of the generated documents of one kind.
    struct Tally: CustomStringConvertible {
        var rendered = 0, refused = 0, pages = 0
        var failures: [String] = []
        var description: String { "\(rendered) rendered (\(pages) pages), \(refused) refused by JSON path" }
    }

    static func samples(_ kind: DocumentKind) throws -> [JSONValue] {
        try ["en", "uk"].map { locale in
            let url = TestSupport.packageRoot.appendingPathComponent("Samples/\(kind.rawValue).\(locale).json")
            return try JSONValue.parse(try Data(contentsOf: url))
        }
    }

    /// Renders generated documents of `kind` until the count or the time is reached.
    static func run(_ kind: DocumentKind, seed: UInt64, format: OutputFormat = .pdf) throws -> Tally {
        let renderer = try #require(ServiceFixtures.renderer)
        let bases = try samples(kind)
        var generator = SchemaValidGenerator(schema: kind.schema, seed: seed)
        var tally = Tally()
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(secondsPerKind * 1000))
        var index = 0
        while index < documentsPerKind && clock.now < deadline {
            let intensity = [0.02, 0.1, 0.3, 0.8][index % 4]
            let json = generator.document(from: bases[index % bases.count], intensity: intensity).serialized()
            let request = RenderRequest(template: .builtIn(kind), data: Data(json.utf8), format: format)
            do {
                if format == .pdf {
                    let list = try renderer.displayList(for: request)
                    tally.pages += list.pages.count
                    let defects = list.layoutDefects()
                    if !defects.isEmpty { tally.failures.append(report(index, json, "\(defects.prefix(3))")) }
                } else {
                    _ = try renderer.render(request)
                }
                tally.rendered += 1
            } catch .validation(let error) {
                if error.problems.isEmpty || !error.problems.allSatisfy({ $0.path.hasPrefix("$") }) {
                    tally.failures.append(report(index, json, "refused without a JSON path: \(error)"))
                }
                tally.refused += 1
                if ProcessInfo.processInfo.environment["TALON_SHOW_REFUSALS"] != nil { print("REFUSED", error.problems.prefix(2)) }
            } catch {
                tally.failures.append(report(index, json, "\(error)"))
            }
            index += 1
        }
        return tally
    }

    /// The failure with the document that caused it, kept in a temporary file for a look.
    static func report(_ index: Int, _ json: String, _ problem: String) -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("talon-schema-valid-\(index).json")
        try? Data(json.utf8).write(to: file)
        return "document \(index) (\(file.path)): \(problem)"
    }

    @Test(arguments: [DocumentKind.warrantyCard, .rma, .diagnosis, .invoice, .repairRecord])
    func everyGeneratedDocumentPrintsCleanlyOrIsRefusedByPath(kind: DocumentKind) throws {
        let tally = try Self.run(kind, seed: 0x7A10 &+ UInt64(kind.rawValue.count))
        print("\(kind.rawValue): \(tally)")
        #expect(tally.failures.isEmpty, "\(kind.rawValue): \(tally.failures.count) failures, first: \(tally.failures.prefix(3))")
        #expect(tally.rendered > 0, "\(kind.rawValue): nothing rendered (\(tally))")
    }
}
