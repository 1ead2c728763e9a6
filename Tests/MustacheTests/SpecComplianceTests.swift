import Foundation
import Mustache
import Testing

/// Every case of the official Mustache specification (Fixtures/spec, see its README): the
/// required modules and the optional ones Talon supports (inheritance, dynamic names; not
/// lambdas, as the data is JSON). A case renders exactly the spec's expected text, unless
/// `SpecCase.deviations` names it.
@Suite struct SpecComplianceTests {
    @Test(arguments: SpecCase.all) func specCase(_ spec: SpecCase) throws {
        let template = try Template(source: spec.template, name: "\(spec.module).mustache")
        let partials = TemplateLibrary(templates: spec.partials)
        guard let deviation = SpecCase.deviations[spec.id] else {
            #expect(try template.render(spec.data, partials: partials) == spec.expected)
            return
        }
        switch deviation {
        case .missingPartialIsAnError:
            let error = templateError { try template.render(spec.data, partials: partials) }
            guard case .missingPartial? = error?.kind else {
                Issue.record("expected a missing-partial error, got \(String(describing: error))")
                return
            }
            // With the option the specification's behaviour is there: nothing is rendered.
            let options = RenderOptions(allowsMissingPartials: true)
            #expect(try template.render(spec.data, partials: partials, options: options) == spec.expected)
        }
    }

    @Test func everyModuleIsRunAndEveryDeviationNamesACase() {
        let counts = Dictionary(grouping: SpecCase.all, by: \.module).mapValues(\.count)
        #expect(counts == ["comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12,
                           "sections": 34, "~dynamic-names": 21, "~inheritance": 27])
        let ids = Set(SpecCase.all.map(\.id))
        #expect(Set(SpecCase.deviations.keys).subtracting(ids).isEmpty)
    }
}

/// One test of the specification's JSON files, read with the engine's own JSON reader so
/// numbers keep their exact text ("1.210").
struct SpecCase: Sendable, CustomTestStringConvertible {
    let module: String
    let name: String
    let template: String
    let expected: String
    let data: TemplateValue
    let partials: [String: String]

    var id: String { "\(module)/\(name)" }
    var testDescription: String { id }

    /// Where Talon deliberately differs from the specification: the one place they are listed.
    enum Deviation: Sendable {
        /// A partial that cannot be found (or a dynamic name that names none) is an error
        /// located at its tag, not empty text: a misspelt partial must not print a document
        /// with a part silently missing. `RenderOptions.allowsMissingPartials` restores the
        /// specification's behaviour.
        case missingPartialIsAnError
    }

    static let deviations: [String: Deviation] = [
        "partials/Failed Lookup": .missingPartialIsAnError,
        "~dynamic-names/Failed Lookup - Partial": .missingPartialIsAnError,
        "~dynamic-names/Context Misses - Partial": .missingPartialIsAnError,
        "~dynamic-names/Dotted Names - Operator Precedence": .missingPartialIsAnError,
        "~dynamic-names/Dynamic Names - Double Dereferencing": .missingPartialIsAnError,
        "~dynamic-names/Dynamic Names - Composed Dereferencing": .missingPartialIsAnError,
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/spec", isDirectory: true)

    /// Every case of every module file, in file order. A file that cannot be read gives a
    /// case that fails with the reason, so nothing is skipped silently.
    static let all: [SpecCase] = {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else { return [unreadable("spec", "no spec files in \(folder.path)")] }
        return files.flatMap { file -> [SpecCase] in
            let module = String(file.dropLast(".json".count))
            do {
                let data = try Data(contentsOf: folder.appendingPathComponent(file))
                guard case .list(let tests)? = try TemplateValue(json: data, file: file)["tests"] else {
                    return [unreadable(module, "no \"tests\" list")]
                }
                return tests.enumerated().map { index, test in
                    guard case .string(let name)? = test["name"], case .string(let template)? = test["template"],
                          case .string(let expected)? = test["expected"] else {
                        return unreadable(module, "test \(index) lacks name, template or expected")
                    }
                    var partials: [String: String] = [:]
                    if case .map(let members)? = test["partials"] {
                        for (key, value) in members { if case .string(let text) = value { partials[key] = text } }
                    }
                    return SpecCase(module: module, name: name, template: template, expected: expected,
                                    data: test["data"] ?? .null, partials: partials)
                }
            } catch {
                return [unreadable(module, "\(error)")]
            }
        }
    }()

    /// A case that cannot pass: its template names the problem and expects other text.
    private static func unreadable(_ module: String, _ reason: String) -> SpecCase {
        SpecCase(module: module, name: "unreadable: \(reason)", template: reason, expected: "", data: .null, partials: [:])
    }
}
