import Foundation
internal import CCurl

/// The SMTP relay notices go through, sent with libcurl.
public struct SMTPRelay: Sendable {
    /// `smtp://host:port` (STARTTLS when `startTLS`) or `smtps://host:port`.
    public var url: String
    public var startTLS: Bool
    public var user: String?
    public var password: String?
    /// Seconds to connect and to finish one message.
    public var timeout: Int

    public init(url: String, startTLS: Bool = false, user: String? = nil, password: String? = nil, timeout: Int = 30) {
        self.url = url
        self.startTLS = startTLS
        self.user = user
        self.password = password
        self.timeout = timeout
    }

    /// From the environment: `TALON_SMTP_URL` (required), `TALON_SMTP_STARTTLS=1`,
    /// `TALON_SMTP_USER`, `TALON_SMTP_PASSWORD`. Nil when no URL is set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SMTPRelay? {
        guard let url = environment["TALON_SMTP_URL"], !url.isEmpty else { return nil }
        return SMTPRelay(url: url, startTLS: environment["TALON_SMTP_STARTTLS"] == "1",
                         user: environment["TALON_SMTP_USER"], password: environment["TALON_SMTP_PASSWORD"])
    }
}

/// Why a message was not sent.
public struct MailError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}

/// Bytes handed to libcurl's read callback.
private final class UploadSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

extension SMTPRelay {
    /// Sends one message; returns when the relay accepted it, throws its error otherwise.
    public func send(_ message: MailMessage) throws(MailError) {
        guard let handle = curl_easy_init() else { throw MailError(message: "libcurl could not start") }
        defer { curl_easy_cleanup(handle) }
        let recipients = curl_slist_append(nil, "<\(message.to)>")
        defer { curl_slist_free_all(recipients) }
        let source = UploadSource(message.mime())
        let context = Unmanaged.passRetained(source)
        defer { context.release() }
        let read: curl_read_callback = { buffer, size, count, userData in
            guard let buffer, let userData else { return 0 }
            let source = Unmanaged<UploadSource>.fromOpaque(userData).takeUnretainedValue()
            let room = size * count
            let length = min(room, source.bytes.count - source.offset)
            guard length > 0 else { return 0 }
            source.bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress {
                    UnsafeMutableRawPointer(buffer).copyMemory(from: base + source.offset, byteCount: length)
                }
            }
            source.offset += length
            return length
        }
        try CurlTransfer.perform(handle, url: url, timeout: timeout) { check in
            check(talon_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(message.from)>"))
            check(talon_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients))
            check(talon_curl_set_long(handle, CURLOPT_UPLOAD, 1))
            check(talon_curl_set_read_function(handle, read))
            check(talon_curl_set_pointer(handle, CURLOPT_READDATA, context.toOpaque()))
            if startTLS { check(talon_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))) }
            if let user { check(talon_curl_set_string(handle, CURLOPT_USERNAME, user)) }
            if let password { check(talon_curl_set_string(handle, CURLOPT_PASSWORD, password)) }
        }
    }
}
