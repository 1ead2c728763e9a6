import Foundation
import Testing
import Layout
import TestSupport
@testable import HaruPDF

/// AES-256 (PDF 2.0 standard security handler, revision 6), checked with qpdf and poppler.
@Suite struct EncryptionTests {
    static func protected(owner: String?, user: String? = nil, printOnly: Bool = false) -> DisplayList {
        var info = PainterOutputTests.card().info
        info.ownerPassword = owner
        info.userPassword = user
        info.printOnly = printOnly
        return PainterOutputTests.card(info: info)
    }

    @Test func printOnlyIsAESv3RevisionSixWithHighResolutionPrinting() throws {
        let pdf = try PDFPainter.render(Self.protected(owner: "owner-secret", user: "reader", printOnly: true))
        #expect(try PDFPainter.render(Self.protected(owner: "owner-secret", user: "reader", printOnly: true)) == pdf)
        let shown = try PDFInspection.qpdf(["--show-encryption", "--password=owner-secret"], pdf).stdoutText
        for line in ["R = 6", "print low resolution: allowed", "print high resolution: allowed",
                     "modify other: not allowed", "extract for any purpose: not allowed",
                     "stream encryption method: AESv3", "string encryption method: AESv3",
                     "file encryption method: AESv3"] {
            #expect(shown.contains(line), "\(line) in\n\(shown)")
        }
        #expect(!shown.contains("RC4"))
        for password in ["owner-secret", "reader"] {
            let check = try PDFInspection.qpdf(["--check", "--password=\(password)"], pdf)
            #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
        }
        #expect(try PDFInspection.qpdf(["--check", "--password=wrong"], pdf).status != 0)
        // poppler opens it with either password, and text is still real text.
        let (text, warnings) = try PDFInspection.text(pdf, password: "reader")
        #expect(text.contains("Гарантійний талон № 17") && warnings == "")
        #expect(try PDFInspection.text(pdf, password: "owner-secret", owner: true).text.contains("Гарантійний талон № 17"))
        let refused = try PDFInspection.text(pdf, password: "wrong")
        #expect(refused.text.isEmpty && refused.warnings.contains("Incorrect password"))
        // Nothing strips a user-password file without the password.
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("decrypted.pdf")
        #expect(try TestSupport.run("qpdf", ["--decrypt", try Fixtures.file(pdf).path, output.path]).status != 0)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func ownerPasswordAloneOpensWithoutAPasswordButRestricts() throws {
        let pdf = try PDFPainter.render(Self.protected(owner: "owner-secret", printOnly: true))
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        let shown = try PDFInspection.qpdf(["--show-encryption"], pdf).stdoutText
        #expect(shown.contains("R = 6") && shown.contains("modify anything: not allowed"))
        // Without print-only, everything is allowed once opened.
        let open = try PDFPainter.render(Self.protected(owner: "owner-secret", user: "reader"))
        #expect(try PDFInspection.qpdf(["--show-encryption", "--password=reader"], open).stdoutText
            .contains("modify anything: allowed"))
    }

    @Test func differentContentOrPasswordsGiveDifferentFiles() throws {
        let first = try PDFPainter.render(Self.protected(owner: "a", user: "b"))
        #expect(try PDFPainter.render(Self.protected(owner: "a", user: "c")) != first)
        var other = Self.protected(owner: "a", user: "b")
        other.info.title = "Another title"
        let second = try PDFPainter.render(other)
        func identifier(_ pdf: [UInt8]) -> Substring? {
            let text = String(decoding: pdf.suffix(400), as: UTF8.self)
            return text.range(of: "/ID[").map { text[$0.upperBound...].prefix(34) }
        }
        #expect(identifier(first) != nil && identifier(first) != identifier(second))
    }

    @Test func passwordsAreUTF8AfterSASLprep() throws {
        // A no-break space is a space, a soft hyphen nothing, full-width letters ASCII (NFKC).
        let pdf = try PDFPainter.render(Self.protected(owner: "Ключ\u{00A0}вла\u{00AD}сника", user: "ｒｅａｄｅｒ"))
        #expect(try PDFInspection.qpdf(["--check", "--password=Ключ власника"], pdf).status == 0)
        #expect(try PDFInspection.qpdf(["--check", "--password=reader"], pdf).status == 0)
        #expect(try PDFInspection.text(pdf, password: "reader").text.contains("Гарантійний"))
        // Owner and user are compared after preparation.
        #expect(throws: HaruError.invalidProtection("the owner and user passwords must differ")) {
            try PDFPainter.render(Self.protected(owner: "I\u{00AD}X", user: "IX"))
        }
        // Prohibited characters and wrong bidirectional text are refused by role.
        for (owner, user, role) in [("bell\u{07}", "reader", "owner"), ("owner", "\u{05D0}1", "user"),
                                    ("owner", "nul\u{0}", "user")] {
            #expect {
                try PDFPainter.render(Self.protected(owner: owner, user: user))
            } throws: { error in
                "\(error)".contains("the \(role) password")
            }
        }
    }

    @Test func passwordsLongerThan127BytesAreRefusedByName() throws {
        let longest = String(repeating: "ї", count: 63) + "x"  // 127 bytes
        let pdf = try PDFPainter.render(Self.protected(owner: longest, user: "reader"))
        #expect(try PDFInspection.qpdf(["--check", "--password=\(longest)"], pdf).status == 0)
        // 32 A's and 32 A's plus "B" differ: nothing is cut at 32 bytes.
        let cut = try PDFPainter.render(Self.protected(owner: String(repeating: "A", count: 40),
                                                       user: String(repeating: "A", count: 32) + "B"))
        #expect(try PDFInspection.qpdf(["--check", "--password=" + String(repeating: "A", count: 32)], cut).status != 0)
        let asUser = try PDFInspection.qpdf(["--show-encryption", "--password=" + String(repeating: "A", count: 32) + "B"], cut)
        #expect(asUser.stdoutText.contains("Supplied password is user password"))
        let asOwner = try PDFInspection.qpdf(["--show-encryption", "--password=" + String(repeating: "A", count: 40)], cut)
        #expect(asOwner.stdoutText.contains("Supplied password is owner password"))
        #expect {
            try PDFPainter.render(Self.protected(owner: "owner", user: String(repeating: "u", count: 128)))
        } throws: { error in
            "\(error)" == "invalid protection: the user password is 128 bytes of UTF-8 after SASLprep; at most 127 are allowed"
        }
    }

    @Test func protectionNeedsAnOwnerPasswordAndNoPDFA() {
        #expect(throws: HaruError.invalidProtection("a user password or print-only protection needs an owner password")) {
            try PDFPainter.render(Self.protected(owner: nil, printOnly: true))
        }
        var archived = Self.protected(owner: "owner")
        archived.info.pdfa = true
        #expect {
            try PDFPainter.render(archived)
        } throws: { error in
            "\(error)".contains("PDF/A does not allow encryption")
        }
    }

    /// Algorithm 2.B against a value qpdf accepts: a file whose /U was made by our hash
    /// opens with its password (checked above); here the hash is stable and 32 bytes.
    @Test func hashIsDeterministicAndDependsOnEveryInput() throws {
        let salt: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let hash = try StandardSecurityHandler.hash(Array("pw".utf8), salt: salt, extra: [])
        #expect(hash.count == 32)
        #expect(try StandardSecurityHandler.hash(Array("pw".utf8), salt: salt, extra: []) == hash)
        #expect(try StandardSecurityHandler.hash(Array("pv".utf8), salt: salt, extra: []) != hash)
        #expect(try StandardSecurityHandler.hash(Array("pw".utf8), salt: salt.reversed(), extra: []) != hash)
        #expect(try StandardSecurityHandler.hash(Array("pw".utf8), salt: salt, extra: [0]) != hash)
    }
}
