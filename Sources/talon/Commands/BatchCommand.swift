import Foundation
import TalonDocuments

/// `talon batch`: one PDF per record of a JSON array, JSON Lines or CSV file, or one
/// merged PDF for a print run.
enum BatchCommand: Command {
    static let spec = CommandSpec(
        name: "batch",
        synopsis: "<template> <input> --out-dir <dir> [--jobs N] [--name <pattern>] [--merge <file.pdf>] [--locale <tag>] [--shard I/N | --shards N] [--shard-key <field>] [--results <file|->] [--resume <file>] [--quiet]",
        summary: "Render many documents: one PDF per record, or one merged PDF.",
        positionals: [
            ("<template>", "Built-in name (\(DocumentCatalog.names.joined(separator: ", "))) or a .mustache file."),
            ("<input>", "Records: a JSON array (.json), JSON Lines (.jsonl, .ndjson), CSV (.csv), or - for standard input."),
        ],
        options: [Options.outDir, Options.name, Options.merge, Options.jobs, Options.locale, Options.inputFormat, Options.kind,
                  Options.shard, Options.shards, Options.shardKey, Options.results, Options.resume,
                  CommonOptions.attachments, CommonOptions.templates, Options.quiet] + CommonOptions.pdf,
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

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let merged = options.merge
        let results = try options.results.map { (path) throws(CLIError) in try BatchResultsLog(path: path, outputFolder: options.outputFolder) }

        do {
            let renderer = try DocumentRenderer(resources: ResourceLocator.discover(templates: options.templates))
            var batch = BatchRenderer(renderer: renderer, template: options.template, kind: options.kind, locale: options.locale, jobs: options.jobs)
            batch.pdf = options.pdf
            batch.baseDirectory = options.attachments
            batch.selection = options.selection
            let naming = options.naming ?? .defaultPattern(for: batch.kind)
            let reader = try BatchReader(path: options.inputPath, format: options.inputFormat, kind: batch.kind)
            let display = BatchProgressDisplay(showsProgress: !options.quiet && isatty(2) == 1)
            let summary = try batch.run(reader, to: BatchDestination(directory: options.directory, naming: naming, mergedFile: merged)) {
                event, progress in
                display.show(event, progress)
                results?.record(event)
            }
            display.finish(summary, mergedFile: merged?.path, quiet: options.quiet)
            if let results, let problem = results.writeError {
                return ExitCode.report(CLIError.talon(.output(path: results.path, reason: problem)))
            }
            if let error = summary.error { return ExitCode.report(CLIError.talon(error)) }
            if summary.outputFailures > 0 { return ExitCode.output }
            return summary.failed > 0 ? ExitCode.failure : ExitCode.success
        } catch {
            throw .talon(error)
        }
    }
}
