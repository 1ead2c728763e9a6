import Foundation
import TalonDocuments

/// `talon batch`: one PDF per record of a JSON array, JSON Lines or CSV file, or one
/// merged PDF for a print run.
enum BatchCommand: Command {
    static let spec = CommandSpec(
        name: "batch",
        synopsis: "<template> <input> --out-dir <dir> [--jobs N] [--name <pattern>] [--merge <file.pdf>] [--locale en|uk|pl] [--shard I/N | --shards N] [--shard-key <field>] [--results <file|->] [--resume <file>] [--quiet]",
        summary: "Render many documents: one PDF per record, or one merged PDF.",
        positionals: [
            ("<template>", "Built-in name (\(DocumentCatalog.names.joined(separator: ", "))) or a .mustache file."),
            ("<input>", "Records: a JSON array (.json), JSON Lines (.jsonl, .ndjson), CSV (.csv), or - for standard input."),
        ],
        options: [
            .init(names: ["--out-dir"], valueName: "dir", help: "Folder for one PDF per record (created if missing)."),
            .init(names: ["--name"], valueName: "pattern", help: "File name per record, fields in braces (default: {card.number}.pdf, {claim.rma}.pdf)."),
            .init(names: ["--merge"], valueName: "file.pdf", help: "Also (or only, without --out-dir) write every record's pages into one PDF."),
            .init(names: ["-j", "--jobs"], valueName: "N", help: "Records rendered at once (default: the number of processors)."),
            .init(names: ["--locale"], valueName: "en|uk|pl", help: "Language of every document (default: each record's \"locale\", else en)."),
            .init(names: ["--input-format"], valueName: "json|jsonl|csv", help: "How the input is written (default: from its extension, else its content)."),
            .init(names: ["--kind"], valueName: "kind", help: "For a template file: validate each record as this document kind."),
            .init(names: ["--shard"], valueName: "I/N", help: "Render only shard I of N (I from 0 to N-1): every machine gets the whole input."),
            .init(names: ["--shards"], valueName: "N", help: "N shards, this one's index from $JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)."),
            .init(names: ["--shard-key"], valueName: "field", help: "Split by this field's text ({card.number}) instead of the record number."),
            .init(names: ["--results"], valueName: "file|-", help: "One JSON line per record (appended to a file): key, path, SHA-256, pages or errors."),
            .init(names: ["--resume"], valueName: "file", help: "Skip the records an earlier run's --results file lists as written."),
            Options.attachments,
            Options.templates,
            .init(names: ["-q", "--quiet"], valueName: nil, help: "Print only the failed records, no progress or summary."),
        ] + Options.pdf,
        details: """
        NAMES: fields are dotted paths into the record ({product.serial}); {#} is the record number.
          '/', '\\' and control characters are removed from the values, and leading dots from the
          name; '.pdf' is added if missing. When two records get the same name, the first one
          written keeps it and the later one fails ("already used by record N"). Files from an
          earlier run with the same names are replaced (each file appears whole or not at all).
        CSV: the header row names each column's field (product.serial, sale.date). Empty cells
          leave the field out. A cell that is a plain number becomes a JSON number where the
          document's schema wants a number (product.warranty_months), true/false a boolean where
          it wants a boolean; every other cell is a string. Quoted fields may hold commas, line
          breaks and doubled quotes (RFC 4180).
        FAILURES: a bad record is reported as 'record 17 (line 17): $.product.serial: required'
          and the others are still written. Exit status: 0 all written, 1 some record or the
          input failed, 2 bad usage, 3 a file could not be written.
        SHARDS: record N (from 1) goes to shard (N-1) mod the count; with --shard-key, the key's
          64-bit FNV-1a hash mod the count (a record without the field goes by its number). Shards
          are disjoint and together the whole input; a shard's files do not depend on the machine.
        RESULTS: {"record":1,"key":"…","status":"written","path":"…","sha256":"…","pages":2}
          or {"record":2,…,"status":"failed","errors":[{"path":"$.product.serial","message":"required"}]};
          --resume results.jsonl --results results.jsonl finishes an interrupted run.
        PROGRESS: shown on standard error when it is a terminal; the summary line is printed
          unless --quiet. A merged PDF keeps every page in memory until the end.
        EXAMPLES:
          talon batch warranty-card Samples/batch/cards.jsonl --out-dir cards
          talon batch warranty-card cards.csv --merge print-run.pdf --jobs 2
          talon batch warranty-card cards.jsonl --out-dir cards --shard 0/4 --results shard-0.jsonl
          JOB_COMPLETION_INDEX=2 talon batch warranty-card cards.jsonl --out-dir cards --shards 4
          cat cards.jsonl | talon batch warranty-card - --input-format jsonl --out-dir cards --results -
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        let name = spec.name
        let templateName = arguments.positionals[0], inputPath = arguments.positionals[1]
        let directory = arguments.value("out-dir").map { URL(fileURLWithPath: $0) }
        let merged = arguments.value("merge").map { URL(fileURLWithPath: $0) }
        guard directory != nil || merged != nil else {
            throw .usage("missing --out-dir <dir> (or --merge <file.pdf>)", command: name)
        }
        if arguments.value("name") != nil, directory == nil {
            throw .usage("--name needs --out-dir", command: name)
        }
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = arguments.value("jobs") {
            guard let value = Int(text), (1...256).contains(value) else {
                throw .usage("invalid --jobs '\(text)'; expected a whole number from 1 to 256", command: name)
            }
            jobs = value
        }
        let locale = try Options.locale(arguments, command: name)
        let format = try arguments.value("input-format").map { text throws(CLIError) in
            guard let format = BatchInputFormat(rawValue: text) else {
                throw .usage("invalid --input-format '\(text)'; expected one of: json, jsonl, csv", command: name)
            }
            return format
        }
        let kindOption = try arguments.value("kind").map { text throws(CLIError) in
            guard let kind = DocumentCatalog.kind(named: text) else {
                throw .usage("unknown kind '\(text)'; kinds: \(DocumentCatalog.names.joined(separator: ", "))", command: name)
            }
            return kind
        }
        let quiet = arguments.flag("quiet")
        let pdf = try Options.pdfOptions(arguments, command: name)
        let selection = try Self.selection(arguments)
        let results = try arguments.value("results").map { (path) throws(CLIError) in try BatchResultsLog(path: path, outputFolder: arguments.value("out-dir")) }

        do {
            let template = try TemplateReference(parsing: templateName)
            let renderer = try Options.renderer(arguments)
            var batch = BatchRenderer(renderer: renderer, template: template, kind: kindOption, locale: locale, jobs: jobs)
            batch.pdf = pdf
            batch.baseDirectory = Options.attachmentsFolder(arguments, dataPath: inputPath)
            batch.selection = selection
            let naming = try arguments.value("name").map { try FileNamePattern($0) } ?? .defaultPattern(for: batch.kind)
            let reader = try BatchReader(path: inputPath, format: format, kind: batch.kind)
            let display = BatchProgressDisplay(showsProgress: !quiet && isatty(2) == 1)
            let summary = try batch.run(reader, to: BatchDestination(directory: directory, naming: naming, mergedFile: merged)) {
                event, progress in
                display.show(event, progress)
                results?.record(event)
            }
            display.finish(summary, mergedFile: merged?.path, quiet: quiet)
            if let results, let problem = results.writeError {
                return ExitCode.report(CLIError.talon(.output(path: results.path, reason: problem)))
            }
            if let error = summary.error { return ExitCode.report(CLIError.talon(error)) }
            if summary.outputFailures > 0 { return ExitCode.output }
            return summary.failed > 0 ? ExitCode.failure : ExitCode.success
        } catch let error as FileNamePatternError {
            throw .usage(error.description, command: name)
        } catch let error as TalonError {
            throw .talon(error)
        } catch {
            throw .talon(.unsupported("\(error)"))
        }
    }

    /// `--shard I/N`, or `--shards N` with `$JOB_COMPLETION_INDEX`; `--shard-key`; `--resume`.
    static func selection(_ arguments: ParsedArguments,
                          environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIError) -> BatchSelection {
        var index = 0, count = 1
        if let text = arguments.value("shard") {
            guard arguments.value("shards") == nil else { throw .usage("give --shard I/N or --shards N, not both", command: spec.name) }
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
                throw .usage("invalid --shard '\(text)'; expected I/N such as 0/4", command: spec.name)
            }
            (index, count) = (i, n)
        } else if let text = arguments.value("shards") {
            guard let n = Int(text) else { throw .usage("invalid --shards '\(text)'; expected a whole number", command: spec.name) }
            guard let indexText = environment["JOB_COMPLETION_INDEX"], let i = Int(indexText) else {
                throw .usage("--shards needs $JOB_COMPLETION_INDEX (the shard's index, from 0), or give --shard I/N", command: spec.name)
            }
            (index, count) = (i, n)
        }
        let done = try arguments.value("resume").map { (path) throws(CLIError) in try BatchResultsLog.done(readingFrom: path) } ?? [:]
        do {
            return try BatchSelection(shard: index, of: count, keyField: arguments.value("shard-key"), done: done)
        } catch {
            throw .usage("\(error)", command: spec.name)
        }
    }
}
