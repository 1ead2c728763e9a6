import Foundation
import Testing
import TestSupport
@testable import Layout

@Suite struct FontCatalogTests {
    static let shipped = TestSupport.packageRoot.appendingPathComponent("Fonts/catalogue.json")

    @Test func shippedCatalogueHasTheDejaVuFamilies() throws {
        let catalog = try FontCatalog(contentsOf: Self.shipped)
        #expect(catalog.familyNames == ["DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif"])
        #expect(catalog.defaultFamily == "DejaVu Sans")
        let sans = try catalog.family(named: "DejaVu Sans")
        #expect(sans.regular.postScriptName == "DejaVuSans")
        #expect(sans.bold.postScriptName == "DejaVuSans-Bold")
        #expect(sans.italic.postScriptName == "DejaVuSans-Oblique")
        #expect(sans.boldItalic.postScriptName == "DejaVuSans-BoldOblique")
        #expect(try catalog.family(named: "dejavu serif").bold.postScriptName == "DejaVuSerif-Bold")
        // Loaded once: the same instances come back.
        #expect(try catalog.family(named: "DejaVu Sans").regular === sans.regular)
    }

    @Test func unknownFamilyListsTheKnownOnes() throws {
        let catalog = try FontCatalog(contentsOf: Self.shipped)
        #expect(throws: FontCatalogError.unknownFamily("Comic Sans",
                                                       known: ["DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif"])) {
            try catalog.family(named: "Comic Sans")
        }
    }

    @Test func relativePathsResolveAgainstTheCatalogueFolder() throws {
        let folder = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("faces"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
                                         toPath: folder.appendingPathComponent("faces/Mono.ttf").path)
        let file = folder.appendingPathComponent("catalogue.json")
        try Data(#"{"families": {"Mono": {"regular": "faces/Mono.ttf"}}}"#.utf8).write(to: file)
        let catalog = try FontCatalog(contentsOf: file)
        #expect(catalog.entries["Mono"]?.regular == folder.appendingPathComponent("faces/Mono.ttf").standardizedFileURL.path)
        let mono = try catalog.family(named: "Mono")
        // Missing faces reuse the upright regular one.
        #expect(mono.bold === mono.regular && mono.italic === mono.regular && mono.boldItalic === mono.regular)
    }

    @Test func reportsErrorsWithTheirJSONPath() throws {
        let base = URL(fileURLWithPath: "/tmp")
        func load(_ json: String) throws -> FontCatalog {
            try FontCatalog(json: Data(json.utf8), source: "cat.json", baseDirectory: base)
        }
        #expect(throws: FontCatalogError.invalidEntry(source: "cat.json", jsonPath: "families[\"X\"].bolt",
                                                      reason: "unknown face (expected regular, bold, italic, boldItalic)")) {
            try load(#"{"families": {"X": {"regular": "a.ttf", "bolt": "b.ttf"}}}"#)
        }
        #expect(throws: FontCatalogError.invalidEntry(source: "cat.json", jsonPath: "families[\"X\"].regular",
                                                      reason: "missing (required)")) {
            try load(#"{"families": {"X": {"bold": "b.ttf"}}}"#)
        }
        #expect(throws: FontCatalogError.self) { try load(#"{"families": {}, "default": "Nope"}"#) }
        #expect(throws: FontCatalogError.self) { try load("not json") }
        let broken = try load(#"{"families": {"Gone": {"regular": "/nonexistent/font.ttf"}}}"#)
        #expect(throws: FontCatalogError.font(source: "cat.json", jsonPath: "families[\"Gone\"].regular",
                                              .unreadable(path: "/nonexistent/font.ttf",
                                                          reason: "no such file or not readable"))) {
            try broken.family(named: "Gone")
        }
    }

    @Test func concurrentLookupsShareOneLoad() async throws {
        let catalog = try FontCatalog(contentsOf: Self.shipped)
        let names = try await withThrowingTaskGroup(of: ObjectIdentifier.self) { group in
            for _ in 0..<8 { group.addTask { ObjectIdentifier(try catalog.family(named: "DejaVu Serif").regular) } }
            return try await group.reduce(into: Set<ObjectIdentifier>()) { $0.insert($1) }
        }
        #expect(names.count == 1)
    }
}
