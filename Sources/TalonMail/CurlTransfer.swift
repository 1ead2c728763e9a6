internal import CCurl

/// What the SMTP relay and the SMS gateway share of a libcurl transfer: the URL, the time
/// limits, no signals, and curl's own message for a failed transfer.
enum CurlTransfer {
    /// Sets the URL and the common options, then the caller's (`configure` passes each
    /// setter's result to `check`), and performs the transfer on `handle`.
    static func perform(_ handle: UnsafeMutableRawPointer, url: String, timeout: Int,
                        configure: (_ check: (CURLcode) -> Void) -> Void) throws(MailError) {
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let status: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
            var setup = talon_curl_set_string(handle, CURLOPT_URL, url)
            let check = { (code: CURLcode) in if setup == CURLE_OK { setup = code } }
            check(talon_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, timeout))
            check(talon_curl_set_long(handle, CURLOPT_TIMEOUT, timeout))
            check(talon_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
            check(talon_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorPointer.baseAddress))
            configure(check)
            guard setup == CURLE_OK else { return setup }
            return curl_easy_perform(handle)
        }
        guard status == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw MailError(message: detail.isEmpty ? String(cString: curl_easy_strerror(status)) : detail)
        }
    }
}
