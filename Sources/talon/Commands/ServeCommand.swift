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
        options: [Options.listen, JournalOptions.journal, Options.workers, Options.queue, Options.connections, Options.timeout,
                  Options.maxBody, Options.maxUpload, Options.apiRate, CommonOptions.templates],
        details: """
        Logs one line per request on standard error (method, path, status, size, time; no
        addresses or personal data). SIGTERM or SIGINT stops accepting connections, lets the
        requests in flight finish, then exits 0.
        """)

    struct Options: CommandOptions {
        static let listen = CommandSpec.Option(names: ["--listen"], valueName: "host:port",
                                               help: "Address to listen on (default 127.0.0.1:8080; port 0 picks a free one).")
        static let workers = CommandSpec.Option(names: ["--workers"], valueName: "n", help: "Threads that render (default: the number of cores).")
        static let queue = CommandSpec.Option(names: ["--queue"], valueName: "n", help: "Requests that may wait for a worker before 503 (default 64).")
        static let connections = CommandSpec.Option(names: ["--connections"], valueName: "n", help: "Open connections at most (default 4096).")
        static let timeout = CommandSpec.Option(names: ["--timeout"], valueName: "seconds", help: "Idle time before a connection is closed (default 15).")
        static let maxBody = CommandSpec.Option(names: ["--max-body"], valueName: "KiB", help: "Largest JSON request body (default 1024).")
        static let maxUpload = CommandSpec.Option(names: ["--max-upload"], valueName: "KiB", help: "Largest form with files (default 32768).")
        static let apiRate = CommandSpec.Option(names: ["--api-rate"], valueName: "n",
                                                help: "API requests per token per minute (default 6000; beyond that 429).")

        var listen: String
        var limits = ServerLimits()
        var apiRate: Int
        var journal: JournalOptions.Location

        init(_ arguments: ParsedArguments) throws(CLIError) {
            listen = arguments.text(Self.listen) ?? "127.0.0.1:8080"
            guard HTTPServer.isValidAddress(listen) else { throw arguments.usage(HTTPServerError.badAddress(listen).description) }
            limits.workers = try arguments.number(Self.workers, in: 1...256) ?? limits.workers
            limits.queue = try arguments.number(Self.queue, in: 1...100_000) ?? limits.queue
            limits.connections = try arguments.number(Self.connections, in: 1...1_000_000) ?? limits.connections
            limits.idleTimeout = try arguments.number(Self.timeout, in: 1...3600) ?? limits.idleTimeout
            limits.body = (try arguments.number(Self.maxBody, in: 1...1 << 20) ?? limits.body >> 10) << 10
            limits.upload = (try arguments.number(Self.maxUpload, in: 1...1 << 21) ?? limits.upload >> 10) << 10
            apiRate = try arguments.number(Self.apiRate, in: 1...100_000_000) ?? 6000
            journal = JournalOptions.Location(arguments)
        }
    }

    static func run(_ options: Options) throws(CLIError) -> Int32 {
        let (limits, listen, journalPath) = (options.limits, options.listen, options.journal.path)
        raiseOpenFileLimit()
        let renderer = try CommonOptions.renderer(templates: options.journal.templates)
        let desk = try JournalOptions.run { () throws(JournalError) in try JournalDesk(path: journalPath, renderer: renderer) }
        if let password = try JournalOptions.run({ () throws(JournalError) in try desk.addFirstUser() }) {
            printStandardError("talon serve: first staff user 'admin', password \(password) (shown once; /staff/login)\n")
        }
        let box = ServerBox()
        let app: TalonApp
        do {
            app = try TalonApp(renderer: renderer, desk: desk, apiRequestsPerToken: options.apiRate,
                               capacity: limits.queue + limits.workers, load: { box.server?.load ?? 0 })
        } catch {
            throw .talon(error)
        }
        let server = HTTPServer(limits: limits, log: { printStandardError("\($0)\n") }, handler: app.handle)
        box.server = server
        do {
            try server.start(listen: listen)
        } catch {
            throw .talon(.output(path: listen, reason: error.description))
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
}

/// Lets the app ask the server (made after it) how loaded it is.
private final class ServerBox: @unchecked Sendable {
    var server: HTTPServer?
}
