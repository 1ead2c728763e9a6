import Foundation
internal import CMicroHTTPD

/// A request handler: a plain function from a parsed request to a response.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Errors starting the server.
public enum HTTPServerError: Error, CustomStringConvertible, Sendable {
    case badAddress(String)
    case cannotListen(String)

    public var description: String {
        switch self {
        case .badAddress(let text): "invalid --listen '\(text)'; expected host:port such as 127.0.0.1:8080"
        case .cannotListen(let text): "cannot listen on \(text) (address in use or not permitted)"
        }
    }
}

/// The embedded HTTP server: libmicrohttpd reads requests on its polling threads, a
/// `WorkQueue` runs the handler, and the connection is suspended meanwhile so slow
/// handlers never hold up reading other clients.
public final class HTTPServer: @unchecked Sendable {
    let handler: HTTPHandler
    let limits: ServerLimits
    let log: @Sendable (String) -> Void
    let queue: WorkQueue
    private var daemon: OpaquePointer?
    private let active = NSCondition()
    private var activeRequests = 0
    /// The port actually listened on (the one asked for, or the one chosen for port 0).
    public private(set) var port: Int = 0
    /// Requests waiting for or running in a worker.
    public var load: Int { queue.load }

    public init(limits: ServerLimits, log: @escaping @Sendable (String) -> Void, handler: @escaping HTTPHandler) {
        self.handler = handler
        self.limits = limits
        self.log = log
        queue = WorkQueue(workers: limits.workers, capacity: limits.queue)
    }

    /// Whether `start` can read the address (`host:port`), to check it before anything starts.
    public static func isValidAddress(_ listen: String) -> Bool { ListenAddress(listen) != nil }

    /// Starts listening on `host:port` (IPv4, or IPv6 in brackets).
    public func start(listen: String) throws(HTTPServerError) {
        guard let address = ListenAddress(listen) else { throw .badAddress(listen) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        daemon = address.withSocketAddress { socketAddress in
            talon_mhd_start(socketAddress, UInt32(limits.pollingThreads), UInt32(limits.connections),
                            UInt32(limits.connectionsPerAddress), UInt32(limits.idleTimeout),
                            64 * 1024, accessHandler, context, completedHandler, context)
        }
        guard let daemon else { throw .cannotListen(listen) }
        port = Int(talon_mhd_port(daemon))
    }

    /// Stops accepting, lets queued and running requests finish (up to the grace period),
    /// then closes every connection.
    public func stop() {
        guard let daemon else { return }
        let socket = MHD_quiesce_daemon(daemon)
        if socket >= 0 { close(socket) }
        _ = queue.drain(seconds: limits.shutdownGrace)
        let deadline = Date().addingTimeInterval(TimeInterval(limits.shutdownGrace))
        active.lock()
        while activeRequests > 0, active.wait(until: deadline) {}
        active.unlock()
        MHD_stop_daemon(daemon)
        queue.stop()
        self.daemon = nil
    }

    func requestStarted() {
        active.lock()
        activeRequests += 1
        active.unlock()
    }

    func requestEnded() {
        active.lock()
        activeRequests -= 1
        active.broadcast()
        active.unlock()
    }
}

/// `host:port` from `--listen`.
struct ListenAddress {
    var host: String
    var port: UInt16

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host.isEmpty ? "0.0.0.0" : host
        self.port = port
    }

    /// Calls `body` with the address as a `sockaddr`; nil when the host is not a numeric address.
    func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>) -> T?) -> T? {
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            return withUnsafePointer(to: &v4) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
        }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
            return withUnsafePointer(to: &v6) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
        }
        return nil
    }
}
