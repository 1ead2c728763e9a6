import Mustache
import Testing

@Suite struct FormatterTests {
    let en = RenderOptions(escaper: .none, locale: .en)
    let uk = RenderOptions(escaper: .none, locale: .uk)
    let nbsp = "\u{00A0}"

    @Test func datesInEachLocale() throws {
        let data: TemplateValue = ["d": "2024-02-29"]
        #expect(try render("{{d | date}}", data, options: en) == "February 29, 2024")
        #expect(try render("{{d | date}}", data, options: uk) == "29.02.2024")
        #expect(try render("{{ d | date: \"d MMMM yyyy\" }}", data, options: uk) == "29 лютого 2024")
        #expect(try render("{{d|date:\"dd.MM.yy\"}}", ["d": "2031-07-04"], options: en) == "04.07.31")
        #expect(try render("{{d | date: \"d MMM yyyy\"}}", ["d": "2025-09-01"], options: en) == "1 Sep 2025")
        #expect(try render("{{d | date: \"d MMM\"}}", ["d": "2025-09-01"], options: uk) == "1 вер.")
        #expect(try render("{{d | date: \"M/d 'of' yyyy\"}}", ["d": "2025-01-05"], options: en) == "1/5 of 2025")
        #expect(try render("{{d | date}}", ["d": "2024-03-01T10:00:00Z"], options: uk) == "01.03.2024")
    }

    @Test func badDatesAreLocatedErrors() throws {
        for bad in ["2023-02-29", "2024-13-01", "29.02.2024", "soon"] {
            let error = templateError { try render("Sold: {{ d | date }}", ["d": .string(bad)]) }
            #expect(error?.kind == .formatter("date"), "\(bad)")
            #expect(error?.location.column == 14, "\(bad)")
        }
    }

    /// 1e300 became Decimal NaN and printed as "NaN" or "0.00".
    @Test func numbersBeyondDecimalAreLocatedErrors() throws {
        for text in ["1e300", "-1e300", "1e-300"] {
            let data = try TemplateValue(jsonText: "{\"a\": \(text)}")
            for template in ["{{ a | number }}", "{{ a | number: 2 }}", "{{ a | money: \"EUR\" }}"] {
                let error = templateError { try render(template, data) }
                #expect(error?.kind == .formatter(template.contains("money") ? "money" : "number"), "\(template) \(text)")
                #expect(error?.description.contains("out of the range that can be printed") == true, "\(template) \(text)")
            }
        }
        #expect(try render("{{ a | number }}", try TemplateValue(jsonText: "{\"a\": 1e20}"), options: en) == "100,000,000,000,000,000,000")
    }

    @Test func moneyFromMinorUnits() throws {
        let price: TemplateValue = ["p": ["minor": 123456, "currency": "UAH"]]
        #expect(try render("{{p | money}}", price, options: uk) == "1\(nbsp)234,56\(nbsp)грн")
        #expect(try render("{{p | money}}", price, options: en) == "UAH\(nbsp)1,234.56")
        let euro: TemplateValue = ["p": ["minor": 5, "currency": "EUR"]]
        #expect(try render("{{p | money}}", euro, options: en) == "€0.05")
        #expect(try render("{{p | money}}", euro, options: uk) == "0,05\(nbsp)€")
        let dollars: TemplateValue = ["p": ["minor": -100000000, "currency": "USD"]]
        #expect(try render("{{p | money}}", dollars, options: en) == "-$1,000,000.00")
        let zloty: TemplateValue = ["p": ["minor": 99, "currency": "PLN"]]
        #expect(try render("{{p | money}}", zloty, options: uk) == "0,99\(nbsp)zł")
    }

    @Test func moneyFromPlainNumbers() throws {
        #expect(try render("{{t | money: \"USD\"}}", ["t": 1500], options: en) == "$1,500.00")
        #expect(try render("{{t | money: \"UAH\"}}", ["t": 12.5], options: uk) == "12,50\(nbsp)грн")
        #expect(try render("{{t | money}}", ["t": 7], options: en) == "7.00")
        #expect(templateError { try render("{{t | money}}", ["t": 1.005]) }?.kind == .formatter("money"))
        #expect(templateError { try render("{{t | money}}", ["t": "lots"]) }?.kind == .formatter("money"))
        #expect(templateError { try render("{{t | money: \"hryvnia\"}}", ["t": 1]) }?.kind == .formatter("money"))
    }

