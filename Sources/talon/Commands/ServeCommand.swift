import Foundation
import TalonDocuments
import TalonJournal
import TalonServer

/// `talon serve`: the public RMA form, the HTTP API and the health checks over HTTP.
enum ServeCommand: Command {
    static let spec = CommandSpec(
        name: "serve",
        synopsis: "[--listen <host:port>] [--journal <file>] [options]",
        summary: "Serve the RMA form and the HTTP API (TLS belongs to a reverse proxy in front).",
        positionals: [],
        options: [
            .init(names: ["--listen"], valueName: "host:port", help: "Address to listen on (default 127.0.0.1:8080; port 0 picks a free one)."),
            JournalOptions.journal,
            .init(names: ["--workers"], valueName: "n", help: "Threads that render (default: the number of cores)."),
            .init(names: ["--queue"], valueName: "n", help: "Requests that may wait for a worker before 503 (default 64)."),
            .init(names: ["--connections"], valueName: "n", help: "Open connections at most (default 4096)."),
            .init(names: ["--timeout"], valueName: "seconds", help: "Idle time before a connection is closed (default 15)."),
            .init(names: ["--max-body"], valueName: "KiB", help: "Largest JSON request body (default 1024)."),
            .init(names: ["--max-upload"], valueName: "KiB", help: "Largest form with files (default 32768)."),
            .init(names: ["--api-rate"], valueName: "n", help: "API requests per token per minute (default 6000; beyond that 429)."),
            Options.templates,
        ],
        details: """
        Logs one line per request on standard error (method, path, status, size, time; no
        addresses or personal data). SIGTERM or SIGINT stops accepting connections, lets the
        requests in flight finish, then exits 0.
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> Int32 {
        var limits = ServerLimits()
        limits.workers = try number(arguments, "workers", default: limits.workers, range: 1...256)
        limits.queue = try number(arguments, "queue", default: limits.queue, range: 1...100_000)
        limits.connections = try number(arguments, "connections", default: limits.connections, range: 1...1_000_000)
        limits.idleTimeout = try number(arguments, "timeout", default: limits.idleTimeout, range: 1...3600)
        limits.body = try number(arguments, "max-body", default: limits.body >> 10, range: 1...1 << 20) << 10
        limits.upload = try number(arguments, "max-upload", default: limits.upload >> 10, range: 1...1 << 21) << 10
        let apiRate = try number(arguments, "api-rate", default: 6000, range: 1...100_000_000)
        let listen = arguments.value("listen") ?? "127.0.0.1:8080"
        let journalPath = Journal.defaultPath(option: arguments.value("journal"))
        raiseOpenFileLimit()
        let server: HTTPServer
        do {
            let renderer = try Options.renderer(arguments)
            let desk = try JournalDesk(path: journalPath, renderer: renderer)
            if let password = try desk.addFirstUser() {
                printStandardError("talon serve: first staff user 'admin', password \(password) (shown once; /staff/login)\n")
            }
            let box = ServerBox()
            let app = try TalonApp(renderer: renderer, desk: desk, apiRequestsPerToken: apiRate,
                                   capacity: limits.queue + limits.workers, load: { box.server?.load ?? 0 })
            server = HTTPServer(limits: limits, log: { printStandardError("\($0)\n") }, handler: app.handle)
            box.server = server
            try server.start(listen: listen)
        } catch let error as TalonError {
            throw .talon(error)
        } catch let error as JournalError {
            throw .journal(error)
        } catch let error as HTTPServerError {
            if case .badAddress = error { throw .usage(error.description, command: "serve") }
            throw .talon(.output(path: listen, reason: error.description))
        } catch {
            throw .talon(.resources("\(error)"))
        }
        printStandardError("talon serve: listening on http://\(displayHost(listen)):\(server.port)/ (journal \(journalPath))\n")
        waitForTermination()
        printStandardError("talon serve: stopping; finishing requests in flight\n")
        server.stop()
        printStandardError("talon serve: stopped\n")
        return ExitCode.success
    }

    /// Many slow clients need many descriptors: the soft limit is raised to the hard one.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Blocks until SIGTERM or SIGINT arrives.
    static func waitForTermination() {
        let stop = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        stop.wait()
        sources.forEach { $0.cancel() }
    }

    static func displayHost(_ listen: String) -> String {
        guard let colon = listen.lastIndex(of: ":") else { return listen }
        let host = String(listen[..<colon])
        return host.isEmpty ? "0.0.0.0" : host
    }

    static func number(_ arguments: ParsedArguments, _ name: String, default value: Int,
                       range: ClosedRange<Int>) throws(CLIError) -> Int {
        guard let text = arguments.value(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw .usage("invalid --\(name) '\(text)'; expected a number from \(range.lowerBound) to \(range.upperBound)", command: "serve")
        }
        return number
    }
}

/// Lets the app ask the server (made after it) how loaded it is.
private final class ServerBox: @unchecked Sendable {
    var server: HTTPServer?
}
