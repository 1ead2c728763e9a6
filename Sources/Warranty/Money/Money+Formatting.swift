import Foundation

extension Percentage {
    /// uk `7,5 %`, pl `7,5%`, en `7.5%`.
    public func formatted(_ locale: DocumentLocale) -> String {
        switch locale {
        case .uk: description.replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
        case .pl: description.replacingOccurrences(of: ".", with: ",") + "%"
        case .en: description + "%"
        }
    }
}

extension DecimalNumber {
    /// uk and pl `1,5`, en `1.5`.
    public func formatted(_ locale: DocumentLocale) -> String {
        locale == .en ? description : description.replacingOccurrences(of: ".", with: ",")
    }
}
