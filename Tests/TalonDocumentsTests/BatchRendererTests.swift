import Foundation
import Testing
import TestSupport
import Warranty
@testable import TalonDocuments

/// Collects batch events; the batch calls the handler one call at a time.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [BatchEvent] = []
    func add(_ event: BatchEvent) { lock.withLock { items.append(event) } }
    var events: [BatchEvent] { lock.withLock { items } }
}

@Suite struct BatchRendererTests {
    static let renderer = try? DocumentRenderer(resources: ResourceLocator.discover())

    static func card(_ number: String, serial: String? = "S1", locale: String = "en") -> String {
        let serialField = serial.map { #","serial":"\#($0)""# } ?? ""
        return #"{"locale":"\#(locale)","card":{"number":"\#(number)"},"seller":{"company":"Shop"},"product":{"model":"M1"\#(serialField)},"sale":{"date":"2024-02-29"}}"#
    }

    @Test func failedRecordsAreReportedInOrderAndTheOthersWritten() throws {
        let renderer = try #require(Self.renderer)
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = [Self.card("A-1"), Self.card("A-2", serial: nil), "{broken", Self.card("A-1"), Self.card("Б/4", locale: "uk")]
        let reader = try BatchReader(bytes: Array(lines.joined(separator: "\n").utf8), format: .jsonLines)
        let log = EventLog()
        let batch = BatchRenderer(renderer: renderer, template: .builtIn(.warrantyCard), jobs: 3)
        let summary = try batch.run(reader, to: BatchDestination(directory: folder, naming: .defaultPattern(for: .warrantyCard))) {
            event, _ in log.add(event)
        }
        #expect(summary.records == 5)
        #expect(summary.rendered == 2)
        #expect(summary.failed == 3)
        #expect(summary.error == nil)
        let descriptions = log.events.map { event -> String in
            switch event {
            case .rendered(let record, let path, _, _, _, _): "\(record) \(path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "-")"
            case .failed(let failure): failure.description
            }
        }
        #expect(descriptions.count == 5)
        #expect(descriptions[0] == "1 A-1.pdf")
        #expect(descriptions[1] == "record 2 (line 2): $.product.serial: required")
        #expect(descriptions[2].hasPrefix("record 3 (line 3): $: not valid JSON"))
        #expect(descriptions[3] == "record 4 (line 4): file name 'A-1.pdf' is already used by record 1; not written")
        #expect(descriptions[4] == "5 Б4.pdf")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["A-1.pdf", "Б4.pdf"])
    }

    @Test func mergedRunHoldsEveryPageOnceFontsShared() throws {
        let renderer = try #require(Self.renderer)
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = (1...4).map { Self.card("M-\($0)", locale: $0 % 2 == 0 ? "uk" : "en") }
        var pages = 0
        for record in records {
            pages += try renderer.render(RenderRequest(template: .builtIn(.warrantyCard), data: Data(record.utf8))).pageCount
        }
        let merged = folder.appendingPathComponent("run.pdf")
        let batch = BatchRenderer(renderer: renderer, template: .builtIn(.warrantyCard), jobs: 2)
        let summary = try batch.run(try BatchReader(bytes: Array("[\(records.joined(separator: ","))]".utf8)),
                                    to: BatchDestination(directory: nil, naming: .defaultPattern(for: .warrantyCard), mergedFile: merged))
        #expect(summary.rendered == 4)
        #expect(summary.mergedPages == pages)
        let bytes = try Data(contentsOf: merged)
        #expect(bytes.starts(with: Data("%PDF".utf8)))
        // Each face is embedded once, not once per record: the cards use regular and bold.
        let fonts = try PDFTools.fonts(merged.path)
        #expect(fonts.count == 2, "\(fonts)")
    }

    @Test func outputDoesNotDependOnTheNumberOfJobs() throws {
        let renderer = try #require(Self.renderer)
        let input = Array((1...6).map { Self.card("J-\($0)") }.joined(separator: "\n").utf8)
        var outputs: [[String: Data]] = []
        for jobs in [1, 4] {
            let folder = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            let batch = BatchRenderer(renderer: renderer, template: .builtIn(.warrantyCard), jobs: jobs)
            _ = try batch.run(try BatchReader(bytes: input, format: .jsonLines),
                              to: BatchDestination(directory: folder, naming: .defaultPattern(for: .warrantyCard)))
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(outputs[0].count == 6)
        #expect(outputs[0] == outputs[1])
    }

    @Test func anInputThatBreaksOffKeepsTheRecordsBeforeIt() throws {
        let renderer = try #require(Self.renderer)
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let batch = BatchRenderer(renderer: renderer, template: .builtIn(.warrantyCard), jobs: 2)
        let summary = try batch.run(try BatchReader(bytes: Array("[\(Self.card("T-1")), \(Self.card("T-2"))".utf8)),
                                    to: BatchDestination(directory: folder, naming: .defaultPattern(for: .warrantyCard)))
        #expect(summary.rendered == 1)
        guard case .input(_, let reason)? = summary.error else { Issue.record("expected an input error"); return }
        #expect(reason.contains("not closed"))
    }

    @Test func unprintableCharactersAreReportedAtTheirField() throws {
        let renderer = try #require(Self.renderer)
        let record = Self.card("U-1").replacingOccurrences(of: #""model":"M1""#, with: #""model":"M1 漢字""#)
        let log = EventLog()
        let batch = BatchRenderer(renderer: renderer, template: .builtIn(.warrantyCard), jobs: 1)
        let summary = try batch.run(try BatchReader(bytes: Array(record.utf8), format: .jsonLines),
                                    to: BatchDestination(directory: nil, naming: .defaultPattern(for: .warrantyCard),
                                                         mergedFile: nil)) { event, _ in log.add(event) }
        #expect(summary.failed == 1)
        guard case .failed(let failure)? = log.events.first else { Issue.record("expected a failure"); return }
        #expect(failure.description.hasPrefix("record 1 (line 1): "))
        #expect(failure.description.contains("$.product.model"))
    }
}
