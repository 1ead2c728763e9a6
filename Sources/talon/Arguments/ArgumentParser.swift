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

struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var wantsHelp = false

    /// The value of an option by its long name (without dashes).
    func value(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}

extension CommandSpec {
    func parse(_ arguments: [String]) throws(CLIError) -> ParsedArguments {
        var result = ParsedArguments()
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
            let key = option.names.last.map { String($0.drop { $0 == "-" }) } ?? name
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
