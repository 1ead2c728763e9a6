import Foundation
import Testing
import TestSupport

/// `talon batch` through the built binary.
@Suite struct BatchCommandTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples/batch/cards.jsonl").path

    static func card(_ index: Int, serial: String? = nil, date: String = "2024-02-29") -> String {
        let uk = index % 2 == 0
        let number = (uk ? "ГТ-" : "WC-") + String(format: "%05d", index)
        let serialField = serial ?? "SN\(index)"
        return #"{"locale":"\#(uk ? "uk" : "en")","card":{"number":"\#(number)"},"seller":{"company":"\#(uk ? "ТОВ «Ґардіан»" : "Northgate Ltd")"},"product":{"model":"IPC-\#(index % 7)","serial":"\#(serialField)","warranty_months":\#(12 + index % 3 * 12)},"sale":{"date":"\#(date)"}}"#
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    static func pages(_ path: String) throws -> Int {
        let info = try TestSupport.run("pdfinfo", [path]).stdoutText
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? -1
    }

    @Test func thousandCardsWithThreeInvalidWrite997AndExit1() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []
        for index in 1...1000 {
            switch index {
            case 17: lines.append(Self.card(index).replacingOccurrences(of: #","serial":"SN17""#, with: ""))
            case 500: lines.append(Self.card(index, date: "2024-02-30"))
            case 999: lines.append("{\"locale\": \"en\",")
            default: lines.append(Self.card(index))
            }
        }
        let input = folder.appendingPathComponent("cards.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try TestSupport.talon(["batch", "warranty-card", input.path, "--out-dir", out.path, "--jobs", "2"])
        #expect(result.status == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.count == 997)
        #expect(!written.contains("WC-00017.pdf") && !written.contains("ГТ-00500.pdf") && !written.contains("WC-00999.pdf"))
        #expect(written.contains("ГТ-01000.pdf"))
        let messages = result.stderrText.split(separator: "\n").map(String.init)
        #expect(messages.count == 4)
        #expect(messages[0] == "record 17 (line 17): $.product.serial: required")
        #expect(messages[1].hasPrefix("record 500 (line 500): $.sale.date: "))
        #expect(messages[2].hasPrefix("record 999 (line 999): $: not valid JSON"))
        #expect(messages[3].hasPrefix("1000 documents: 997 written, 3 failed in "))
        #expect(result.stdout.isEmpty)
    }

    @Test func mergedRunHasEveryPageAndEachFaceOnce() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), merged = folder.appendingPathComponent("run.pdf")
        let result = try TestSupport.talon(["batch", "warranty-card", Self.samples, "--out-dir", out.path,
                                            "--merge", merged.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderrText)")
        var pages = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            pages += try Self.pages(out.appendingPathComponent(name).path)
        }
        #expect(pages >= 40)
        #expect(try Self.pages(merged.path) == pages)
        #expect(result.stderrText.contains("\(pages) pages merged into"))
        // One embedded font per face, not one per record.
        let fonts = try TestSupport.run("pdffonts", [merged.path]).stdoutText.split(separator: "\n").dropFirst(2)
        #expect(fonts.count >= 1 && fonts.count <= 4)
        #expect(Set(fonts.map { $0.split(separator: " ")[0] }).count == fonts.count)
        #expect(try TestSupport.run("qpdf", ["--check", merged.path]).status == 0)
    }

    @Test func csvWithQuotedCommasAndLineBreaks() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = """
        locale,card.number,seller.company,seller.address,product.model,product.serial,product.warranty_months,sale.date,buyer.name\r
        en,CSV-1,"Smith, Jones & Co","1 Long Road,\r
        Leeds",IPC-1,S-1,24,2024-02-29,"Ann ""Nan"" Lee"\r
        uk,CSV-2,ТОВ «Крок»,,IPC-2,S-2,12,2024-03-01,\r

        """
        let input = folder.appendingPathComponent("cards.csv")
        try Data(csv.utf8).write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try TestSupport.talon(["batch", "warranty-card", input.path, "--out-dir", out.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["CSV-1.pdf", "CSV-2.pdf"])
        let text = try TestSupport.run("pdftotext", [out.appendingPathComponent("CSV-1.pdf").path, "-"]).stdoutText
        #expect(text.contains("Smith, Jones & Co"))
        #expect(text.contains("Ann \"Nan\" Lee"))
        #expect(text.contains("24 months"))
        #expect(text.contains("Leeds"))
    }

    @Test func csvRowErrorsNameTheirLine() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("cards.csv")
        try Data("card.number,seller.company,product.model,product.serial,sale.date\nA,S,M,N,2024-01-01\n\"B\nB\",S,M\nC,S,M,N,2024-01-01,extra\n".utf8).write(to: input)
        let result = try TestSupport.talon(["batch", "warranty-card", input.path, "--out-dir", folder.appendingPathComponent("o").path])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("record 2 (line 3): $: expected 5 fields as in the header, found 3"))
        #expect(result.stderrText.contains("record 3 (line 5): $: expected 5 fields as in the header, found 6"))
    }

    @Test func secondRunGivesIdenticalFilesAndArrayEqualsLines() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try String(contentsOfFile: Self.samples, encoding: .utf8).split(separator: "\n")
        let array = folder.appendingPathComponent("cards.json")
        try Data("[\n\(lines.joined(separator: ",\n"))\n]\n".utf8).write(to: array)
        var runs: [[String: Data]] = []
        for (index, input) in [Self.samples, Self.samples, array.path].enumerated() {
            let out = folder.appendingPathComponent("out\(index)")
            let result = try TestSupport.talon(["batch", "warranty-card", input, "--out-dir", out.path, "--jobs", "2", "--quiet"])
            #expect(result.status == 0, "\(result.stderrText)")
            #expect(result.stderr.isEmpty)
            runs.append(try Self.files(in: out))
        }
        #expect(runs[0].count == lines.count)
        #expect(runs[0] == runs[1])
        #expect(runs[0] == runs[2])
    }

    @Test func namesAreSanitisedAndDuplicatesFailTheLaterRecord() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = [
            Self.card(1).replacingOccurrences(of: "WC-00001", with: "../up/ Б\\\\1"),
            Self.card(3), Self.card(3),
        ]
        let input = folder.appendingPathComponent("in.ndjson")
        try Data(records.joined(separator: "\n").utf8).write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try TestSupport.talon(["batch", "warranty-card", input.path, "--out-dir", out.path,
                                            "--name", "{card.number}-{product.model}"])
        #expect(result.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["WC-00003-IPC-3.pdf", "up Б1-IPC-1.pdf"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("up").path))
        #expect(result.stderrText.contains("record 3 (line 3): file name 'WC-00003-IPC-3.pdf' is already used by record 2; not written"))
    }

    @Test func usageErrorsExit2() throws {
        let cases: [[String]] = [
            ["batch", "warranty-card", Self.samples],
            ["batch", "warranty-card", Self.samples, "--out-dir", "/tmp/x", "--jobs", "0"],
            ["batch", "warranty-card", Self.samples, "--out-dir", "/tmp/x", "--name", "a/{card.number}"],
            ["batch", "warranty-card", Self.samples, "--merge", "/tmp/x.pdf", "--name", "{card.number}"],
            ["batch", "warranty-card"],
        ]
        for arguments in cases {
            let result = try TestSupport.talon(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderrText.contains("talon batch --help"), "\(arguments)")
        }
    }

    @Test func missingInputAndUnwritableFolderUseTheSharedExitCodes() throws {
        let missing = try TestSupport.talon(["batch", "warranty-card", "/nonexistent/cards.jsonl", "--out-dir", "/tmp/x"])
        #expect(missing.status == 1)
        #expect(missing.stderrText == "/nonexistent/cards.jsonl: error: no such file\n")
        let unwritable = try TestSupport.talon(["batch", "warranty-card", Self.samples, "--out-dir", "/proc/talon-out"])
        #expect(unwritable.status == 3)
        #expect(unwritable.stderrText.hasPrefix("/proc/talon-out: error: cannot write"))
    }
}

