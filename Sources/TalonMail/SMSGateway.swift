import Foundation
internal import CCurl

/// The HTTP SMS gateway notices by SMS go through, called with libcurl: one JSON POST
/// `{"to": "+380…", "text": "…", "id": "<message id>"}` per message, with the message id as
/// its `Idempotency-Key` so that a gateway can drop a copy retried after a lost reply.
public struct SMSGateway: Sendable {
    /// `https://…` (or `http://…`): the gateway's endpoint.
    public var url: String
    /// Sent as `Authorization: Bearer <token>` when given.
    public var token: String?
    /// Seconds to connect and to finish one request.
    public var timeout: Int

    public init(url: String, token: String? = nil, timeout: Int = 30) {
        self.url = url
        self.token = token
        self.timeout = timeout
    }

    /// From the environment: `TALON_SMS_URL` (required), `TALON_SMS_TOKEN`. Nil when no URL is set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SMSGateway? {
        guard let url = environment["TALON_SMS_URL"], !url.isEmpty else { return nil }
        return SMSGateway(url: url, token: environment["TALON_SMS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The request's JSON body.
    static func body(to: String, text: String, id: String) throws(MailError) -> [UInt8] {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Array(try encoder.encode(["to": to, "text": text, "id": id]))
        } catch {
            throw MailError(message: "the SMS could not be encoded: \(error)")
        }
    }
}

/// The first bytes of the gateway's reply, kept for the error of a refused message.
private final class ReplySink {
    static let limit = 200
    var bytes: [UInt8] = []
}

extension SMSGateway {
    /// Sends one SMS; returns when the gateway answered 2xx, throws the status and the start
    /// of its reply (or the connection's error) otherwise.
    public func send(to: String, text: String, id: String) throws(MailError) {
        let body = try Self.body(to: to, text: text, id: id)
        guard let handle = curl_easy_init() else { throw MailError(message: "libcurl could not start") }
        defer { curl_easy_cleanup(handle) }
        var headers: UnsafeMutablePointer<curl_slist>? = nil
        for header in ["Content-Type: application/json; charset=utf-8", "Idempotency-Key: \(id)"]
            + (token.map { ["Authorization: Bearer \($0)"] } ?? []) {
            headers = curl_slist_append(headers, header)
        }
        defer { curl_slist_free_all(headers) }
        let reply = ReplySink()
        let context = Unmanaged.passRetained(reply)
        defer { context.release() }
        let write: curl_write_callback = { buffer, size, count, userData in
            let length = size * count
            guard let buffer, let userData else { return length }
            let reply = Unmanaged<ReplySink>.fromOpaque(userData).takeUnretainedValue()
            let room = max(ReplySink.limit - reply.bytes.count, 0)
            let kept = UnsafeRawBufferPointer(start: buffer, count: min(length, room))
            reply.bytes.append(contentsOf: kept)
            return length
        }
        try CurlTransfer.perform(handle, url: url, timeout: timeout) { check in
            check(talon_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
            check(talon_curl_set_list(handle, CURLOPT_HTTPHEADER, headers))
            check(talon_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, body.count))
            check(body.withUnsafeBytes { raw in
                talon_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
            })
            check(talon_curl_set_write_function(handle, write))
            check(talon_curl_set_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque()))
        }
        let code = talon_curl_response_code(handle)
        guard (200..<300).contains(code) else {
            let start = String(decoding: reply.bytes, as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
            throw MailError(message: "HTTP \(code)" + (start.isEmpty ? "" : ": \(start)"))
        }
    }
}
