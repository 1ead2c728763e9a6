import Foundation
internal import CMicroHTTPD

/// What the server knows about one request while libmicrohttpd reads it and a worker
/// answers it; owned by the connection (its `req_cls`) until the request completes.
final class PendingRequest: @unchecked Sendable {
    var request: HTTPRequest
    var bodyLimit: Int
    var received = 0
    var tooLarge = false
    var postProcessor: OpaquePointer?
    var started = Date()
    /// Set by the worker before it resumes the connection.
    var response: HTTPResponse?
    var queued = false

    init(request: HTTPRequest, bodyLimit: Int) {
        self.request = request
        self.bodyLimit = bodyLimit
    }
}

/// libmicrohttpd calls this for every request: once with the headers, once per piece of
/// body, once when the body is complete, and again after a suspended connection resumes.
let accessHandler: MHD_AccessHandlerCallback = { context, connection, url, method, _, uploadData, uploadSize, requestContext in
    guard let context, let connection, let requestContext, let uploadSize else { return .NO }
    let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
    guard let existing = requestContext.pointee else {
        let pending = server.begin(connection, url: url.map { String(cString: $0) } ?? "/",
                                   method: method.map { String(cString: $0) } ?? "GET")
        requestContext.pointee = Unmanaged.passRetained(pending).toOpaque()
        // A body announced too large is refused before it is sent (no 100 Continue).
        return pending.tooLarge ? server.respond(pending, connection) : .YES
    }
    let pending = Unmanaged<PendingRequest>.fromOpaque(existing).takeUnretainedValue()
    if uploadSize.pointee > 0 {
        server.receive(pending, uploadData, count: uploadSize.pointee)
        uploadSize.pointee = 0
        return pending.tooLarge ? server.respond(pending, connection) : .YES
    }
    return server.respond(pending, connection)
}

/// Called when a request is over (answered, or the connection dropped): frees its state.
let completedHandler: MHD_RequestCompletedCallback = { context, _, requestContext, _ in
    guard let context, let requestContext, let existing = requestContext.pointee else { return }
    let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
    let pending = Unmanaged<PendingRequest>.fromOpaque(existing).takeRetainedValue()
    if let processor = pending.postProcessor { MHD_destroy_post_processor(processor) }
    requestContext.pointee = nil
    server.requestEnded()
}

/// Collects each `key: value` pair libmicrohttpd hands over into a dictionary.
private let collectValue: MHD_KeyValueIterator = { context, _, key, value in
    guard let context, let key else { return .YES }
    let box = Unmanaged<ValueBox>.fromOpaque(context).takeUnretainedValue()
    let name = String(cString: key)
    if box.values[name] == nil { box.values[name] = value.map { String(cString: $0) } ?? "" }
    return .YES
}

private final class ValueBox {
    var values: [String: String] = [:]
}

/// Receives the decoded fields of a form body, piece by piece.
private let collectFormField: MHD_PostDataIterator = { context, _, key, fileName, _, _, data, offset, size in
    guard let context, let key else { return .YES }
    let pending = Unmanaged<PendingRequest>.fromOpaque(context).takeUnretainedValue()
    let name = String(cString: key)
    let bytes = data.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
    if offset == 0 || pending.request.form.last?.name != name {
        if let fileName {
            pending.request.form.append(FormField(name: name, fileName: String(cString: fileName), data: bytes))
        } else {
            pending.request.form.append(FormField(name: name, value: ""))
            pending.request.form[pending.request.form.count - 1].data = bytes
        }
    } else {
        pending.request.form[pending.request.form.count - 1].data += bytes
    }
    return .YES
}

