import Foundation
import Testing
import TestSupport

/// The README's examples with a template of one's own, run as written.
@Suite struct ReadmeCommandsTests {
    static let root = TestSupport.packageRoot.path

    @Test func customCardRendersOnOnePage() throws {
        let pdf = try TestSupport.temporaryDirectory().appendingPathComponent("shop-card.pdf").path
        let result = try TestSupport.talon(["render", "\(Self.root)/Samples/custom/shop-card.mustache",
                                            "\(Self.root)/Samples/warranty-card.en.json", "--kind", "warranty-card", "-o", pdf])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(try PDFTools.info(pdf)["Pages"] == "1")
        #expect(try PDFTools.text(pdf).contains("until January 31, 2026"))
        let check = try TestSupport.talon(["check", "warranty-card", "invoice", "\(Self.root)/Samples/custom/shop-card.mustache"])
        #expect(check.status == 0, "\(check.stderrText)")
    }

    @Test func emailTemplateRendersExactly() throws {
        let result = try TestSupport.talon(["mustache", "\(Self.root)/Samples/custom/email.mustache",
                                            "--data", "\(Self.root)/Samples/notice.en.json",
                                            "--partials", "\(Self.root)/Samples/custom/partials", "--escape", "none"])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText == """
        Dear Tomasz Kowalski,

        We received your IPC-T54-Z28 (serial T54Z2301310417) on June 27, 2025
        under RMA RMA-2025-00107. We will send you our diagnosis within 3 business days.

        Kind regards,
        Northgate Security Supply, Lviv Service Center
        +380 32 245 67 89 · rma@northgate.example

        """)
    }
}
