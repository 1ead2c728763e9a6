import Testing
@testable import Markup

@Suite struct PlainTextRendererTests {
    private func render(_ text: String, width: Int? = 30) -> String {
        PlainTextRenderer(width: width).render(parse(text))
    }

    @Test func wrapsParagraphsAtTheWidth() {
        #expect(render("one two three four five six seven eight nine ten", width: 20)
            == "one two three four\nfive six seven eight\nnine ten\n")
    }

    @Test func unwrappedKeepsParagraphOnOneLine() {
        #expect(render("one two three four five six seven eight nine ten", width: nil)
            == "one two three four five six seven eight nine ten\n")
    }

    @Test func lineBreaksAndFormattingDropped() {
        #expect(render("**a**@br*b* __c__") == "a\nb c\n")
    }

    @Test func listsWithNumbersBulletsAndHangingIndent() {
        #expect(render("9. alpha beta gamma delta epsilon\n10. b\n\n- x\n  - y", width: 20) == """
             9. alpha beta gamma
                delta epsilon
            10. b

            - x
              - y

            """)
    }

    @Test func tablesAsAlignedColumns() {
        #expect(render("| Item | Sum |\n|---|---:|\n| Screen | 100.00 |\n| Fan | 5.00 |") == """
            Item       Sum
            --------------
            Screen  100.00
            Fan       5.00

            """)
    }

    @Test func fieldsCheckboxesBarcodesRules() {
        #expect(render("@field(Name, value: Ann)\n@field(Phone)\n@checkbox(A, checked: yes) @checkbox(B)\n@barcode(qr, \"X-1\")\n---", width: 10) == """
            Name: Ann

            Phone:

            [x] A

            [ ] B

            X-1

            ----------

            """)
    }

    @Test func emptyDocument() {
        #expect(render("") == "")
    }
}

@Suite struct HTMLRendererTests {
    private func render(_ text: String, images: Bool = false) -> String {
        HTMLRenderer(includeImages: images).render(parse(text))
    }

    @Test func escapesText() {
        #expect(render("a \\<b\\> \\& \\\"q\\\" \\'s") == "<p>a &lt;b&gt; &amp; &quot;q&quot; &#39;s</p>\n")
    }

    @Test func semanticTags() {
        #expect(render("## T\n**b** *i* __u__@br x") == "<h2>T</h2>\n<p><strong>b</strong> <em>i</em> <u>u</u><br> x</p>\n")
    }

    @Test func tableHasTheadForHeaderRows() {
        let html = render("| H |\n|---|\n| v |")
        #expect(html.contains("<thead>\n<tr><th style=\"border:1px solid #999;padding:2px 6px\">H</th></tr>\n</thead>"))
        #expect(html.contains("<tbody>\n<tr><td style=\"border:1px solid #999;padding:2px 6px\">v</td></tr>\n</tbody>"))
    }

    @Test func barcodeAsCode() {
        #expect(render("@barcode(code128, \"A\\<1\")") == "<p><code>A&lt;1</code></p>\n")
    }

    @Test func imagesOnlyWhenAsked() {
        #expect(render("@image(\"a.png\")") == "")
        #expect(render("@image(\"a\\\".png\", height: 10pt)", images: true) == "<p><img src=\"a&quot;.png\" alt=\"\" height=\"10\"></p>\n")
    }
}
