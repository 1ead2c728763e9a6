/// A command's declared options and positionals, and the parsed result.
/// Unknown options, missing values and surplus arguments are usage errors (exit 2):
/// the parser never ignores what it does not understand.
struct CommandSpec {
    struct Option {
        var names: [String]
        var valueName: String?
        var help: String
        var takesValue: Bool { valueName != nil }
    }
    var name: String
    var synopsis: String
    var summary: String
    var positionals: [(name: String, help: String)]
    /// Allows any number of positionals (at least `positionals.count`).
    var variadic = false
    /// How many positionals must be given when fewer than declared are allowed (the
    /// command checks the rest itself, e.g. `render rma --blank` has no data); nil: all.
    var minimumPositionals: Int? = nil
    var options: [Option]
    var details: String = ""

    var help: String {
        var text = "USAGE: talon \(name) \(synopsis)\n\n\(summary)\n"
        if !positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            for positional in positionals {
                text += Self.row(positional.name, positional.help)
            }
        }
        text += "\nOPTIONS:\n"
        for option in options + [Option(names: ["-h", "--help"], valueName: nil, help: "Show this help.")] {
            let label = option.names.joined(separator: ", ") + (option.valueName.map { " <\($0)>" } ?? "")
            text += Self.row(label, option.help)
        }
        if !details.isEmpty { text += "\n\(details)\n" }
        return text
    }

    /// One help row: the label in a 24-column field; a longer label gets a line of its own
    /// (padding would cut it).
    static func row(_ label: String, _ help: String) -> String {
        let width = 24
        if label.count > width { return "  \(label)\n  \(String(repeating: " ", count: width)) \(help)\n" }
        return "  \(label.padding(toLength: width, withPad: " ", startingAt: 0)) \(help)\n"
    }
}

/// What the command line gave, before a command decodes it into its typed options
/// (`CommandOptions`). Values are found by their declaration, never by a spelled-out key.
struct ParsedArguments {
    /// The command's name, for usage errors.
    var command: String
    var positionals: [String] = []
    /// Option values and flags by the option's last (long) name.
    fileprivate var values: [String: String] = [:]
    fileprivate var flags: Set<String> = []
    var wantsHelp = false

    init(command: String) {
        self.command = command
    }

    /// The value given to `option`, as written.
    func text(_ option: CommandSpec.Option) -> String? { values[option.key] }

    /// Whether the flag `option` was given.
    func flag(_ option: CommandSpec.Option) -> Bool { flags.contains(option.key) }

    /// A usage error (exit 2) of this command.
    func usage(_ message: String) -> CLIError { .usage(message, command: command) }

    /// The value of `option` converted by `convert`; a value it refuses is a usage error
    /// naming the option and what was `expected`.
    func value<T>(_ option: CommandSpec.Option, expected: String,
                  _ convert: (String) -> T?) throws(CLIError) -> T? {
        guard let text = text(option) else { return nil }
        guard let value = convert(text) else { throw usage("invalid \(option.longName) '\(text)'; expected \(expected)") }
        return value
    }

    /// A whole number in `range`.
    func number(_ option: CommandSpec.Option, in range: ClosedRange<Int>) throws(CLIError) -> Int? {
        try value(option, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") { text in
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    /// One of an enumeration's raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ option: CommandSpec.Option, _ type: T.Type) throws(CLIError) -> T?
    where T.RawValue == String {
        try value(option, expected: "one of: " + T.allCases.map(\.rawValue).joined(separator: ", "), T.init(rawValue:))
    }

    /// Usage error unless at most one of `options` was given.
    func exclusive(_ options: CommandSpec.Option...) throws(CLIError) {
        let given = options.filter { text($0) != nil || flag($0) }
        if given.count > 1 { throw usage(given.map(\.longName).joined(separator: " and ") + " exclude each other") }
    }
}

extension CommandSpec.Option {
    /// The name usage errors use: the last, long one (`--output`).
    var longName: String { names.last ?? "" }
    /// The key of its value: the long name without dashes.
    fileprivate var key: String { String(longName.drop { $0 == "-" }) }
}

extension CommandSpec {
    func parse(_ arguments: [String]) throws(CLIError) -> ParsedArguments {
        var result = ParsedArguments(command: name)
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                result.wantsHelp = true
                continue
            }
            var name = argument, inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.names.contains(name) }) else {
                throw .usage("unknown option '\(name)' for 'talon \(self.name)'", command: self.name)
            }
            let key = option.key
            if option.takesValue {
                if let inlineValue {
                    result.values[key] = inlineValue
                } else if index < arguments.count {
                    result.values[key] = arguments[index]
                    index += 1
                } else {
                    throw .usage("option '\(name)' needs a value <\(option.valueName ?? "value")>", command: self.name)
                }
            } else {
                guard inlineValue == nil else {
                    throw .usage("option '\(name)' takes no value", command: self.name)
                }
                result.flags.insert(key)
            }
        }
        if result.wantsHelp { return result }
        if result.positionals.count < min(minimumPositionals ?? positionals.count, positionals.count) {
            let missing = positionals[result.positionals.count].name
            throw .usage("missing argument \(missing)", command: name)
        }
        if !variadic, result.positionals.count > positionals.count {
            throw .usage("unexpected argument '\(result.positionals[positionals.count])'", command: name)
        }
        return result
    }
}
