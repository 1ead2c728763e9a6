import Testing
@testable import Warranty

/// Polish amounts in words as invoices print them after "Słownie:": the złoty in words,
/// the grosze as a fraction of 100.
@Suite struct PolishAmountInWordsTests {
    func pl(_ minor: Int64, _ currency: Currency = .pln) -> String {
        Money(minorUnits: minor, currency: currency).inWords(.pl) ?? "(none)"
    }

    @Test func fixedList() {
        #expect(pl(100) == "jeden złoty 00/100")
        #expect(pl(200) == "dwa złote 00/100")
        #expect(pl(500) == "pięć złotych 00/100")
        #expect(pl(1_200) == "dwanaście złotych 00/100")
        #expect(pl(2_200) == "dwadzieścia dwa złote 00/100")
        #expect(pl(2_500) == "dwadzieścia pięć złotych 00/100")
        #expect(pl(10_100) == "sto jeden złotych 00/100")
        #expect(pl(100_000) == "tysiąc złotych 00/100")
        #expect(pl(200_000) == "dwa tysiące złotych 00/100")
        #expect(pl(500_000) == "pięć tysięcy złotych 00/100")
        #expect(pl(100_000_000) == "milion złotych 00/100")
        #expect(pl(1) == "zero złotych 01/100")
        #expect(pl(2) == "zero złotych 02/100")
        #expect(pl(5) == "zero złotych 05/100")
    }

    @Test func theIssueExampleAndLargeGroups() {
        #expect(pl(123_450) == "tysiąc dwieście trzydzieści cztery złote 50/100")
        #expect(pl(1_212_300) == "dwanaście tysięcy sto dwadzieścia trzy złote 00/100")
        #expect(pl(10_100_000) == "sto jeden tysięcy złotych 00/100")
        #expect(pl(-2_200) == "minus dwadzieścia dwa złote 00/100")
        #expect(pl(2_200, .eur) == "dwadzieścia dwa euro 00/100")
    }
}
