// talon: warranty and repair documents from claim data.
import Foundation
import TalonDocuments

let arguments = Array(CommandLine.arguments.dropFirst())
StandardOutput.reportClosedPipes()
// `talon serve` handles SIGINT and SIGTERM itself: it finishes the requests in flight.
if arguments.first != ServeCommand.spec.name { TemporaryFiles.removeOnSignals() }
exit(TalonCLI.main(arguments))

enum TalonCLI {
    /// Every command, in the order `talon --help` lists them.
    static var all: [any Command.Type] {
        [RenderCommand.self, BatchCommand.self, CheckCommand.self, MustacheCommand.self, BarcodeCommand.self, SchemaCommand.self, VerifyCommand.self,
         CardCommand.self, ClaimCommand.self, ReprintCommand.self, OutboxCommand.self, JournalCommand.self,
         ServeCommand.self, TokenCommand.self, UserCommand.self]
    }
    /// The command named `name`; only the specs of the commands listed before it are made
    /// (`render`, the first, makes none of the others').
    static func command(named name: String) -> (any Command.Type)? {
        all.first { $0.spec.name == name }
    }

    static func main(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            printStandardError(overview)
            return ExitCode.usage
        }
        switch first {
        case "-h", "--help":
            print(overview, terminator: "")
            return ExitCode.success
        case "--version":
            print("talon \(talonVersion)")
            return ExitCode.success
        case "help":
            if arguments.count > 1, let command = command(named: arguments[1]) {
                print(command.spec.help, terminator: "")
            } else {
                print(overview, terminator: "")
            }
            return ExitCode.success
        default:
            guard let command = command(named: first) else {
                return ExitCode.report(CLIError.usage("unknown command '\(first)'", command: nil))
            }
            do {
                let parsed = try command.spec.parse(Array(arguments.dropFirst()))
                if parsed.wantsHelp {
                    print(command.spec.help, terminator: "")
                    return ExitCode.success
                }
                return try command.execute(parsed)
            } catch {
                return ExitCode.report(error)
            }
        }
    }

    static var overview: String {
        var text = """
        talon \(talonVersion): warranty cards and service-center documents as PDF, text and HTML.

        USAGE: talon <command> [arguments] [options]

        COMMANDS:

        """
        for command in all {
            text += "  \(command.spec.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(command.spec.summary)\n"
        }
        text += """

        Run 'talon help <command>' or 'talon <command> --help' for a command's options.
        Exit codes: 0 done; 1 bad data or template (nothing written; for batch: some
        records failed, the others were written); 2 bad usage; 3 output could not be written.

        """
        return text
    }
}

/// A subcommand: its declared arguments, the typed options it decodes them into, and
/// what it does with them.
protocol Command {
    associatedtype Options: CommandOptions
    static var spec: CommandSpec { get }
    /// Runs the command; returns the exit code for outcomes that are not errors
    /// (a batch with failed records, a check that found problems).
    static func run(_ options: Options) throws(CLIError) -> Int32
}

/// A command's arguments decoded once, checked and typed: anything the command line got
/// wrong is a usage error (exit 2) naming the option, before the command does anything.
protocol CommandOptions {
    init(_ arguments: ParsedArguments) throws(CLIError)
}

extension Command {
    static func execute(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        try run(Options(arguments))
    }
}
