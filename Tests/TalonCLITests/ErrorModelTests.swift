import Foundation
import Testing
import TestSupport

/// The command line's error model, seen from outside: usage errors exit 2, bad data or
/// templates 1, output that cannot be written 3; every error line reads
/// `<where>: error: <what>`, `<where>` being `talon` when the error names no file.
@Suite struct ErrorModelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        /// The first line of standard error.
        var message: String
        var testDescription: String { "talon " + arguments.joined(separator: " ") }
    }

    static let card = TestSupport.packageRoot.appendingPathComponent("Samples/warranty-card.uk.json").path
    static let kinds = "warranty-card, rma, diagnosis, invoice, repair-record, notice"

    static let usage: [Case] = [
        Case(arguments: ["frob"], status: 2, message: "talon: error: unknown command 'frob'"),
        Case(arguments: ["render", "warranty-card", card, "--bogus"], status: 2,
             message: "talon: error: unknown option '--bogus' for 'talon render'"),
        Case(arguments: ["render"], status: 2, message: "talon: error: missing argument <template>"),
        Case(arguments: ["render", "warranty-card"], status: 2, message: "talon: error: missing argument <data>"),
        Case(arguments: ["render", "warranty-cards", card], status: 2,
             message: "talon: error: unknown template 'warranty-cards'; built-in templates: \(kinds)"),
        Case(arguments: ["render", "card.mustache", card, "--kind", "cards"], status: 2,
             message: "talon: error: invalid --kind 'cards'; expected one of: \(kinds)"),
        Case(arguments: ["render", "warranty-card", card, "--blank"], status: 2,
             message: "talon: error: --blank is available for the rma form only (rma, or a template file with --kind rma)"),
        Case(arguments: ["render", "card.mustache", card, "--blank"], status: 2,
             message: "talon: error: --blank is available for the rma form only (rma, or a template file with --kind rma)"),
        Case(arguments: ["render", "warranty-card", card, "--format", "docx"], status: 2,
             message: "talon: error: invalid --format 'docx'; expected one of: pdf, text, html, sms"),
        Case(arguments: ["render", "warranty-card", card, "--locale", "de"], status: 2,
             message: "talon: error: invalid --locale 'de'; expected one of: en, pl, uk"),
        Case(arguments: ["render", "warranty-card", card, "--pdfa", "--no-pdfa"], status: 2,
             message: "talon: error: --pdfa and --no-pdfa exclude each other"),
        Case(arguments: ["batch", "warranty-cards", card, "--out-dir", "x"], status: 2,
             message: "talon: error: unknown template 'warranty-cards'; built-in templates: \(kinds)"),
        Case(arguments: ["batch", "warranty-card", card, "--out-dir", "x", "--jobs", "0"], status: 2,
             message: "talon: error: invalid --jobs '0'; expected a whole number from 1 to 256"),
        Case(arguments: ["batch", "warranty-card", card, "--out-dir", "x", "--shard", "0/2", "--shards", "2"], status: 2,
             message: "talon: error: --shard and --shards exclude each other"),
        Case(arguments: ["check", "warranty-cards"], status: 2,
             message: "talon: error: unknown template 'warranty-cards'; built-in templates: \(kinds)"),
        Case(arguments: ["schema", "cards"], status: 2, message: "talon: error: unknown kind 'cards'; expected one of: \(kinds)"),
        Case(arguments: ["verify", "x.pdf", "--template", "cards"], status: 2,
             message: "talon: error: unknown template 'cards'; built-in templates: \(kinds)"),
        Case(arguments: ["barcode", "qr", "x", "-o", "x.pdf", "--module-mm", "11"], status: 2,
             message: "talon: error: invalid --module-mm '11'; expected a number of mm between 0.1 and 10"),
        Case(arguments: ["claim", "list", "--today", "2025-02-30"], status: 2,
             message: "talon: error: invalid --today '2025-02-30'; expected YYYY-MM-DD"),
        Case(arguments: ["outbox", "send", "--now", "soon"], status: 2,
             message: "talon: error: invalid --now 'soon'; expected a whole number of seconds since 1970"),
        Case(arguments: ["serve", "--workers", "0"], status: 2,
             message: "talon: error: invalid --workers '0'; expected a whole number from 1 to 256"),
    ]

    @Test(arguments: usage) func usageErrorsExit2WithTheCommandsHint(_ item: Case) throws {
        let result = try TestSupport.talon(item.arguments)
        let lines = result.stderrText.split(separator: "\n").map(String.init)
        #expect(result.status == item.status, "\(result.stderrText)")
        #expect(lines.first == item.message)
        #expect(lines.last?.hasPrefix("Run 'talon ") == true, "\(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }

    /// Errors that are not usage: the data, the files, the output.
    @Test func dataTemplateAndOutputErrors() throws {
        let folder = try TestSupport.temporaryDirectory()
        let journal = folder.appendingPathComponent("none.db").path
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["render", "warranty-card", folder.appendingPathComponent("absent.json").path], 1,
             "\(folder.path)/absent.json: error: no such file"),
            (["verify", Self.card], 1, "talon: error: PDF: PDF/A: no attached data: the file is not a PDF/A document made by Talon"),
            (["claim", "show", "RMA-2025-00001", "--journal", journal], 1,
             "\(journal): error: no such journal (a journal is created by the first card issue or claim open)"),
            (["render", "warranty-card", Self.card, "-o", "/proc/talon-out.pdf"], 3, "/proc/talon-out.pdf: error: cannot write: "),
        ]
        for item in cases {
            let result = try TestSupport.talon(item.arguments)
            #expect(result.status == item.status, "\(item.arguments): \(result.stderrText)")
            #expect(result.stderrText.hasPrefix(item.message), "\(item.arguments): \(result.stderrText)")
            #expect(!result.stderrText.split(separator: "\n").contains { $0.hasPrefix("error:") })
        }
        #expect(!FileManager.default.fileExists(atPath: journal), "a missing journal is not created by show")
    }

    /// `talon serve` checks its whole command line before it opens (or creates) the journal.
    @Test func serveRefusesABadAddressBeforeTouchingTheJournal() throws {
        let journal = try TestSupport.temporaryDirectory().appendingPathComponent("serve.db").path
        let result = try TestSupport.talon(["serve", "--listen", "localhost", "--journal", journal])
        #expect(result.status == 2)
        #expect(result.stderrText.hasPrefix("talon: error: invalid --listen 'localhost'; expected host:port"), "\(result.stderrText)")
        #expect(!result.stderrText.contains("first staff user"))
        #expect(!FileManager.default.fileExists(atPath: journal))
    }
}
