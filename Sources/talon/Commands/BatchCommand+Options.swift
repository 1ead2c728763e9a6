import Foundation
import TalonDocuments
import Warranty

extension BatchCommand {
    /// `talon batch`'s command line, decoded and checked before any record is read.
    struct Options: CommandOptions {
        static let outDir = CommandSpec.Option(names: ["--out-dir"], valueName: "dir", help: "Folder for one PDF per record (created if missing).")
        static let name = CommandSpec.Option(names: ["--name"], valueName: "pattern",
                                             help: "File name per record, fields in braces (default: {card.number}.pdf, {claim.rma}.pdf).")
        static let merge = CommandSpec.Option(names: ["--merge"], valueName: "file.pdf",
                                              help: "Also (or only, without --out-dir) write every record's pages into one PDF.")
        static let jobs = CommandSpec.Option(names: ["-j", "--jobs"], valueName: "N",
                                             help: "Records rendered at once (default: the number of processors).")
        static let locale = CommandSpec.Option(names: ["--locale"], valueName: "tag",
                                               help: "Language of every document, a catalogue's tag: en, uk, pl, … (default: each record's \"locale\", else en).")
        static let inputFormat = CommandSpec.Option(names: ["--input-format"], valueName: "json|jsonl|csv",
                                                    help: "How the input is written (default: from its extension, else its content).")
        static let kind = CommandSpec.Option(names: ["--kind"], valueName: "kind", help: "For a template file: validate each record as this document kind.")
        static let shard = CommandSpec.Option(names: ["--shard"], valueName: "I/N",
                                              help: "Render only shard I of N (I from 0 to N-1): every machine gets the whole input.")
        static let shards = CommandSpec.Option(names: ["--shards"], valueName: "N",
                                               help: "N shards, this one's index from $JOB_COMPLETION_INDEX (a Kubernetes Indexed Job).")
        static let shardKey = CommandSpec.Option(names: ["--shard-key"], valueName: "field",
                                                 help: "Split by this field's text ({card.number}) instead of the record number.")
        static let results = CommandSpec.Option(names: ["--results"], valueName: "file|-",
                                                help: "One JSON line per record (appended to a file): key, path, SHA-256, pages or errors.")
        static let resume = CommandSpec.Option(names: ["--resume"], valueName: "file",
                                               help: "Skip the records an earlier run's --results file lists as written.")
        static let quiet = CommandSpec.Option(names: ["-q", "--quiet"], valueName: nil, help: "Print only the failed records, no progress or summary.")

        var template: TemplateReference
        var inputPath: String
        /// `--out-dir` as given (for the paths in the results) and as a URL.
        var outputFolder: String?
        var directory: URL?
        var merge: URL?
        var naming: FileNamePattern?
        var jobs: Int
        var locale: TalonLocale?
        var inputFormat: BatchInputFormat?
        var kind: DocumentKind?
        var selection: BatchSelection
        var results: String?
        var attachments: URL?
        var templates: String?
        var quiet: Bool
        var pdf: PDFOptions

        init(_ arguments: ParsedArguments) throws(CLIError) {
            let environment = ProcessInfo.processInfo.environment
            template = try CommonOptions.template(arguments.positionals[0], arguments)
            inputPath = arguments.positionals[1]
            outputFolder = arguments.text(Self.outDir)
            directory = outputFolder.map { URL(fileURLWithPath: $0) }
            merge = arguments.text(Self.merge).map { URL(fileURLWithPath: $0) }
            guard directory != nil || merge != nil else { throw arguments.usage("missing --out-dir <dir> (or --merge <file.pdf>)") }
            if let text = arguments.text(Self.name) {
                guard directory != nil else { throw arguments.usage("--name needs --out-dir") }
                do {
                    naming = try FileNamePattern(text)
                } catch {
                    throw arguments.usage(error.description)
                }
            }
            jobs = try arguments.number(Self.jobs, in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
            locale = try CommonOptions.locale(Self.locale, arguments)
            inputFormat = try arguments.choice(Self.inputFormat, BatchInputFormat.self)
            kind = try CommonOptions.kind(Self.kind, arguments)
            selection = try Self.selection(arguments, environment: environment)
            results = arguments.text(Self.results)
            attachments = CommonOptions.attachmentsFolder(arguments, dataPath: inputPath)
            templates = arguments.text(CommonOptions.templates)
            quiet = arguments.flag(Self.quiet)
            pdf = try CommonOptions.pdfOptions(arguments, environment: environment)
        }

        /// `--shard I/N`, or `--shards N` with `$JOB_COMPLETION_INDEX`; `--shard-key`; `--resume`.
        static func selection(_ arguments: ParsedArguments, environment: [String: String]) throws(CLIError) -> BatchSelection {
            try arguments.exclusive(shard, shards)
            var index = 0, count = 1
            if let (i, n) = try arguments.value(shard, expected: "I/N such as 0/4", { text -> (Int, Int)? in
                let parts = text.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
                return (i, n)
            }) {
                (index, count) = (i, n)
            } else if let n = try arguments.value(shards, expected: "a whole number", { Int($0) }) {
                guard let indexText = environment["JOB_COMPLETION_INDEX"], let i = Int(indexText) else {
                    throw arguments.usage("--shards needs $JOB_COMPLETION_INDEX (the shard's index, from 0), or give --shard I/N")
                }
                (index, count) = (i, n)
            }
            let done = try arguments.text(resume).map { (path) throws(CLIError) in try BatchResultsLog.done(readingFrom: path) } ?? [:]
            do {
                return try BatchSelection(shard: index, of: count, keyField: arguments.text(shardKey), done: done)
            } catch {
                throw arguments.usage("\(error)")
            }
        }
    }
}
