import Foundation
import Testing
import TestSupport

/// The installed layout (`make install`): `<prefix>/bin/talon` with
/// `<prefix>/share/talon/{Templates,Fonts}`, run through `PATH` from another folder.
@Suite struct BatchInstallTests {
    /// A prefix whose English warranty card says `marker` instead of "Warranty period".
    static func installedPrefix(marker: String) throws -> URL {
        let prefix = try TestSupport.temporaryDirectory()
        let manager = FileManager.default
        let share = prefix.appendingPathComponent("share/talon")
        try manager.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try manager.createDirectory(at: share, withIntermediateDirectories: true)
        try manager.copyItem(atPath: TestSupport.talonBinary, toPath: prefix.appendingPathComponent("bin/talon").path)
        for folder in ["Templates", "Fonts"] {
            try manager.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder), to: share.appendingPathComponent(folder))
        }
        let card = share.appendingPathComponent("Templates/locales/en.json")
        let text = try String(contentsOf: card, encoding: .utf8).replacingOccurrences(of: "Warranty period", with: marker)
        try Data(text.utf8).write(to: card)
        return prefix
    }

    static let sample = TestSupport.packageRoot.appendingPathComponent("Samples/warranty-card.en.json").path

    @Test func talonFoundThroughPathUsesItsInstalledTemplates() throws {
        let prefix = try Self.installedPrefix(marker: "INSTALLED-SET")
        defer { try? FileManager.default.removeItem(at: prefix) }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        environment["TALON_TEMPLATES"] = nil
        environment["TALON_FONTS"] = nil
        // "talon" without a folder: argv[0] alone cannot tell where the program lives.
        let installed = try TestSupport.run("talon", ["render", "warranty-card", Self.sample, "--format", "text", "-o", "-"],
                                            environment: environment)
        #expect(installed.status == 0, "\(installed.stderrText)")
        #expect(installed.stdoutText.contains("INSTALLED-SET"))

        // $TALON_TEMPLATES wins over the installed set, and --templates over both.
        let other = try Self.installedPrefix(marker: "FROM-ENVIRONMENT")
        defer { try? FileManager.default.removeItem(at: other) }
        environment["TALON_TEMPLATES"] = other.appendingPathComponent("share/talon/Templates").path
        let fromEnvironment = try TestSupport.run("talon", ["render", "warranty-card", Self.sample, "--format", "text", "-o", "-"],
                                                  environment: environment)
        #expect(fromEnvironment.stdoutText.contains("FROM-ENVIRONMENT"))
        let explicit = try TestSupport.run("talon", ["render", "warranty-card", Self.sample, "--format", "text", "-o", "-",
                                                     "--templates", TestSupport.packageRoot.appendingPathComponent("Templates").path],
                                           environment: environment)
        #expect(explicit.stdoutText.contains("Warranty period"))
    }
}