@Suite struct BatchHelpTests {
    /// Option labels longer than the help column were cut short ("--format <pdf|text|htm").
    @Test func longOptionLabelsAreShownWhole() throws {
        let batch = try TestSupport.talon(["batch", "--help"])
        #expect(batch.status == 0)
        #expect(batch.stdoutText.contains("--input-format <json|jsonl|csv>\n"))
        let render = try TestSupport.talon(["help", "render"])
        #expect(render.stdoutText.contains("--format <pdf|text|html|sms>\n"))
        #expect(try TestSupport.talon(["--help"]).stdoutText.contains("  batch      Render many documents"))
    }
}

@Suite struct BatchServiceDocumentTests {
    /// Service documents are named by their RMA number by default.
    @Test func invoicesFromAJSONArrayAreNamedByRMA() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = TestSupport.packageRoot.appendingPathComponent("Samples")
        let english = try Data(contentsOf: samples.appendingPathComponent("invoice.en.json"))
        let ukrainian = try Data(contentsOf: samples.appendingPathComponent("invoice.uk.json"))
        let input = folder.appendingPathComponent("invoices.json")
        try Data("[".utf8 + english + Data(",".utf8) + ukrainian + Data("]".utf8)).write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try TestSupport.talon(["batch", "invoice", input.path, "--out-dir", out.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderrText)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names.count == 2)
        #expect(names.allSatisfy { $0.hasPrefix("RMA-") && $0.hasSuffix(".pdf") })
    }
}