    @Test func numbersWithLocaleSeparators() throws {
        #expect(try render("{{n | number}}", ["n": 1234567], options: en) == "1,234,567")
        #expect(try render("{{n | number}}", ["n": 1234567], options: uk) == "1\(nbsp)234\(nbsp)567")
        #expect(try render("{{n | number: 2}}", ["n": 1234.5], options: uk) == "1\(nbsp)234,50")
        #expect(try render("{{n | number: 1}}", ["n": 2.25], options: en) == "2.3")
        #expect(try render("{{n | number: 0}}", ["n": -0.4], options: en) == "0")
        #expect(try render("{{n | number}}", ["n": 999], options: en) == "999")
    }

    @Test func caseFormattersAreUnicodeAware() throws {
        #expect(try render("{{n | upper}}", ["n": "Гарантійний талон"]) == "ГАРАНТІЙНИЙ ТАЛОН")
        #expect(try render("{{n | lower}}", ["n": "ЇЖАК Straße"]) == "їжак straße")
    }

    @Test func defaultReplacesEmptyValues() throws {
        for value: TemplateValue in [nil, "", false, []] {
            #expect(try render("{{note | default: \"—\"}}", ["note": value]) == "—")
        }
        #expect(try render("{{note | default: \"—\"}}") == "—")
        #expect(try render("{{note | default: \"—\"}}", ["note": "dent"]) == "dent")
        #expect(try render("{{note | default: 0}}") == "0")
    }

    @Test func formattersChainLeftToRight() throws {
        #expect(try render("{{m | default: \"none yet\" | upper}}") == "NONE YET")
        #expect(try render("{{m | upper | default: \"x\"}}", ["m": "ok"]) == "OK")
        // Formatted text is escaped like any value.
        #expect(try render("{{m | default: \"<n/a>\"}}") == "&lt;n/a&gt;")
    }

    @Test func stringArgumentsTakeEscapes() throws {
        #expect(try render(#"{{m | default: "say \"hi\" \\ ok"}}"#, options: en) == #"say "hi" \ ok"#)
    }

    @Test func customFormattersCanBeAdded() throws {
        let words = TemplateFormatter(name: "words", arity: 0...1) { value, arguments, locale in
            let suffix = arguments.first?.text ?? ""
            return .string("\(locale == .uk ? "число" : "number") \(value.text)\(suffix)")
        }
        let formatters = FormatterSet.standard.adding(words)
        let template = try Template(source: "{{n | words: \"!\"}}", name: "t", formatters: formatters)
        #expect(try template.render(["n": 3], options: uk) == "число 3!")
        #expect(templateError { try Template(source: "{{n | words}}", name: "t") }?.kind == .unknownFormatter("words"))
    }

    @Test func unknownFormatterIsALoadTimeErrorAtItsName() throws {
        let error = templateError { try Template(source: "Total:\n  {{ total | monney }}\n", name: "invoice.mustache") }
        #expect(error?.kind == .unknownFormatter("monney"))
        #expect(error?.rendered == """
            invoice.mustache:2:14: error: unknown formatter 'monney' (known: date, default, lower, money, number, plural, upper)
              {{ total | monney }}
                         ^
            """)
    }

    @Test func wrongArgumentCountIsALoadTimeError() throws {
        let error = templateError { try Template(source: "{{a | upper: \"x\"}}", name: "t") }
        #expect(error?.kind == .formatter("upper"))
        #expect(error?.message == "formatter 'upper' takes 0 arguments, got 1")
        #expect(templateError { try Template(source: "{{a | default}}", name: "t") }?.message
                == "formatter 'default' takes 1 argument, got 0")
    }

    @Test func malformedFormatterSyntax() throws {
        let cases: [(String, Int, String)] = [
            ("{{a | }}", 6, "expected a formatter name after '|'"),
            ("{{a | date: }}", 12, "expected an argument (a quoted string or a number)"),
            ("{{a | date: \"x}}", 13, "string argument is not closed: expected '\"'"),
            ("{{a b}}", 5, "expected '|' and a formatter, or the end of the tag"),
            ("{{#a | upper}}{{/a}}", 5, "expected the end of the tag after the name (formatters are allowed only in {{value}} tags)"),
        ]
        for (source, column, message) in cases {
            let error = templateError { try Template(source: source, name: "t") }
            #expect(error?.location.column == column, "\(source)")
            #expect(error?.message == message, "\(source)")
        }
    }

    @Test func allFormatterErrorsOfATemplateAreCollected() {
        let (template, errors) = Template.compile(source: "{{a | one}} {{b | two}}\n{{c | upper: 1}}", name: "t")
        #expect(template != nil)
        #expect(errors.map(\.location.column) == [7, 19, 7])
        #expect(errors.map(\.location.line) == [1, 1, 2])
    }
}
