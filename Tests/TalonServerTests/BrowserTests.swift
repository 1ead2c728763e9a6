import Foundation
import TalonJournal
import Testing
import TestSupport

/// Talon's pages in a real headless Chromium (JavaScript off: the pages claim to need none):
/// a customer sends the RMA form with two photos, forgets a required field; a seller logs
/// in and issues a card; the service centre walks the claim from received to returned
/// through its step forms (one refused for a missing clause first). Screenshots of every page go to `$TALON_SCREENSHOTS` (kept)
/// or to a temporary folder (removed).
@Suite struct BrowserTests {
    static let customer: [String: String] = [
        "received": "2025-06-27", "model": "IPC-T54-Z28", "serial": "T54Z2301310417",
        "equipment_set": "Camera with 0.5 m pigtail; junction box", "failure": "No video since a thunderstorm",
        "name": "Tomasz Kowalski", "email": "t.kowalski@example.com", "phone": "+48 601 234 567",
    ]
    static let card: [String: String] = ["model": "IPC-B48", "serial": "B48V2501310092", "sale_date": "2025-05-14",
                                         "name": "Olena Petrenko"]
    /// The claim's steps as typed into its page: fields, date fields, radio buttons, clauses.
    nonisolated(unsafe) static let steps: [[String: Any]] = [
        ["dates": ["date": "2025-07-01"], "radios": ["coverage": "not_covered", "estimate": "standard"], "shot": "diagnosis-errors",
         "values": ["technician": "Anna Schmidt", "findings": "Burnt PoE input stage", "cause": "Overvoltage from a lightning strike"]],
        ["clauses": [8], "values": ["estimated_cost": "164.90"], "shot": "diagnosed"],
        ["dates": ["date": "2025-07-02"], "radios": ["lines-1-kind": "work", "lines-2-kind": "part"], "shot": "invoiced",
         "values": ["lines-1-description": "Main board replacement", "lines-1-quantity": "1.25", "lines-1-unit_price": "40.00",
                    "lines-2-description": "Main board MB-T54", "lines-2-quantity": "1", "lines-2-unit_price": "86.50"]],
        ["dates": ["date": "2025-07-03"], "values": ["by": "Tomasz Kowalski"]],
        ["dates": ["completed": "2025-07-22"],
         "values": ["work_done": "Replaced the main board", "parts_replaced-1-name": "Main board MB-T54", "parts_replaced-1-quantity": "1"]],
        ["dates": ["date": "2025-07-23"], "radios": ["method": "courier"], "values": ["tracking": "DPD 0987 6543 2109"], "shot": "returned"],
    ]

