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

/// The one place that turns errors into messages on standard error and exit codes.
enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let output: Int32 = 3

    static func report(_ error: any Error) -> Int32 {
        switch error {
        case CLIError.usage(let message, let command):
            let hint = command.map { "Run 'talon \($0) --help' for its usage." } ?? "Run 'talon --help' for usage."
            printStandardError("talon: error: \(message)\n\(hint)\n")
            return usage
        case CLIError.talon(let error):
            printStandardError(error.description.hasSuffix("\n") ? error.description : error.description + "\n")
            if case .output = error { return output }
            return failure
        case CLIError.journal(.document(let error)):
            return report(CLIError.talon(error))
        case CLIError.journal(let error):
            printStandardError(error.description + "\n")
            if case .store = error { return output }
            return failure
        default:
            printStandardError("talon: error: \(error)\n")
            return failure
        }
    }
}

func printStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
