import Foundation
import Testing
import TestSupport

/// Business calendars are read on first use: a warranty card (which counts no business days)
/// prints even when a calendar file is broken, and a service document names that file.
@Suite struct CalendarLoadingTests {
    @Test func aBrokenCalendarStopsOnlyTheDocumentsThatCountBusinessDays() throws {
        let folder = try TestSupport.temporaryDirectory()
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: templates)
        let broken = templates.appendingPathComponent("calendars/pl.json")
        try Data("{\"identifier\": \"pl\",".utf8).write(to: broken)
        let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

        let card = folder.appendingPathComponent("card.pdf").path
        let cardRun = try TestSupport.talon(["render", "warranty-card", samples.appendingPathComponent("warranty-card.uk.json").path,
                                             "-o", card, "--templates", templates.path])
        #expect(cardRun.status == 0, "\(cardRun.stderrText)")
        #expect(FileManager.default.fileExists(atPath: card))

        let diagnosis = folder.appendingPathComponent("diagnosis.pdf").path
        let diagnosisRun = try TestSupport.talon(["render", "diagnosis", samples.appendingPathComponent("diagnosis.uk.json").path,
                                                  "-o", diagnosis, "--templates", templates.path])
        #expect(diagnosisRun.status == 1)
        #expect(diagnosisRun.stderrText.contains("\(broken.path): error: invalid calendar"), "\(diagnosisRun.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: diagnosis))
    }
}