    @Test func customerAndSellerInChromium() throws {
        let server = try ServeProcess()
        defer { _ = server.terminate() }
        let folder = server.folder
        let kept = ProcessInfo.processInfo.environment["TALON_SCREENSHOTS"].flatMap { $0.isEmpty ? nil : $0 }
        let screenshots = kept.map { URL(fileURLWithPath: $0) } ?? folder.appendingPathComponent("screenshots")
        let downloads = folder.appendingPathComponent("downloads")
        for made in [screenshots, downloads] { try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = [folder.appendingPathComponent("site.jpg"), folder.appendingPathComponent("label.png")]
        try Data(AppFixture.jpeg).write(to: photos[0])
        try Data(AppFixture.png).write(to: photos[1])
        let report = try BrowserSession.run(settings: [
            "base": server.base, "screenshots": screenshots.path, "downloads": downloads.path,
            "user": "admin", "password": try Self.firstPassword(server.log), "photos": photos.map(\.path),
            "customer": Self.customer, "card": Self.card, "steps": Self.steps,
        ], folder: folder)

        let sent = report["customer_sends_the_form"] as? [String: Any] ?? [:]
        #expect(sent["failed"] == nil, "\(sent)")
        #expect(sent["scripts"] as? Int == 0)
        let rma = sent["rma"] as? String ?? ""
        #expect(rma.wholeMatch(of: /RMA-2025-[0-9]{5}/) != nil, "\(sent)")
        let rmaText = try PDFTools.text(sent["pdf"] as? String ?? "")
        #expect(rmaText.contains(rma) && rmaText.contains("Tomasz Kowalski") && rmaText.contains("T54Z2301310417"))
        let claim = try AppFixture.claimRecord(rma, journal: server.journal)
        let attachments = try JSONSerialization.jsonObject(with: claim.data) as? [String: Any]
        #expect(((attachments?["claim"] as? [String: Any])?["attachments"] as? [Any])?.count == 2)

        let forgot = report["customer_forgets_a_required_field"] as? [String: Any] ?? [:]
        #expect(forgot["failed"] == nil, "\(forgot)")
        let fields = forgot["fields"] as? [String: [String: Any]] ?? [:]
        #expect(fields["failure"]?["error"] as? String == "Будь ласка, опишіть несправність.")
        #expect(fields["failure"]?["invalid"] as? Bool == true)
        #expect(forgot["summary"] as? [String] == ["Опис несправності: Будь ласка, опишіть несправність."])
        for (name, value) in Self.customer where name != "failure" {
            #expect(fields[name]?["value"] as? String == value, "\(name) keeps its value")
            #expect(fields[name]?["error"] is NSNull, "\(name) has no message")
        }

        let seller = report["seller_issues_a_card"] as? [String: Any] ?? [:]
        #expect(seller["failed"] == nil, "\(seller)")
        #expect(seller["redirected_to"] as? String == "/staff/login")
        let previewText = try PDFTools.text(seller["preview"] as? String ?? "")
        #expect(previewText.contains("PREVIEW") && previewText.contains("B48V2501310092"), "the preview opened in a new tab")
        let keptFields = seller["kept_after_preview"] as? [String: String] ?? [:]
        #expect(Self.card.allSatisfy { keptFields[$0.key] == $0.value }, "the form stays filled after a preview: \(keptFields)")
        let number = seller["card"] as? String ?? ""
        #expect(number.wholeMatch(of: /ГТ-2025-[0-9]{6}/) != nil, "\(seller)")
        let cardText = try PDFTools.text(seller["pdf"] as? String ?? "")
        #expect(cardText.contains(number) && cardText.contains("B48V2501310092"))
        #expect((seller["claims"] as? [String])?.contains { $0.contains(rma) && $0.contains("Tomasz Kowalski") } == true)

        let walk = report["staff_walks_a_claim"] as? [String: Any] ?? [:]
        #expect(walk["failed"] == nil, "\(walk)")
        #expect(walk["title"] as? String == rma)
        let steps = walk["steps"] as? [[String: Any]] ?? []
        #expect(steps.map { $0["state"] as? String ?? "" }
            == ["received", "diagnosed", "invoice sent", "approved", "repaired", "returned"], "\(steps)")
        #expect(steps.first?["errors"] as? [String] == ["Please cite at least one exclusion clause when the repair is not covered."])
        #expect(steps.map { $0["document"] as? String ?? "" }
            == ["", "\(rma)/diagnosis", "РХ-2025-0001", "РХ-2025-0001/approved", "", "\(rma)/repair-record"])
        let texts = try steps.compactMap { $0["pdf"] as? String }.map { try PDFTools.text($0) }
        #expect(texts.count == 4 && texts.allSatisfy { $0.contains(rma) }, "every step's document names the claim")
        #expect(texts.first?.contains("Burnt PoE input stage") == true)
        #expect(texts.dropFirst().first?.contains("РХ-2025-0001") == true)
        #expect(texts.last?.contains("DPD 0987 6543 2109") == true)
        #expect(try AppFixture.claimRecord(rma, journal: server.journal).state == .returned)
        #expect(walk["next_form"] as? [String] == [], "a returned claim has no next step")

        #expect((report["overflow"] as? [Any])?.isEmpty == true, "pages wider than the window: \(report["overflow"] ?? "")")
        let shots = try FileManager.default.contentsOfDirectory(atPath: screenshots.path)
        for page in ["rma-form-filled", "rma-done", "rma-error-uk", "rma-form-uk", "staff-login", "staff-card-form",
                     "staff-card-issued", "staff-uk", "staff-claim-received", "staff-claim-diagnosis-errors", "staff-claim-diagnosed",
                     "staff-claim-invoiced", "staff-claim-returned", "staff-claim-uk"] {
            #expect(shots.contains("\(page).png") && shots.contains("phone-\(page).png"), "screenshots of \(page)")
        }
    }

    /// The password `talon serve` prints once for the first staff user.
    static func firstPassword(_ log: String) throws -> String {
        guard let match = log.firstMatch(of: #/first staff user 'admin', password (\S+) /#) else {
            throw FixtureError("no first staff user in: \(log)")
        }
        return String(match.1)
    }
}
