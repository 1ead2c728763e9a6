import Foundation
import Testing
import TestSupport

/// The invoice's payment block and `talon barcode nbu-qr|epc-qr`, from outside: the built
/// binary renders, pdftoppm rasterises at 300 dpi, zbarimg reads the code, and the test
/// decodes the NBU link's Base64URL itself (Foundation) or asks segno (PyPI) for the EPC text.
@Suite struct PaymentCodeTests {
    /// Samples/invoice.en.json (not covered: something to pay) with the service centre's
    /// requisites, in a locale and currency.
    static func invoice(locale: String, currency: String, center: [String: Any] = [:]) throws -> Data {
        let url = TestSupport.packageRoot.appendingPathComponent("Samples/invoice.en.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        json["locale"] = locale
        var service = json["service_center"] as? [String: Any] ?? [:]
        service["company"] = "ТОВ «Ґардіан Безпека»"
        service["tax_code"] = "43125678"
        service["iban"] = "UA21 3223 1300 0002 6007 2335 6600 1"
        service["bank"] = "АТ «Приклад Банк»"
        for (key, value) in center { service[key] = value }
        json["service_center"] = service
        var claim = json["claim"] as? [String: Any] ?? [:]
        claim["currency"] = currency
        var invoice = claim["invoice"] as? [String: Any] ?? [:]
        invoice["currency"] = currency
        invoice["payment_due"] = "2025-07-16"
        claim["invoice"] = invoice
        json["claim"] = claim
        return try JSONSerialization.data(withJSONObject: json)
    }

    /// Renders `data` with talon, rasterises page 1 at 300 dpi and returns zbarimg's raw text
    /// (one symbol: its whole text, line feeds included); nil when there is no code.
    static func renderAndScan(_ arguments: [String], data: Data, in folder: URL) throws -> (status: Int32, code: String?, pdf: String) {
        let input = folder.appendingPathComponent("data-\(UUID().uuidString).json")
        try data.write(to: input)
        let pdf = folder.appendingPathComponent("out-\(UUID().uuidString).pdf").path
        let result = try TestSupport.talon(arguments + (arguments.first == "barcode" ? ["--data", input.path] : [input.path])
                                           + ["-o", pdf])
        guard result.status == 0 else { return (result.status, result.stderrText, pdf) }
        let png = try PDFTools.rasterize(pdf, dpi: 300, gray: true)
        let scan = try TestSupport.run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png])
        var text = scan.stdoutText
        if text.hasSuffix("\n") { text.removeLast() }
        return (result.status, text.isEmpty ? nil : text, pdf)
    }

    /// The 17 fields of an NBU link, decoded here from its Base64URL.
    static func nbuFields(_ link: String) -> [String]? {
        let prefix = "https://qr.bank.gov.ua/"
        guard link.hasPrefix(prefix) else { return nil }
        var base64 = String(link.dropFirst(prefix.count)).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        guard !base64.contains("=") else { return nil }
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The "to pay" total printed on the invoice, as a payment code writes it (`183.01`, `183`).
    static func toPay(in text: String, locale: String) -> String? {
        let pattern = locale == "uk" ? #"До сплати ([0-9 ]+),([0-9]{2}) грн"# : #"To pay (?:[A-Z]{3} |€|\$|£)([0-9,]+)\.([0-9]{2})"#
        guard let match = text.range(of: pattern, options: .regularExpression) else { return nil }
        let digits = text[match].filter { $0.isNumber || $0 == "," || $0 == "." }
        let parts = digits.split(whereSeparator: { $0 == "," || $0 == "." }).map(String.init)
        guard parts.count >= 2, let cents = parts.last else { return nil }
        let whole = parts.dropLast().joined()
        return cents == "00" ? whole : whole + "." + cents
    }

    @Test(arguments: ["uk", "en"])
    func uahInvoiceCarriesTheNBUCodeThatDecodesToTheSeventeenFields(locale: String) throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, code, pdf) = try Self.renderAndScan(["render", "invoice"], data: try Self.invoice(locale: locale, currency: "UAH"),
                                                         in: folder)
        #expect(status == 0)
        let fields = try #require(code.flatMap(Self.nbuFields))
        let purpose = locale == "uk"
            ? "Оплата рахунку № INV-2025-0107 від 02.07.2025, RMA-2025-00107, ремонт IPC-T54-Z28"
            : "Invoice INV-2025-0107 of July 2, 2025, RMA-2025-00107, repair of IPC-T54-Z28"
        // The amount is the invoice's "to pay", as printed.
        let text = try PDFTools.text(pdf)
        let toPay = try #require(Self.toPay(in: text, locale: locale))
        #expect(fields == ["BCD", "003", "1", "UCT", "", "ТОВ «Ґардіан Безпека»", "UA213223130000026007233566001",
                           "UAH" + toPay, "43125678", "OTHR/OTHR", "INV-2025-0107", purpose, "", "FFFF",
                           "250716235959", "250702000000", ""])
        #expect(text.contains("UA21 3223 1300 0002 6007 2335 6600 1"))
        #expect(text.contains("₴"))
        #expect(try PDFTools.qpdfProblems(pdf) == nil)
    }

    @Test func eurInvoiceCarriesTheEPCCodeThatSegnoAgreesWith() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.invoice(locale: "en", currency: "EUR",
                                    center: ["company": "Northgate Security Supply", "iban": "DE89 3704 0044 0532 0130 00",
                                             "bic": "COBADEFFXXX"])
        let (status, code, pdf) = try Self.renderAndScan(["render", "invoice"], data: data, in: folder)
        #expect(status == 0)
        let toPay = try #require(Self.toPay(in: try PDFTools.text(pdf), locale: "en"))
        let script = """
            import sys
            from segno import helpers
            sys.stdout.write(helpers._make_epc_qr_data(name="Northgate Security Supply", iban="DE89370400440532013000",
                amount="\(toPay)", text="Invoice INV-2025-0107 of July 2, 2025, RMA-2025-00107, repair of IPC-T54-Z28",
                bic="COBADEFFXXX", encoding="utf-8").decode("utf-8"))
            """
        // scripts/setup.sh --test installs segno into .build/test-python.
        let venv = TestSupport.packageRoot.appendingPathComponent(".build/test-python/bin/python3").path
        let python = FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
        let segno = try TestSupport.run(python, ["-c", script])
        #expect(segno.status == 0, "segno (pip install segno; scripts/setup.sh --test): \(segno.stderrText)")
        #expect(code == segno.stdoutText)
        #expect(!(try PDFTools.text(pdf)).contains("₴"))
    }

    @Test func noCodeWithoutIBANOrAmountOrKnownCurrency() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Other currencies: the details without a code.
        let usd = try Self.renderAndScan(["render", "invoice"], data: try Self.invoice(locale: "en", currency: "USD"), in: folder)
        #expect(usd.status == 0 && usd.code == nil)
        #expect(try PDFTools.text(usd.pdf).contains("UA21 3223 1300 0002 6007 2335 6600 1"))
        // Nothing to pay (the uk sample is covered by the warranty), and no IBAN at all.
        let sample = TestSupport.packageRoot.appendingPathComponent("Samples/invoice.uk.json")
        let covered = try Self.renderAndScan(["render", "invoice"], data: try Data(contentsOf: sample), in: folder)
        #expect(covered.status == 0 && covered.code == nil)
        // The requisites still name the IBAN; the payment block ("Оплата") is absent.
        #expect(!(try PDFTools.text(covered.pdf)).contains("Оплата"))
    }

    @Test func paymentDataErrorsAreLocatedByJSONPath() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [([String: Any], String)] = [
            (["iban": "UA21 3223 1300 0002 6007 2335 6600 2"], "$.service_center.iban: the IBAN's check digits do not match"),
            (["tax_code": NSNull()], "$.service_center.tax_code: required for the NBU payment code"),
            (["iban": "DE89 3704 0044 0532 0130 00"], "$.service_center.iban: the NBU payment code of a UAH invoice needs a Ukrainian IBAN"),
            (["company": String(repeating: "Я", count: 150)], "$.service_center.company: 150 characters; at most 140"),
        ]
        for (center, message) in cases {
            let (status, stderr, pdf) = try Self.renderAndScan(["render", "invoice"],
                                                               data: try Self.invoice(locale: "uk", currency: "UAH", center: center),
                                                               in: folder)
            #expect(status == 1)
            #expect(stderr?.contains(message) == true, "\(stderr ?? "")")
            #expect(!FileManager.default.fileExists(atPath: pdf))
        }
    }

    @Test func barcodeCommandsDrawTheSampleCodes() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nbu = try Self.renderAndScan(["barcode", "nbu-qr"], data: try Data(contentsOf: TestSupport.packageRoot
            .appendingPathComponent("Samples/payment/nbu.uk.json")), in: folder)
        #expect(nbu.status == 0)
        let fields = try #require(nbu.code.flatMap(Self.nbuFields))
        #expect(fields.count == 17)
        #expect(Array(fields[5...9]) == ["ТОВ «Ґардіан Безпека»", "UA213223130000026007233566001", "UAH1234.50", "43125678",
                                         "OTHR/OTHR"])
        #expect(Array(fields[13...16]) == ["FFFF", "250326235959", "250312000000", ""])
        let epc = try Self.renderAndScan(["barcode", "epc-qr"], data: try Data(contentsOf: TestSupport.packageRoot
            .appendingPathComponent("Samples/payment/epc.en.json")), in: folder)
        #expect(epc.code == "BCD\n002\n1\nSCT\nCOBADEFFXXX\nNorthgate Security Supply GmbH\nDE89370400440532013000\nEUR183.01\n\n\n"
            + "Invoice INV-2025-0107, RMA-2025-00107")
        // A bad IBAN: exit 1, the JSON path, no file.
        let bad = try Self.renderAndScan(["barcode", "nbu-qr"], data: Data(#"{"recipient": "A", "iban": "UA001234", "tax_code": "1", "purpose": "x"}"#.utf8),
                                         in: folder)
        #expect(bad.status == 1)
        #expect(bad.code?.contains("$.iban: an IBAN of UA has 29 characters, not 8") == true, "\(bad.code ?? "")")
        #expect(!FileManager.default.fileExists(atPath: bad.pdf))
    }
}
