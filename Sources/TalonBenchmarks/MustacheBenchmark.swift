import Foundation
import Mustache

/// Mustache figures: render throughput (MB/s of output) for a document with a 2,000-item
/// section, and parse time (µs) of a ~5 KB template (or of `TALON_BENCH_TEMPLATE` when set).
func mustacheBenchmark() throws {
    let clock = ContinuousClock()
    let library = TemplateLibrary(templates: ["row": MustacheBenchmarkFixture.row])
    let page = try Template(source: MustacheBenchmarkFixture.page, name: "invoice.mustache")
    let data = MustacheBenchmarkFixture.data(items: 2_000)
    let options = RenderOptions(escaper: .html, locale: .uk)

    var bytes = 0
    var renders = 0
    let renderTime = clock.measure {
        while renders < 200 {
            bytes += (try? page.render(data, partials: library, options: options))?.utf8.count ?? 0
            renders += 1
        }
    }
    let seconds = Double(renderTime.components.attoseconds) / 1e18 + Double(renderTime.components.seconds)
    let perRender = bytes / max(renders, 1)
    print(String(format: "render: %d renders of %d bytes (2,000 items), %.1f MB/s, %.2f ms/render",
                 renders, perRender, Double(bytes) / seconds / 1e6, seconds * 1e3 / Double(renders)))

    var source = MustacheBenchmarkFixture.largeTemplate
    var label = "built-in ~5 KB template"
    if let path = ProcessInfo.processInfo.environment["TALON_BENCH_TEMPLATE"],
       let data = FileManager.default.contents(atPath: path) {
        source = String(decoding: data, as: UTF8.self)
        label = path
    }
    let rounds = 2_000
    var failures = 0
    let parseTime = clock.measure {
        for _ in 0..<rounds where Template.compile(source: source, name: "bench").template == nil { failures += 1 }
    }
    let parseSeconds = Double(parseTime.components.attoseconds) / 1e18 + Double(parseTime.components.seconds)
    print(String(format: "parse: %@ (%d bytes): %.1f µs per parse%@", label, source.utf8.count,
                 parseSeconds * 1e6 / Double(rounds), failures > 0 ? " (template has errors)" : ""))
}

/// The templates and data the Mustache benchmark renders: a repair invoice.
enum MustacheBenchmarkFixture {
    static let page = """
        ---
        page: A4
        title: Repair invoice {{invoice.number}}
        ---
        # Repair invoice № {{invoice.number}}

        | Customer | {{customer.name}} |
        | Phone    | {{customer.phone | default: "—"}} |
        | Device   | {{device.model}} / {{device.serial}} |

        ## Work and parts

        | # | Description | Qty | Price |
        |---|-------------|-----|-------|
        {{#items}}
        {{>row}}
        {{/items}}

        **Total:** {{invoice.total}}

        {{^paid}}Payment due within 14 days.{{/paid}}

        """

    static let row = "| {{number}} | {{description}} | {{quantity}} | {{price}} |\n"

    static func data(items count: Int) -> TemplateValue {
        let items: [TemplateValue] = (0..<count).map { index in
            [
                "number": .integer(index + 1),
                "description": .string(index % 3 == 0 ? "Replace PoE board & connector" : "Diagnosis of camera module, firmware re-flash"),
                "quantity": .integer(1 + index % 4),
                "price": .string("\(100 + index % 900),00 грн"),
            ]
        }
        return [
            "invoice": ["number": "RMA-2024-00042", "total": "123 456,00 грн"],
            "customer": ["name": "Олена Коваленко", "phone": "+380 67 123 45 67"],
            "device": ["model": "IPC-HFW2431", "serial": "7J0A8C9PAZ1234"],
            "items": .list(items),
            "paid": false,
        ]
    }

    /// A ~5 KB template using every kind of tag, for parse timing.
    static let largeTemplate: String = {
        var text = "{{! generated for the benchmark }}\n{{<layout}}\n{{$title}}Warranty card {{card.number}}{{/title}}\n{{$body}}\n"
        var section = 0
        while text.utf8.count < 5_000 {
            section += 1
            text += """
                ## Section \(section) for {{product.model | upper}}

                | Serial | {{product.serial}} | Sold | {{sale.date | date: "dd.MM.yyyy"}} |
                {{#policy.exclusions}}
                {{number}}. {{text}} — {{note | default: "none"}}
                {{/policy.exclusions}}
                {{^policy.exclusions}}No exclusions.{{/policy.exclusions}}
                  {{>partials/coupon}}

                """
        }
        return text + "{{/body}}\n{{/layout}}\n"
    }()
}
