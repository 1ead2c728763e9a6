import Foundation
import Testing
import TestSupport
@testable import HaruPDF

/// libharu's internals are used only through `HaruInternals`, and only with the version whose
/// records it knows.
@Suite struct HaruInternalsTests {
    @Test func theLinkedLibraryIsTheSupportedVersion() throws {
        #expect(HaruDocument.libraryVersion == HaruInternals.supportedVersion)
        #expect(HaruInternals.supportedVersion == "2.3.0")
        _ = try HaruDocument()
    }

    @Test func anotherVersionIsRefusedWhenADocumentIsCreated() {
        for version in ["2.4.0", "2.3.0rc3", "2.3", ""] {
            #expect(throws: HaruError.unsupportedLibrary(found: version, supported: "2.3.0")) {
                try HaruDocument(libraryVersion: version)
            }
        }
        let message = HaruError.unsupportedLibrary(found: "2.4.0", supported: "2.3.0").description
        #expect(message.contains("libharu 2.4.0 is installed") && message.contains("only with libharu 2.3.0"))
    }

    /// Every `HPDF_` name the code of HaruPDF uses outside `HaruInternals*.swift` (comments
    /// left out) is declared by libharu's public header or is one of its constants.
    @Test func onlyHaruInternalsUsesLibharuInternals() throws {
        let headers = ["hpdf.h", "hpdf_types.h", "hpdf_consts.h"]
        var publicNames = Set<Substring>()
        for header in headers {
            let text = try String(contentsOfFile: "/usr/include/" + header, encoding: .utf8)
            publicNames.formUnion(Self.libharuNames(in: text))
        }
        // Error codes are public (hpdf_error.h also declares internal functions: not those).
        let errors = try String(contentsOfFile: "/usr/include/hpdf_error.h", encoding: .utf8)
        for line in errors.split(separator: "\n") where line.hasPrefix("#define") {
            publicNames.formUnion(Self.libharuNames(in: line))
        }
        let folder = TestSupport.packageRoot.appendingPathComponent("Sources/HaruPDF")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("HaruInternals.swift") && files.count > 10)
        var offending: [String] = []
        for file in files where !file.hasPrefix("HaruInternals") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let code = source.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            for line in code {
                for name in Self.libharuNames(in: line) where !publicNames.contains(name) { offending.append("\(file): \(name)") }
                if line.contains(".pointee") || line.contains("_Rec") { offending.append("\(file): \(line)") }
            }
        }
        #expect(offending.isEmpty, "libharu internals outside HaruInternals: \(offending)")
    }

    static func libharuNames(in text: some StringProtocol) -> [Substring] {
        let string = Substring(text)
        return string.matches(of: /HPDF_[A-Za-z0-9_]+/).map { string[$0.range] }
    }
}