extension HTTPServer {
    /// The headers are in: builds the request and picks the body limit.
    func begin(_ connection: OpaquePointer, url: String, method: String) -> PendingRequest {
        requestStarted()
        let headers = ValueBox(), query = ValueBox()
        withExtendedLifetime(headers) {
            _ = MHD_get_connection_values(connection, .HEADER_KIND, collectValue, Unmanaged.passUnretained(headers).toOpaque())
        }
        withExtendedLifetime(query) {
            _ = MHD_get_connection_values(connection, .GET_ARGUMENT_KIND, collectValue, Unmanaged.passUnretained(query).toOpaque())
        }
        var address = [CChar](repeating: 0, count: 64)
        talon_mhd_client_address(connection, &address, address.count)
        let request = HTTPRequest(method: method, path: url, query: query.values, headers: headers.values,
                                  remoteAddress: String(decoding: address.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        let contentType = request.header("content-type")?.lowercased() ?? ""
        let isForm = contentType.hasPrefix("multipart/form-data") || contentType.hasPrefix("application/x-www-form-urlencoded")
        let pending = PendingRequest(request: request, bodyLimit: contentType.hasPrefix("multipart/") ? limits.upload : limits.body)
        if let length = request.header("content-length").flatMap(Int.init), length > pending.bodyLimit {
            pending.tooLarge = true
        } else if isForm {
            pending.postProcessor = MHD_create_post_processor(connection, 64 * 1024, collectFormField,
                                                              Unmanaged.passUnretained(pending).toOpaque())
        }
        return pending
    }

    /// A piece of body: fed to the form decoder or kept, until the limit is passed.
    func receive(_ pending: PendingRequest, _ data: UnsafePointer<CChar>?, count: Int) {
        guard !pending.tooLarge, let data else { return }
        let (total, overflow) = pending.received.addingReportingOverflow(count)
        pending.received = total
        if overflow || total > pending.bodyLimit {
            pending.tooLarge = true
            pending.request.body = []
            pending.request.form = []
            return
        }
        if let processor = pending.postProcessor {
            if MHD_post_process(processor, data, count) != .YES { pending.tooLarge = true }
        } else {
            data.withMemoryRebound(to: UInt8.self, capacity: count) {
                pending.request.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
            }
        }
    }

    /// The body is complete (or the worker has answered): queue the answer, or hand the
    /// request to a worker and suspend the connection until it is done.
    func respond(_ pending: PendingRequest, _ connection: OpaquePointer) -> MHD_Result {
        if pending.tooLarge {
            if pending.queued { return .YES }
            pending.queued = true
            return send(HTTPResponse.problem(status: 413, "request body larger than \(pending.bodyLimit) bytes",
                                             for: pending.request), pending, connection)
        }
        if let response = pending.response { return send(response, pending, connection) }
        if pending.queued { return .YES }
        pending.queued = true
        MHD_suspend_connection(connection)
        let handler = self.handler
        let suspended = SuspendedConnection(connection)
        let accepted = queue.submit {
            pending.response = handler(pending.request)
            MHD_resume_connection(suspended.connection)
        }
        if !accepted {
            var busy = HTTPResponse.problem(status: 503, "server busy; retry shortly", for: pending.request)
            busy.headers.append(("Retry-After", String(limits.retryAfter)))
            pending.response = busy
            MHD_resume_connection(connection)
        }
        return .YES
    }

    private func send(_ response: HTTPResponse, _ pending: PendingRequest, _ connection: OpaquePointer) -> MHD_Result {
        let response = response.withSecurityHeaders()
        let handle = response.body.withUnsafeBytes { bytes in
            talon_mhd_response(bytes.baseAddress, bytes.count)
        }
        guard let handle else { return .NO }
        for header in response.headers {
            _ = MHD_add_response_header(handle, header.name, header.value)
        }
        let result = MHD_queue_response(connection, UInt32(response.status), handle)
        MHD_destroy_response(handle)
        let milliseconds = Int(Date().timeIntervalSince(pending.started) * 1000)
        // Method, path and status only: no address, query or body (they may be personal).
        log("\(pending.request.method) \(Self.loggedPath(pending.request.path)) \(response.status) \(response.body.count)B \(milliseconds)ms")
        return result
    }

    /// The path as logged: a claim or card number in it is kept, anything else long is cut.
    static func loggedPath(_ path: String) -> String {
        path.count > 120 ? String(path.prefix(120)) + "…" : path
    }
}

/// A suspended connection handed to a worker, which resumes it once (libmicrohttpd allows
/// resuming from any thread).
private struct SuspendedConnection: @unchecked Sendable {
    let connection: OpaquePointer
    init(_ connection: OpaquePointer) { self.connection = connection }
}
