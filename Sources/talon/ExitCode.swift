import Foundation
import TalonDocuments
import TalonJournal

let talonVersion = "0.1.0"

/// What went wrong in a command, as the user is told it.
enum CLIError: Error {
    /// The command line itself is wrong (exit 2).
    case usage(String, command: String?)
    /// Rendering or reading failed (exit 1, or 3 when output could not be written).
    case talon(TalonError)
    /// The journal refused or failed (exit 1; 3 when it could not be written).
    case journal(JournalError)
}

/// The one place that turns errors into messages on standard error and exit codes:
/// 1 bad data or template, 2 bad usage, 3 output not written.
///
/// Every error line reads `<where>: error: <what>`, as compilers print them: `<where>` is the
/// file, `file:line:col` or JSON path when the error has one, else `talon`.
enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let output: Int32 = 3

    static func report(_ error: CLIError) -> Int32 {
        switch error {
        case .usage(let message, let command):
            let hint = command.map { "Run 'talon \($0) --help' for its usage." } ?? "Run 'talon --help' for usage."
            printError("error: \(message)\n\(hint)")
            return usage
        case .talon(let error):
            printError(error.description)
            if case .output = error { return output }
            return failure
        case .journal(.document(let error)):
            return report(.talon(error))
        case .journal(let error):
            printError(error.description)
            if case .store = error { return output }
            return failure
        }
    }
}

/// Prints a message on standard error, `talon: ` before each line that names no place
/// (the libraries' unlocated messages start with `error: `).
func printError(_ message: String) {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("error: ") ? "talon: " + $0 : String($0) }
    let text = lines.joined(separator: "\n")
    printStandardError(text.hasSuffix("\n") ? text : text + "\n")
}

func printStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
