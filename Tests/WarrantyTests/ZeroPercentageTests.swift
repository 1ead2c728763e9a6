import Testing
@testable import Warranty

/// Regression: a 0 % VAT rate printed as "0.0" because zero written with fewer digits than
/// decimals ("0e-2", how `Percentage` builds its text) kept a stray decimal place.
@Suite struct ZeroPercentageTests {
    @Test func zeroWithAnExponentIsPlainZero() throws {
        let zero = try DecimalNumber(parsing: "0e-2")
        #expect(zero == DecimalNumber(0))
        #expect(zero.description == "0")
        #expect(try DecimalNumber(parsing: ".0e-3").description == "0")
        #expect(try DecimalNumber(parsing: "0.000").description == "0")
    }

    @Test func zeroPercentPrintsAsZero() {
        let rate = Percentage(basisPoints: 0)
        #expect(rate.description == "0")
    }
}
