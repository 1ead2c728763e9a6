import Foundation

/// How much the server accepts and how long it waits: the defaults suit one small machine.
public struct ServerLimits: Sendable {
    /// Threads that accept connections and read requests (each polls many connections).
    public var pollingThreads = 2
    /// Threads that run handlers (render documents).
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Requests that may wait for a worker; beyond that the answer is 503 with Retry-After.
    public var queue = 64
    /// Open connections in all; more are refused by the listener.
    public var connections = 4096
    /// Open connections from one address (0: no limit, as behind a reverse proxy).
    public var connectionsPerAddress = 0
    /// Seconds a connection may stay idle (a slow client is dropped after it).
    public var idleTimeout = 15
    /// Largest body of a JSON request, in bytes.
    public var body = 1 << 20
    /// Largest body of a form with files, in bytes.
    public var upload = 32 << 20
    /// Seconds a client is told to wait after a 503.
    public var retryAfter = 2
    /// Seconds shutdown waits for requests in flight.
    public var shutdownGrace = 20

    public init() {}
}
