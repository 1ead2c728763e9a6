import Foundation
import Testing
import TestSupport

/// The RMA form's attached photos: read only from the attachments folder, only regular
/// files, and one that cannot be read is printed as unreadable with a warning.
@Suite struct AttachmentSafetyTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    static func rma(attachments: [[String: String]]) throws -> Data {
        let sample = try Data(contentsOf: samples.appendingPathComponent("rma.en.json"))
        var root = try #require(try JSONSerialization.jsonObject(with: sample) as? [String: Any])
        var claim = try #require(root["claim"] as? [String: Any])
        claim["attachments"] = attachments
        root["claim"] = claim
        return try JSONSerialization.data(withJSONObject: root)
    }

    @Test func unreadablePhotosAreMarkedAndWarnedAndTheFormPrints() throws {
        let folder = try TestSupport.temporaryDirectory()
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("uploads/rma-2025-00042/label.jpg"),
                                         to: photos.appendingPathComponent("label.jpg"))
        #expect(mkfifo(photos.appendingPathComponent("fifo.png").path, 0o600) == 0)
        try Data("not a picture".utf8).write(to: photos.appendingPathComponent("broken.png"))
        // A link to another customer's photo outside the folder.
        let elsewhere = try TestSupport.temporaryDirectory()
        let other = elsewhere.appendingPathComponent("other.png")
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("uploads/rma-2025-00107/site-photo-1.png"), to: other)
        try FileManager.default.createSymbolicLink(atPath: photos.appendingPathComponent("link.png").path, withDestinationPath: other.path)
        let data = folder.appendingPathComponent("claim.json")
        try Self.rma(attachments: [
            ["name": "label.jpg", "path": "photos/label.jpg"], ["name": "fifo.png", "path": "photos/fifo.png"],
            ["name": "broken.png", "path": "photos/broken.png"], ["name": "link.png", "path": "photos/link.png"],
        ]).write(to: data)
        let pdf = folder.appendingPathComponent("rma.pdf").path
        let result = try TestSupport.talon(["render", "rma", data.path, "-o", pdf])
        #expect(result.status == 0, "\(result.stderrText)")
        let warnings = result.stderrText.split(separator: "\n").map(String.init)
        #expect(warnings.count == 3, "\(warnings)")
        #expect(warnings.first?.hasPrefix("$.claim.attachments[1].path: warning: photo not printed: cannot read image: not a regular file") == true)
        #expect(warnings.dropFirst().first?.hasPrefix("$.claim.attachments[2].path: warning: photo not printed: ") == true)
        #expect(warnings.last == "$.claim.attachments[3].path: warning: photo not printed: leads outside the attachments folder")
        let images = try TestSupport.run("pdfimages", ["-list", pdf]).stdoutText.split(separator: "\n").dropFirst(2)
        #expect(images.count == 1)
        let text = try PDFTools.text(pdf)
        for name in ["fifo.png", "broken.png", "link.png"] { #expect(text.contains("\(name) (unreadable)"), "\(name)") }
        #expect(text.contains("label.jpg") && !text.contains("label.jpg (unreadable)"))
    }

    @Test func pathsOutsideTheFolderAreRefusedAndAnAttachmentsFolderCanBeGiven() throws {
        let folder = try TestSupport.temporaryDirectory()
        let data = folder.appendingPathComponent("claim.json")
        try Self.rma(attachments: [["name": "x", "path": "/etc/hostname.png"], ["name": "y", "path": "../y.png"]]).write(to: data)
        let pdf = folder.appendingPathComponent("rma.pdf").path
        let refused = try TestSupport.talon(["render", "rma", data.path, "-o", pdf])
        #expect(refused.status == 1)
        #expect(refused.stderrText == """
            $.claim.attachments[0].path: must be a relative path inside the attachments folder
            $.claim.attachments[1].path: must not leave the attachments folder ('..')

            """)
        #expect(!FileManager.default.fileExists(atPath: pdf))

        try Self.rma(attachments: [["name": "site-photo-2.jpg", "path": "rma-2025-00107/site-photo-2.jpg"]]).write(to: data)
        let given = try TestSupport.talon(["render", "rma", data.path, "-o", pdf,
                                           "--attachments", Self.samples.appendingPathComponent("uploads").path])
        #expect(given.status == 0, "\(given.stderrText)")
        #expect(try TestSupport.run("pdfimages", ["-list", pdf]).stdoutText.split(separator: "\n").count == 3)
    }

    @Test func aBatchReportsUnreadablePhotosWithTheRecord() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Data("not a picture".utf8).write(to: folder.appendingPathComponent("broken.png"))
        let record = try Self.rma(attachments: [["name": "broken.png", "path": "broken.png"]])
        let input = folder.appendingPathComponent("claims.jsonl")
        try record.write(to: input)
        let result = try TestSupport.talon(["batch", "rma", input.path, "--out-dir", folder.appendingPathComponent("out").path, "--quiet"])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stderrText.hasPrefix("record 1 (line 1): $.claim.attachments[0].path: warning: photo not printed: "))
    }
}
