import Foundation
import Testing
import TestSupport

/// `talon check` and `talon mustache` from outside, on the templates in Fixtures/.
@Suite struct TemplateCommandTests {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/TalonCLITests/Fixtures")
    static func fixture(_ path: String) -> String { fixtures.appendingPathComponent(path).path }

    /// The error lines of `check` output: each `file:line:col: error: message`, then the source line, then a caret.
    struct Diagnostic: Equatable, CustomStringConvertible {
        var header: String
        var sourceLine: String
        var caretColumn: Int?
        var description: String { "\(header) | \(sourceLine) | caret \(caretColumn.map(String.init) ?? "none")" }
    }

    static func diagnostics(_ output: String) -> [Diagnostic] {
        let lines = output.components(separatedBy: "\n")
        var found: [Diagnostic] = []
        for (index, line) in lines.enumerated() where line.range(of: #"^\S+:\d+:\d+: error: "#, options: .regularExpression) != nil {
            let source = index + 1 < lines.count ? lines[index + 1] : ""
            let caret = index + 2 < lines.count ? lines[index + 2] : ""
            let column = caret.trimmingCharacters(in: .whitespaces) == "^" ? caret.count : nil
            found.append(Diagnostic(header: line, sourceLine: source, caretColumn: column))
        }
        return found
    }

