import Foundation
import TalonJournal
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
            JournalOptions.output, JournalOptions.journal, Options.templates,
            .init(names: ["--today"], valueName: "date", help: "show/list: the date deadlines are measured against (default: today)."),
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

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        var positionals = arguments.positionals
        let action = positionals.removeFirst()
        switch action {
        case "list":
            guard positionals.isEmpty else { throw .usage("unexpected argument '\(positionals[0])'", command: spec.name) }
            let today = try JournalOptions.today(arguments, command: spec.name)
            let journal = try JournalOptions.open(arguments, create: false)
            let claims = try JournalOptions.run { () throws(JournalError) in try journal.claims(asOf: today) }
            for claim in claims { print(ClaimReport.line(claim)) }
            return ExitCode.success
        case "show":
            guard positionals.count == 1 else { throw .usage(positionals.isEmpty ? "missing argument <rma>" : "unexpected argument '\(positionals[1])'", command: spec.name) }
            let today = try JournalOptions.today(arguments, command: spec.name)
            let journal = try JournalOptions.open(arguments, create: false)
            let claim = try JournalOptions.run { () throws(JournalError) in try journal.claim(positionals[0], asOf: today) }
            print(ClaimReport.text(claim), terminator: "")
            return ExitCode.success
        case "open":
            guard positionals.count == 1 else { throw .usage(positionals.isEmpty ? "missing argument <data>" : "unexpected argument '\(positionals[1])'", command: spec.name) }
            let data = try JournalOptions.data(positionals[0])
            let base = positionals[0] == "-" ? nil : URL(fileURLWithPath: positionals[0]).deletingLastPathComponent()
            let journal = try JournalOptions.open(arguments)
            let result = try JournalOptions.run { () throws(JournalError) in try journal.openClaim(data, baseDirectory: base) }
            return try report(result, arguments)
        default:
            guard let step = ClaimStep(rawValue: action) else {
                throw .usage("unknown action '\(action)'; expected \(steps), show or list", command: spec.name)
            }
            guard (1...2).contains(positionals.count) else {
                throw .usage(positionals.isEmpty ? "missing argument <rma>" : "unexpected argument '\(positionals[2])'", command: spec.name)
            }
            let data = try positionals.count == 2 ? JournalOptions.data(positionals[1]) : nil
            let journal = try JournalOptions.open(arguments, create: false)
            let result = try JournalOptions.run { () throws(JournalError) in
                try journal.advanceClaim(positionals[0], step: step, data: data)
            }
            return try report(result, arguments)
        }
    }

    /// Writes the step's document and prints `<rma> <state> [<document number>]`.
    static func report(_ result: ClaimStepResult, _ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        var line = "\(result.rma) \(result.state.rawValue)"
        if let issued = result.issued {
            _ = try JournalOptions.write(issued, arguments)
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
