import Foundation
import TalonDocuments

/// The options of `render` and `batch` for protection and PDF/A.
extension Options {
    static let pdf: [CommandSpec.Option] = [
        .init(names: ["--owner-password"], valueName: "text|env:NAME",
              help: "Encrypt with AES-256 (PDF 2.0, R6); the password that lifts every restriction. "
                  + "env:NAME reads it from the environment (safer than the command line)."),
        .init(names: ["--user-password"], valueName: "text|env:NAME", help: "The password needed to open the file."),
        .init(names: ["--print-only"], valueName: nil, help: "Allow printing (high resolution) and nothing else."),
        .init(names: ["--pdfa"], valueName: nil, help: "PDF/A-3b with the data attached (repair-record and invoice by default)."),
        .init(names: ["--no-pdfa"], valueName: nil, help: "No PDF/A, whatever the template says."),
    ]

    static func pdfOptions(_ arguments: ParsedArguments, command: String) throws(CLIError) -> PDFOptions {
        func password(_ name: String) throws(CLIError) -> String? {
            guard let text = arguments.value(name) else { return nil }
            guard text.hasPrefix("env:") else { return text }
            let variable = String(text.dropFirst(4))
            guard let value = ProcessInfo.processInfo.environment[variable] else {
                throw .usage("--\(name) env:\(variable): the environment has no \(variable)", command: command)
            }
            return value
        }
        if arguments.flag("pdfa"), arguments.flag("no-pdfa") {
            throw .usage("--pdfa and --no-pdfa exclude each other", command: command)
        }
        return PDFOptions(ownerPassword: try password("owner-password"), userPassword: try password("user-password"),
                          printOnly: arguments.flag("print-only"),
                          pdfa: arguments.flag("pdfa") ? true : arguments.flag("no-pdfa") ? false : nil)
    }
}
