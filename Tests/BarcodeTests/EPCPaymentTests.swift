@testable import Barcode
import Testing

/// EPC069-12 version 002 against the guidelines' own example (section 3.7: Red Cross Belgium,
/// EUR 1, "Urgency fund"), written out here by hand.
@Suite struct EPCPaymentTests {
    @Test func guidelinesExample() throws {
        var payment = EPCPayment(bic: "BPOTBEB1", name: "Red Cross of Belgium", iban: "BE72000000001616",
                                 amount: PaymentAmount(minorUnits: 100))
        payment.purpose = "CHAR"
        payment.text = "Urgency fund"
        #expect(try payment.payload()
            == "BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1\nCHAR\n\nUrgency fund")
    }

    @Test func referenceEndsTheTextWhenNoRemittanceFollows() throws {
        var payment = EPCPayment(name: "Talon Service GmbH", iban: "DE89 3704 0044 0532 0130 00",
                                 amount: PaymentAmount(minorUnits: 1_234_50))
        payment.reference = "RF18539007547034"
        #expect(try payment.lines() == ["BCD", "002", "1", "SCT", "", "Talon Service GmbH", "DE89370400440532013000",
                                        "EUR1234.5", "", "RF18539007547034"])
    }

    @Test func amountsWithZeroOneAndTwoDecimals() throws {
        for (minor, text) in [(12_00 as Int64, "EUR12"), (12_30, "EUR12.3"), (12_34, "EUR12.34"), (5, "EUR0.05")] {
            let payment = EPCPayment(name: "N", iban: "DE89370400440532013000", amount: PaymentAmount(minorUnits: minor))
            #expect(try payment.lines()[7] == text)
        }
    }

    @Test func limits() {
        func refused(_ change: (inout EPCPayment) -> Void) -> PaymentCodeError? {
            var payment = EPCPayment(name: "Talon", iban: "DE89370400440532013000", amount: PaymentAmount(minorUnits: 100))
            change(&payment)
            do {
                _ = try payment.symbol()
                return nil
            } catch {
                return error
            }
        }
        #expect(refused { $0.name = String(repeating: "n", count: 71) } == .field("name", reason: "71 characters; at most 70"))
        #expect(refused { $0.bic = "ABC" } == .field("bic", reason: "must be 8 or 11 letters and digits"))
        #expect(refused { $0.reference = "RF18"; $0.text = "x" }
            == .field("reference", reason: "give either a reference or a remittance text, not both"))
        #expect(refused { $0.amount = PaymentAmount(minorUnits: 0) }
            == .field("amount", reason: "must be between 0.01 and 999999999.99"))
        // 140 + 70 two-byte characters: 420 bytes of text alone.
        let tooLong = refused { $0.text = String(repeating: "é", count: 140); $0.note = String(repeating: "é", count: 70) }
        guard case .tooLong(let bytes, 331, _) = tooLong else { Issue.record("not refused as too long"); return }
        #expect(bytes > 420)
        #expect(refused { $0.text = String(repeating: "t", count: 140); $0.note = String(repeating: "n", count: 70) } == nil)
    }

    @Test func symbolIsLevelMAndAtMostVersion13() throws {
        var payment = EPCPayment(name: String(repeating: "n", count: 70), iban: "DE89370400440532013000",
                                 amount: PaymentAmount(minorUnits: 99_999_999_999))
        payment.bic = "COBADEFFXXX"
        payment.text = String(repeating: "é", count: 90)
        let payload = try payment.payload()
        #expect(payload.utf8.count <= 331)
        let symbol = try payment.symbol()
        #expect(symbol.size <= 17 + 4 * 13)
        #expect(try Scanner.decode([Scanner.pgm(symbol)], options: ["-Sqrcode.enable"], raw: true) == [payload])
    }
}
