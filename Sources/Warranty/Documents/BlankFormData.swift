import Foundation
import TalonPrimitives

/// What a blank RMA form may be given (`talon render rma --blank center.json`): the
/// service centre whose letterhead, footer and return e-mail the form carries.
/// ```json
/// {"locale": "uk", "service_center": {"company": "…", "address": "…", "email": "…"}}
/// ```
public struct BlankFormData: Sendable, Hashable {
    /// The language the data asks for; nil when not given.
    public let locale: DocumentLocale?
    public let serviceCenter: Party

    /// Decodes and validates the data, reporting every problem at once.
    public static func decode(json data: Data) throws(ValidationError) -> BlankFormData {
        let log = ProblemLog()
        let root = JSONCursor(root: try JSONValue.parse(data), log: log)
        var result: BlankFormData?
        if let object = root.object(required: true, keys: ["locale", "service_center"]) {
            let locale = object["locale"].isMissing ? nil : DocumentLocale.read(object["locale"])
            let center = Party.read(object["service_center"], required: true, requiring: ["company"], payee: true)
            result = center.map { BlankFormData(locale: locale, serviceCenter: $0) }
        }
        try log.finish()
        guard let result else { throw ValidationError(problems: [ValidationProblem(path: "$", reason: "invalid")]) }
        return result
    }
}
