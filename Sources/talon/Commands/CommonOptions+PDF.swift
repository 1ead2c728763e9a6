import Foundation
import TalonDocuments

/// The options of `render` and `batch` for protection and PDF/A.
extension CommonOptions {
    static let ownerPassword = CommandSpec.Option(
        names: ["--owner-password"], valueName: "text|env:NAME",
        help: "Encrypt with AES-256 (PDF 2.0, R6); the password that lifts every restriction. "
            + "env:NAME reads it from the environment (safer than the command line).")
    static let userPassword = CommandSpec.Option(names: ["--user-password"], valueName: "text|env:NAME",
                                                 help: "The password needed to open the file.")
    static let printOnly = CommandSpec.Option(names: ["--print-only"], valueName: nil,
                                              help: "Allow printing (high resolution) and nothing else.")
    static let pdfa = CommandSpec.Option(names: ["--pdfa"], valueName: nil,
                                         help: "PDF/A-3b with the data attached (repair-record and invoice by default).")
    static let noPDFA = CommandSpec.Option(names: ["--no-pdfa"], valueName: nil, help: "No PDF/A, whatever the template says.")

    static let pdf = [ownerPassword, userPassword, printOnly, pdfa, noPDFA]

    /// `environment` defaults to the process's, read only when a password names a variable.
    static func pdfOptions(_ arguments: ParsedArguments, environment: [String: String]? = nil) throws(CLIError) -> PDFOptions {
        func password(_ option: CommandSpec.Option) throws(CLIError) -> String? {
            guard let text = arguments.text(option) else { return nil }
            guard text.hasPrefix("env:") else { return text }
            let variable = String(text.dropFirst(4))
            guard let value = (environment ?? ProcessInfo.processInfo.environment)[variable] else {
                throw arguments.usage("\(option.longName) env:\(variable): the environment has no \(variable)")
            }
            return value
        }
        try arguments.exclusive(pdfa, noPDFA)
        return PDFOptions(ownerPassword: try password(ownerPassword), userPassword: try password(userPassword),
                          printOnly: arguments.flag(printOnly),
                          pdfa: arguments.flag(pdfa) ? true : arguments.flag(noPDFA) ? false : nil)
    }
}
