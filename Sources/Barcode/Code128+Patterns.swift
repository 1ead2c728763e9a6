extension Code128 {
    /// Bar and space widths (bar first) of symbol values 0...105; each adds up to 11 modules.
    /// Values 103, 104 and 105 are Start A, Start B and Start C.
    static let patterns: [String] = [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232",
    ]

    /// The stop pattern including its final 2-module bar (13 modules).
    static let stopPattern = "2331112"

    /// `patterns` then the stop pattern as integer widths.
    static let widths: [[Int]] = (patterns + [stopPattern]).map { pattern in
        pattern.unicodeScalars.map { Int($0.value) - 48 }
    }

    /// Symbol values with a fixed meaning.
    enum Value {
        static let shift = 98
        static let codeC = 99
        /// Code B in sets A and C (FNC4 in set B, which this encoder does not use).
        static let codeB = 100
        /// Code A in sets B and C (FNC4 in set A, not used).
        static let codeA = 101
        static let fnc1 = 102
        static let startA = 103
        static let startB = 104
        static let startC = 105
    }

    /// The three code sets: A holds control characters and upper case, B printable ASCII,
    /// C pairs of digits.
    enum CodeSet: Int, CaseIterable, Sendable {
        case a = 0, b = 1, c = 2

        var startValue: Int {
            switch self {
            case .a: Value.startA
            case .b: Value.startB
            case .c: Value.startC
            }
        }

        /// The value that switches from another set to this one.
        var switchValue: Int {
            switch self {
            case .a: Value.codeA
            case .b: Value.codeB
            case .c: Value.codeC
            }
        }

        /// The value of one ASCII code (or FNC1, written as `nil`) in set A or B, if it has one.
        func value(of ascii: UInt8?) -> Int? {
            guard let ascii else { return Value.fnc1 }
            switch self {
            case .a:
                if ascii < 32 { return Int(ascii) + 64 }
                return ascii < 96 ? Int(ascii) - 32 : nil
            case .b:
                return ascii >= 32 && ascii < 128 ? Int(ascii) - 32 : nil
            case .c:
                return nil
            }
        }
    }
}
