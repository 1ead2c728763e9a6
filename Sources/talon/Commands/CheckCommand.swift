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
        options: [CommonOptions.templates])

    struct Options: CommandOptions {
        var templates: [(name: String, reference: TemplateReference)] = []
        var templateFolder: String?

        init(_ arguments: ParsedArguments) throws(CLIError) {
            for name in arguments.positionals {
                templates.append((name, try CommonOptions.template(name, arguments)))
            }
            templateFolder = arguments.text(CommonOptions.templates)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let renderer = try CommonOptions.renderer(templates: options.templateFolder)
        var failures = 0
        if options.templates.contains(where: { if case .builtIn = $0.reference { true } else { false } }) {
            let errors = renderer.checkCatalogues()
            for error in errors { printError(error.description) }
            failures += errors.count
        }
        for (name, reference) in options.templates {
            let errors = renderer.check(reference)
            for error in errors { printError(error.description) }
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
