import Foundation
import TalonJournal
import TalonPrimitives
import Warranty

/// `talon claim`: a claim's steps, each checked against its state, stored and printed.
enum ClaimCommand: Command {
    static let steps = ClaimStep.allCases.map(\.rawValue).joined(separator: "|")
    static let spec = CommandSpec(
        name: "claim",
        synopsis: "open <rma.json> | <\(steps.dropFirst(5))> <rma> [<data.json>] | show <rma> | list",
        summary: "Open a claim and take it through its steps; show its history and due dates.",
        positionals: [
            ("<action>", "open, diagnose, invoice, approve, decline, repair, return, show or list."),
            ("<rma>", "The claim's RMA number (for every action but open and list)."),
            ("<data>", "open: the RMA form's JSON; a step: the JSON object of its section (claim.diagnosis, …)."),
        ],
        variadic: true,
        minimumPositionals: 1,
        options: [
            JournalOptions.output, JournalOptions.journal, CommonOptions.templates, Options.today,
        ],
        details: """
        Steps: received → diagnosed → invoice-sent → approved or declined → repaired (approved only)
        → returned. A step the claim's state does not allow is refused with that state. Each step's
        document is written to -o (default <number>.pdf) and the customer's e-mail is queued in the
        outbox ('talon outbox send'). approve/decline take {"date": …, "by": …}; repair issues no
        document (the repair record comes with the return). EXAMPLES:
          talon claim open Samples/rma.en.json                        # prints RMA-2025-00001
          talon claim diagnose RMA-2025-00001 diagnosis.json
          talon claim show RMA-2025-00001
        """)

    struct Options: CommandOptions {
        static let today = CommandSpec.Option(names: ["--today"], valueName: "date",
                                              help: "show/list: the date deadlines are measured against (default: today).")

        /// What to do, with its arguments.
        enum Action {
            case list(today: CalendarDate)
            case show(rma: String, today: CalendarDate)
            case open(dataPath: String)
            case step(ClaimStep, rma: String, dataPath: String?)
        }
        var action: Action
        var output: String?
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            var positionals = arguments.positionals
            let name = positionals.removeFirst()
            func count(_ allowed: ClosedRange<Int>, missing: String) throws(CLIError) {
                if positionals.count < allowed.lowerBound { throw arguments.usage("missing argument \(missing)") }
                if positionals.count > allowed.upperBound {
                    throw arguments.usage("unexpected argument '\(positionals[allowed.upperBound])'")
                }
            }
            switch name {
            case "list":
                try count(0...0, missing: "")
                action = .list(today: try JournalOptions.today(Self.today, arguments))
            case "show":
                try count(1...1, missing: "<rma>")
                action = .show(rma: positionals[0], today: try JournalOptions.today(Self.today, arguments))
            case "open":
                try count(1...1, missing: "<data>")
                action = .open(dataPath: positionals[0])
            default:
                guard let step = ClaimStep(rawValue: name) else {
                    throw arguments.usage("unknown action '\(name)'; expected \(steps), show or list")
                }
                try count(1...2, missing: "<rma>")
                action = .step(step, rma: positionals[0], dataPath: positionals.count == 2 ? positionals[1] : nil)
            }
            output = arguments.text(JournalOptions.output)
            journal = JournalOptions.Location(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        switch options.action {
        case .list(let today):
            let journal = try options.journal.open(create: false)
            let claims = try JournalOptions.run { () throws(JournalError) in try journal.claims(asOf: today) }
            for claim in claims { print(ClaimReport.line(claim)) }
            return ExitCode.success
        case .show(let rma, let today):
            let journal = try options.journal.open(create: false)
            let claim = try JournalOptions.run { () throws(JournalError) in try journal.claim(rma, asOf: today) }
            print(ClaimReport.text(claim), terminator: "")
            return ExitCode.success
        case .open(let dataPath):
            let data = try JournalOptions.data(dataPath)
            let base = dataPath == "-" ? nil : URL(fileURLWithPath: dataPath).deletingLastPathComponent()
            let journal = try options.journal.open()
            let result = try JournalOptions.run { () throws(JournalError) in try journal.openClaim(data, baseDirectory: base) }
            return try report(result, output: options.output)
        case .step(let step, let rma, let dataPath):
            let data = try dataPath.map { (path) throws(CLIError) in try JournalOptions.data(path) }
            let journal = try options.journal.open(create: false)
            let result = try JournalOptions.run { () throws(JournalError) in
                try journal.advanceClaim(rma, step: step, data: data)
            }
            return try report(result, output: options.output)
        }
    }

    /// Writes the step's document and prints `<rma> <state> [<document number>]`.
    static func report(_ result: ClaimStepResult, output: String?) throws(CLIError) -> Int32 {
        var line = "\(result.rma) \(result.state.rawValue)"
        if let issued = result.issued {
            _ = try JournalOptions.write(issued, to: output)
            line += " \(issued.document.number)"
        }
        print(line)
        return ExitCode.success
    }
}

/// How a claim is shown on the terminal.
enum ClaimReport {
    static func due(_ due: ClaimDueDates) -> String {
        var text = "diagnosis due \(due.diagnosis)\(due.diagnosisLate ? " LATE" : "")"
        if let repair = due.repair { text += ", repair due \(repair)\(due.repairLate ? " LATE" : "")" }
        return text
    }

    static func line(_ claim: ClaimSummary) -> String {
        "\(claim.rma)\t\(claim.state.rawValue)\treceived \(claim.received)\t\(due(claim.due))\t\(claim.customer)"
    }

    static func text(_ claim: ClaimRecord) -> String {
        var text = "\(claim.rma): \(claim.state.rawValue) (\(claim.locale.rawValue))\n"
        text += "received \(claim.received); \(due(claim.due))\n\nHistory:\n"
        for event in claim.history {
            text += "  \(event.date)  \(event.state.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))"
            text += (event.documentNumber.map { " \($0)" } ?? "") + "\n"
        }
        text += "\nDocuments:\n"
        for document in claim.documents {
            text += "  \(document.number)  \(document.kind.rawValue)  \(document.date)  \(document.pageCount) p.  sha256 \(document.pdfHash)\n"
        }
        return text
    }
}
