import TalonDocuments

/// `talon check`: load templates with their partials and report every error.
enum CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        synopsis: "<template>...",
        summary: "Check templates (built-in names or files), their partials and the locale catalogues "
            + "(keys missing or unused, plural forms lacking); report every error.",
        positionals: [("<template>", "Built-in name or .mustache file; several may be given.")],
        variadic: true,
        options: [Options.templates])

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        let renderer: DocumentRenderer
        do {
            renderer = try Options.renderer(arguments)
        } catch {
            throw .talon(error)
        }
        var failures = 0
        if arguments.positionals.contains(where: { DocumentCatalog.kind(named: $0) != nil }) {
            let errors = renderer.checkCatalogues()
            for error in errors { printStandardError(error.description + "\n") }
            failures += errors.count
        }
        for name in arguments.positionals {
            let errors: [TalonError]
            do {
                errors = renderer.check(try TemplateReference(parsing: name))
            } catch {
                errors = [error]
            }
            for error in errors { printStandardError(error.description + "\n") }
            failures += errors.count
            if errors.isEmpty { print("\(name): ok") }
        }
        if failures > 0 {
            printStandardError("\(failures) error\(failures == 1 ? "" : "s") found\n")
            return ExitCode.failure
        }
        return ExitCode.success
    }
}
