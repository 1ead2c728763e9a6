import Mustache
import Testing

/// Comments, set delimiters and the standalone-line rules they share.
@Suite struct WhitespaceTests {
    @Test func commentsPrintNothing() throws {
        #expect(try render("12{{! hidden }}34") == "1234")
        #expect(try render("12{{!\nseveral\nlines\n}}34") == "1234")
        #expect(try render("12 {{! x }} 34") == "12  34")
        #expect(try render("{{! same name as a value }}", ["! same name as a value": "no"]) == "")
    }

    @Test func standaloneCommentsRemoveTheirLine() throws {
        #expect(try render("A\n{{! note }}\nB\n") == "A\nB\n")
        #expect(try render("A\n   {{! note }}\nB\n") == "A\nB\n")
        #expect(try render("A\r\n{{! note }}\r\nB") == "A\r\nB")
        #expect(try render("  {{! note }}\nB") == "B")
        #expect(try render("A\n  {{! note }}") == "A\n")
        #expect(try render("A\n  {{!\n  multi\n  line\n  }}\nB\n") == "A\nB\n")
        #expect(try render("  A {{! note }}\n") == "  A \n")
    }

    @Test func setDelimitersChangeTheTagMarkers() throws {
        let data: TemplateValue = ["v": "x"]
        #expect(try render("{{=<% %>=}}(<%v%>)", data) == "(x)")
        #expect(try render("({{=[ ]=}}[v])", data) == "(x)")
        #expect(try render("[{{v}}|{{=| |=}}|v||=<< >>=|<<v>>]", data) == "[x|xx]")
        #expect(try render("|{{= @   @ =}}|") == "||")
    }

    @Test func setDelimitersInSections() throws {
        let template = "[\n{{#s}}\n  {{v}}\n  |v|\n{{/s}}\n{{= | | =}}\n|#s|\n  {{v}}\n  |v|\n|/s|\n]\n"
        #expect(try render(template, ["s": true, "v": "d"]) == "[\n  d\n  |v|\n  {{v}}\n  d\n]\n")
    }

    @Test func setDelimitersDoNotReachPartials() throws {
        let partials = ["inc": ".{{v}}."]
        #expect(try render("[ {{>inc}} ]\n{{= | | =}}\n[ |>inc| ]\n", ["v": "y"], partials: partials)
                == "[ .y. ]\n[ .y. ]\n")
        let changing = ["inc": ".{{v}}. {{= | | =}} .|v|."]
        #expect(try render("[ {{>inc}} ]\n[ .{{v}}.  .|v|. ]\n", ["v": "y"], partials: changing)
                == "[ .y.  .y. ]\n[ .y.  .|v|. ]\n")
    }

    @Test func standaloneDelimiterTags() throws {
        #expect(try render("A\n{{=@ @=}}\nB\n") == "A\nB\n")
        #expect(try render("A\n  {{=@ @=}}\nB\n") == "A\nB\n")
        #expect(try render("A\r\n{{=@ @=}}\r\nB") == "A\r\nB")
        #expect(try render("  {{=@ @=}}\n=") == "=")
        #expect(try render("=\n  {{=@ @=}}") == "=\n")
    }

    @Test func tripleMustacheWorksWithOtherDelimiters() throws {
        #expect(try render("{{=<% %>=}}<%{v}%>|<%&v%>", ["v": "<b>"]) == "<b>|<b>")
    }

    @Test func severalTagsThatPrintNothingOnOneLineAreStandalone() throws {
        #expect(try render("A\n{{#on}}{{! c }}\nB\n{{/on}}{{^off}}{{/off}}\nC", ["on": true]) == "A\nB\nC")
    }
}
