import Foundation
import Testing
@testable import Warranty

@Suite struct IBANTests {
    @Test func validIBANsOfSeveralCountries() throws {
        // The NBU rules' example 4, the German and British examples of the IBAN standard, a Polish one.
        for text in ["UA673005280000026500504354077", "DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19",
                     "pl61 1090 1014 0000 0712 1981 2874"] {
            #expect(throws: Never.self) { try IBAN(text) }
        }
        let iban = try IBAN("ua67 3005 2800 0002 6500 5043 5407 7")
        #expect(iban.compact == "UA673005280000026500504354077")
        #expect(iban.description == "UA67 3005 2800 0002 6500 5043 5407 7")
        #expect(iban.countryCode == "UA")
    }

    @Test func checkDigitsCatchOneChangedCharacter() {
        let valid = Array("UA673005280000026500504354077")
        for position in 2..<valid.count {
            var changed = valid
            changed[position] = changed[position] == "9" ? "8" : (changed[position] == "8" ? "9" : "9")
            #expect(throws: IBAN.Problem.checkDigits) { try IBAN(String(changed)) }
        }
        // Two neighbours swapped.
        #expect(throws: IBAN.Problem.checkDigits) { try IBAN("UA673005280000026500504354707") }
    }

    @Test func countryLengthAndCharacters() {
        #expect(throws: IBAN.Problem.length(country: "UA", expected: 29, found: 28)) { try IBAN("UA67300528000002650050435407") }
        #expect(throws: IBAN.Problem.length(country: "DE", expected: 22, found: 23)) { try IBAN("DE893704004405320130001") }
        #expect(throws: IBAN.Problem.unknownCountry("ZZ")) { try IBAN("ZZ12 3456 7890 1234") }
        #expect(throws: IBAN.Problem.characters) { try IBAN("UA67-3005-2800") }
        #expect(throws: IBAN.Problem.characters) { try IBAN("1234567890") }
        #expect(throws: IBAN.Problem.characters) { try IBAN("") }
    }

    @Test func wrongIBANIsRefusedByJSONPath() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/invoice.uk.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        var center = json["service_center"] as? [String: Any] ?? [:]
        center["iban"] = "UA673005280000026500504354070"
        json["service_center"] = center
        let data = try JSONSerialization.data(withJSONObject: json)
        do {
            _ = try ServiceDocument.decode(kind: .invoice, json: data)
            Issue.record("a wrong IBAN was accepted")
        } catch {
            #expect(error.problems.map(\.path) == ["$.service_center.iban"])
            #expect(error.problems.first?.reason == IBAN.Problem.checkDigits.description)
        }
    }
}