    @Test func builtInWarrantyCardChecksOK() throws {
        let result = try TestSupport.talon(["check", "warranty-card"])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "warranty-card: ok\n")
        #expect(result.stderrText.isEmpty)
    }

    @Test func fileWithPartialsChecksOK() throws {
        let result = try TestSupport.talon(["check", Self.fixture("check/fine.mustache")])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText.hasSuffix("fine.mustache: ok\n"))
    }

    /// One run reports every error of every file: a syntax error does not hide the
    /// problems with partials.
    @Test func brokenTemplatesReportEveryErrorWithLineAndCaret() throws {
        let result = try TestSupport.talon(["check", Self.fixture("check/broken.mustache"),
                                            Self.fixture("check/mismatched.mustache"), Self.fixture("check/fine.mustache")])
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("fine.mustache: ok"), "the good file is still checked")
        let found = Self.diagnostics(result.stderrText)
        // (file, line, column, words of the message, the source line shown)
        let expected: [(String, Int, Int, String, String)] = [
            ("broken.mustache", 3, 12, "unknown formatter 'shout'", "- {{name | shout}}"),
            ("broken.mustache", 6, 1, "section 'items' opened at 2:1 is not closed", ""),
            ("broken.mustache", 4, 1, "partial 'partials/nowhere' not found", "{{> partials/nowhere}}"),
            ("broken.mustache", 5, 3, "'../outside'", "  {{> ../outside}}"),
            ("mismatched.mustache", 1, 14, "expected '{{/a}}' to close the section opened at 1:7, found '{{/b}}'",
             "Hello {{#a}}x{{/b}}"),
        ]
        for (file, line, column, message, source) in expected {
            let match = found.first { diagnostic in
                diagnostic.header.range(of: "(^|/)\(file):\(line):\(column): error: ", options: .regularExpression) != nil
                    && diagnostic.header.contains(message)
            }
            #expect(match != nil, "\(file):\(line):\(column) \(message) in:\n\(result.stderrText)")
            #expect(match?.sourceLine == source, "\(match?.description ?? "none")")
            #expect(match?.caretColumn == column, "caret under column \(column): \(match?.description ?? "none")")
        }
        #expect(found.count == expected.count, "\(found)")
        #expect(result.stderrText.hasSuffix("5 errors found\n"), "\(result.stderrText)")
        // The formatter error lists the known ones; the escaping partial is refused, not read.
        #expect(result.stderrText.contains("known: date, default, lower, money, number, plural, upper"))
    }

    @Test func unknownTemplateAndMissingFileAreErrors() throws {
        let unknown = try TestSupport.talon(["check", "warranty-cart"])
        #expect(unknown.status == 2)
        #expect(unknown.stderrText.contains("warranty-cart"))
        let missing = try TestSupport.talon(["check", Self.fixture("check/absent.mustache")])
        #expect(missing.status == 1)
        #expect(missing.stderrText.contains("absent.mustache"))
    }

    // MARK: talon mustache

    static let letterData = #"""
    {"customer":{"name":"Олена <Ґудзь> & \"Co\""},"claim":{"number":"RMA-7"},"product":"TL-C200 *pro*",
     "status":"open","items":[{"name":"fan","price":"10.00"},{"name":"filter","price":"2.50"}],
     "sender":{"name":"Talon","phone":"+380 44 000"}}
    """#

    func mustache(_ arguments: [String], data: String? = letterData) throws -> TestSupport.ProcessResult {
        var extra: [String] = []
        if let data {
            let folder = try TestSupport.temporaryDirectory()
            let file = folder.appendingPathComponent("data.json")
            try Data(data.utf8).write(to: file)
            extra = ["--data", file.path]
        }
        return try TestSupport.talon(["mustache", Self.fixture("text/letter.mustache")] + extra + arguments)
    }

    /// The letter as it must come out; `escape` is applied to every `{{value}}` (not `{{{raw}}}`).
    static func letter(escape: (String) -> String) -> String {
        "Dear \(escape(#"Олена <Ґудзь> & "Co""#)),\nyour claim \(escape("RMA-7")) for \(escape("TL-C200 *pro*")) is "
            + "\(escape("open")).\n- \(escape("fan")): \(escape("10.00"))\n- \(escape("filter")): \(escape("2.50"))\n"
            + "Raw: TL-C200 *pro*\n-- \n\(escape("Talon")), \(escape("+380 44 000"))"
    }

    /// Markup escaping: a backslash before every ASCII punctuation character.
    static func markupEscaped(_ text: String) -> String {
        String(text.flatMap { character -> [Character] in
            character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol ? ["\\", character] : [character]
        })
    }

    @Test func rendersExactlyWithEachEscaping() throws {
        let partials = ["--partials", Self.fixture("text/partials")]
        let html = try mustache(partials)
        #expect(html.status == 0, "\(html.stderrText)")
        #expect(html.stdoutText == Self.letter { text in
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        })
        #expect(try mustache(partials + ["--escape", "html"]).stdout == html.stdout)
        let markup = try mustache(partials + ["--escape", "markup"])
        #expect(markup.status == 0, "\(markup.stderrText)")
        #expect(markup.stdoutText == Self.letter(escape: Self.markupEscaped))
        #expect(markup.stdoutText.hasPrefix(#"Dear Олена \<Ґудзь\> \& \"Co\","#))
        let none = try mustache(partials + ["--escape", "none"])
        #expect(none.stdoutText == Self.letter { $0 })
        #expect(none.stderrText.isEmpty)
        #expect(try mustache(partials + ["--escape", "latex"]).status == 2)
    }

    @Test func dataFromStandardInputAndNoData() throws {
        let result = try TestSupport.talon(["mustache", Self.fixture("text/letter.mustache"), "--data", "-",
                                            "--partials", Self.fixture("text/partials"), "--escape", "none"],
                                           stdin: Data(Self.letterData.utf8))
        #expect(result.stdoutText == Self.letter { $0 })
        // Without data every value is empty; the text around it stays byte for byte.
        let empty = try mustache(["--partials", Self.fixture("text/partials")], data: nil)
        #expect(empty.status == 0, "\(empty.stderrText)")
        #expect(empty.stdoutText == "Dear ,\nyour claim  for  is .\nRaw: \n-- \n, ")
    }

    @Test func missingPartialIsAnError() throws {
        let result = try mustache([])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("letter.mustache:7:1: error: partial 'signature' not found"), "\(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }

    @Test func strictReportsEveryMissingValueWithItsPath() throws {
        let data = #"{"customer":{},"claim":{"number":"RMA-7"},"items":[{"name":"fan"}],"sender":{"name":"Talon"}}"#
        let result = try mustache(["--partials", Self.fixture("text/partials"), "--strict"], data: data)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "nothing is printed when values are missing")
        let expected = [
            ("letter.mustache:1:6", "customer.name"), ("letter.mustache:2:33", "product"), ("letter.mustache:2:48", "status"),
            ("letter.mustache:4:13", "price"), ("letter.mustache:6:6", "product"), ("signature.mustache:2:18", "sender.phone"),
        ]
        for (location, path) in expected {
            #expect(result.stderrText.contains("\(location): error: missing value '\(path)'"), "\(location) \(path):\n\(result.stderrText)")
        }
        // Without --strict the same data renders, missing values empty.
        let lenient = try mustache(["--partials", Self.fixture("text/partials")], data: data)
        #expect(lenient.status == 0, "\(lenient.stderrText)")
        #expect(lenient.stdoutText == "Dear ,\nyour claim RMA-7 for  is .\n- fan: \nRaw: \n-- \nTalon, ")
    }

    @Test func helpShowsEveryOptionWhole() throws {
        let help = try TestSupport.talon(["mustache", "--help"])
        #expect(help.status == 0)
        for label in ["--data <file.json>", "--partials <dir>", "--escape <html|markup|none>", "--strict"] {
            #expect(help.stdoutText.contains("  \(label)"), "\(label) in:\n\(help.stdoutText)")
        }
        #expect(help.stdoutText.contains("How {{name}} values are escaped (default: html)."))
    }

    @Test func badDataIsLocated() throws {
        let result = try mustache([], data: "{\"customer\": [1,]}")
        #expect(result.status == 1)
        #expect(result.stderrText.contains("data.json"), "\(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }

    @Test func dataWithAKeyTwiceIsALocatedError() throws {
        let result = try mustache([], data: "{\n  \"customer\": {\"name\": \"A\",\n    \"name\": \"B\"}\n}\n")
        #expect(result.status == 1)
        let headers = Self.diagnostics(result.stderrText).map(\.header)
        #expect(headers.count == 1 && headers[0].hasSuffix("data.json:2:15: error: the key \"name\" is given twice in this object"),
                "\(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }
}
