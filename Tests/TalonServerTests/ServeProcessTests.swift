import Foundation
import Testing
import TestSupport

/// `talon serve` from outside: a real process on 127.0.0.1, spoken to with curl and raw
/// sockets.
@Suite struct ServeProcessTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    @Test func everyAnswerCarriesTheSecurityHeadersAndTheAPIWorksOverHTTP() throws {
        let server = try ServeProcess()
        defer { _ = server.terminate() }  // also when an expectation fails early
        #expect(server.log.contains("first staff user 'admin', password "))
        for path in ["/healthz", "/rma", "/nowhere", "/api/v1/schemas"] {
            let reply = try server.curl(path)
            #expect(reply.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true, "\(path)")
            #expect(reply.headers["content-security-policy"]?.contains("unsafe-inline") == false, "\(path)")
            #expect(reply.headers["x-content-type-options"] == "nosniff", "\(path)")
        }
        #expect(try server.curl("/healthz").text == "ok\n")
        #expect(try server.curl("/readyz").status == 200)
        #expect(try server.curl("/api/v1/schemas").status == 401)
        let card = try server.curl("/api/v1/render/warranty-card", [
            "-H", "Content-Type: application/json",
            "--data-binary", "@" + Self.samples.appendingPathComponent("warranty-card.en.json").path,
        ], auth: true)
        #expect(card.status == 200)
        #expect(card.body.starts(with: Array("%PDF-".utf8)))
        let bad = try server.curl("/api/v1/render/rma", ["-H", "Content-Type: application/json", "--data-binary", #"{"claim": 1}"#], auth: true)
        #expect(bad.status == 400)
        #expect((bad.json["problems"] as? [[String: Any]])?.contains { $0["path"] as? String == "$.service_center" } == true)
        let unsupported = try server.curl("/api/v1/render/rma", ["-H", "Content-Type: text/plain", "--data-binary", "x"], auth: true)
        #expect(unsupported.status == 415)
        #expect(server.terminate() == 0)
        // The log names method, path and status only: no token, address or body.
        #expect(server.log.contains("POST /api/v1/render/warranty-card 200"))
        #expect(!server.log.contains(server.token))
        #expect(!server.log.split(separator: "\n").contains { $0.hasPrefix("GET") && $0.contains("127.0.0.1") })
    }

    @Test func bodiesOverTheLimitsAreRefusedWith413AndTheAPIRateWith429() throws {
        let server = try ServeProcess(["--max-body", "16", "--max-upload", "64", "--api-rate", "2"])
        defer { _ = server.terminate() }  // also when an expectation fails early
        let big = server.folder.appendingPathComponent("big.json")
        try Data(("{\"x\": \"" + String(repeating: "a", count: 20_000) + "\"}").utf8).write(to: big)
        let json = try server.curl("/api/v1/render/rma", ["-H", "Content-Type: application/json", "--data-binary", "@" + big.path], auth: true)
        #expect(json.status == 413)
        #expect(json.json["error"] as? String == "request body larger than 16384 bytes")
        let photo = server.folder.appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF] + Array(repeating: 0, count: 100_000)).write(to: photo)
        let form = try server.curl("/rma", ["-F", "model=X", "-F", "files=@" + photo.path])
        #expect(form.status == 413)
        #expect(try server.curl("/healthz").status == 200, "the server goes on")
        // --api-rate 2: a token's third request within the minute (the one refused above
        // by the server, before the API, does not count).
        #expect(try server.curl("/api/v1/schemas", auth: true).status == 200)
        #expect(try server.curl("/api/v1/schemas", auth: true).status == 200)
        let limited = try server.curl("/api/v1/schemas", auth: true)
        #expect(limited.status == 429 && limited.headers["retry-after"] == "60")
    }

    @Test func customerSendsTheFormWithPhotosAndDownloadsTheRMAForm() throws {
        let server = try ServeProcess()
        defer { _ = server.terminate() }  // also when an expectation fails early
        let page = try server.curl("/rma", ["-H", "Accept-Language: uk"])
        #expect(page.text.contains("Опис несправності"))
        guard let range = page.text.range(of: #"name="token" value="[0-9]+\.[0-9a-f]+""#, options: .regularExpression) else {
            Issue.record("no form token")
            return
        }
        let token = String(page.text[range].dropFirst(#"name="token" value=""#.count).dropLast())
        let jpeg = server.folder.appendingPathComponent("site.jpg"), png = server.folder.appendingPathComponent("label.png")
        try Data(AppFixture.jpeg).write(to: jpeg)
        try Data(AppFixture.png).write(to: png)
        let sent = try server.curl("/rma?lang=uk", [
            "-F", "token=\(token)", "-F", "received=2025-07-01", "-F", "model=IPC-B48", "-F", "serial=B48V2501310092",
            "-F", "equipment_set=Камера, блок живлення", "-F", "failure=Немає відео", "-F", "name=Олена Їжакевич",
            "-F", "email=olena@example.com", "-F", "files=@\(jpeg.path)", "-F", "files=@\(png.path)",
        ])
        #expect(sent.status == 200, "\(sent.text)")
        #expect(sent.text.contains("RMA-2025-00001"))
        guard let link = sent.text.range(of: #"/rma/RMA-2025-00001\.pdf\?key=[0-9a-f.]+"#, options: .regularExpression) else {
            Issue.record("no download link")
            return
        }
        let pdf = try server.curl(String(sent.text[link]))
        #expect(pdf.status == 200)
        #expect(pdf.headers["content-disposition"] == #"attachment; filename="RMA-2025-00001.pdf""#)
        let file = server.folder.appendingPathComponent("rma.pdf")
        try pdf.body.write(to: file)
        let text = try PDFTools.text(file.path)
        #expect(text.contains("Олена Їжакевич") && text.contains("site.jpg") && text.contains("label.png"))
        #expect(try PDFTools.qpdfProblems(file.path) == nil)
        // The journal has the claim: the command line shows it.
        let shown = try TestSupport.talon(["claim", "show", "RMA-2025-00001", "--journal", server.journal, "--today", "2025-07-01"])
        #expect(shown.status == 0, "\(shown.stderrText)")
        #expect(shown.stdoutText.contains("received"))
    }

    @Test func aThousandSlowClientsDoNotStopOthers() throws {
        let server = try ServeProcess()
        defer { _ = server.terminate() }  // also when an expectation fails early
        let count = SlowClients.affordable(1000)
        let clients = try SlowClients(port: server.port, count: count)
        #expect(clients.sockets.count == count)
        let reply = try server.curl("/healthz")
        #expect(reply.status == 200, "served beside \(count) slow connections")
        clients.close()
        #expect(server.terminate() == 0)
    }

    @Test func aFullQueueAnswers503WithRetryAfter() throws {
        let server = try ServeProcess(["--workers", "1", "--queue", "1"])
        defer { _ = server.terminate() }  // also when an expectation fails early
        let invoice = "@" + Self.samples.appendingPathComponent("invoice.uk.json").path
        let statuses = Statuses()
        let group = DispatchGroup()
        for _ in 0..<12 {
            group.enter()
            Thread.detachNewThread {
                if let reply = try? server.curl("/api/v1/render/invoice", ["-H", "Content-Type: application/json", "--data-binary", invoice], auth: true) {
                    statuses.add(reply.status, reply.headers["retry-after"])
                }
                group.leave()
            }
        }
        group.wait()
        #expect(statuses.all.count == 12)
        #expect(statuses.all.contains { $0.0 == 200 })
        #expect(statuses.all.contains { $0.0 == 503 && $0.1 == "2" }, "\(statuses.all)")
        #expect(statuses.all.allSatisfy { $0.0 == 200 || $0.0 == 503 })
    }

    @Test func staffLogInOverHTTPAndForgedFormsAreRefused() throws {
        let server = try ServeProcess()
        defer { _ = server.terminate() }  // also when an expectation fails early
        guard let range = server.log.range(of: #"password [A-Za-z0-9]{16}"#, options: .regularExpression) else {
            Issue.record("no first password in: \(server.log)")
            return
        }
        let password = String(server.log[range].dropFirst("password ".count))
        let anonymous = try server.curl("/staff")
        #expect(anonymous.status == 303)
        #expect(anonymous.headers["location"] == "/staff/login")
        let jar = server.folder.appendingPathComponent("cookies").path
        let login = try server.curl("/staff/login", ["-c", jar])
        let csrf = try field("csrf", in: login.text)
        let loggedIn = try server.curl("/staff/login", ["-b", jar, "-c", jar, "-d", "csrf=\(csrf)&user=admin&password=\(password)"])
        #expect(loggedIn.status == 303)
        #expect(loggedIn.headers["set-cookie"]?.contains("HttpOnly; SameSite=Strict") == true)
        let page = try server.curl("/staff", ["-b", jar])
        #expect(page.status == 200)
        let forged = try server.curl("/staff/cards", ["-b", jar, "-d", "csrf=1.00&model=X&serial=Y&sale_date=2025-01-01"])
        #expect(forged.status == 403)
        let issued = try server.curl("/staff/cards", ["-b", jar, "--data-urlencode", "csrf=\(try field("csrf", in: page.text))",
                                                      "-d", "model=IPC-B48&serial=SN-1&sale_date=2025-03-01"])
        #expect(issued.status == 200)
        #expect(issued.text.contains(#"id="card-number">ГТ-2025-000001"#))
    }

    /// The value of a hidden field in a page.
    func field(_ name: String, in page: String) throws -> String {
        guard let range = page.range(of: #"name="\#(name)" value="[^"]+""#, options: .regularExpression) else {
            throw FixtureError("no \(name) in the page")
        }
        return String(page[range].dropFirst(#"name="\#(name)" value=""#.count).dropLast())
    }

    @Test func badCommandLinesAreUsageErrors() throws {
        let folder = try TestSupport.temporaryDirectory()
        let journal = folder.appendingPathComponent("talon.db").path
        let listen = try TestSupport.talon(["serve", "--listen", "localhost", "--journal", journal])
        #expect(listen.status == 2)
        #expect(listen.stderrText.contains("invalid --listen 'localhost'"))
        #expect(try TestSupport.talon(["serve", "--workers", "0", "--journal", journal]).status == 2)
        #expect(try TestSupport.talon(["user", "add", "bad name", "--journal", journal]).status == 2)
        let added = try TestSupport.talon(["user", "add", "anna", "--journal", journal])
        #expect(added.status == 0)
        #expect(added.stdoutText.trimmingCharacters(in: .newlines).count == 16)
        let again = try TestSupport.talon(["user", "add", "anna", "--journal", journal])
        #expect(again.status == 1)
        #expect(again.stderrText.contains("a staff user of this name exists"))
    }

    @Test func sigtermFinishesTheRequestInFlight() throws {
        let server = try ServeProcess()
        defer { _ = server.terminate() }  // also when an expectation fails early
        // A request is half sent (headers and part of its body) when SIGTERM comes; the
        // rest follows, and the answer must still be the card.
        let card = Array(try Data(contentsOf: Self.samples.appendingPathComponent("warranty-card.en.json")))
        let clients = try SlowClients(port: server.port, count: 0)
        let fd = try clients.connectOne()
        let head = "POST /api/v1/render/warranty-card HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer \(server.token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(card.count)\r\nConnection: close\r\n\r\n"
        clients.send(fd, Array(head.utf8) + card.prefix(100))
        Thread.sleep(forTimeInterval: 0.5)
        kill(server.process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.process.isRunning, "still finishing the request")
        clients.send(fd, Array(card.dropFirst(100)))
        let answer = clients.receiveAll(fd)
        #expect(answer.starts(with: Array("HTTP/1.1 200".utf8)), "\(String(decoding: answer.prefix(200), as: UTF8.self))")
        #expect(answer.firstRange(of: Array("%PDF-".utf8)) != nil)
        #expect(server.terminate() == 0)
        #expect(server.log.contains("stopped"))
    }
}

/// Statuses collected from several threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Int, String?)] = []
    func add(_ status: Int, _ extra: String?) {
        lock.lock()
        items.append((status, extra))
        lock.unlock()
    }
    var all: [(Int, String?)] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// Connections that sent half a request line and then nothing.
final class SlowClients {
    var sockets: [Int32] = []

    /// `wanted`, or fewer when the process may not open that many descriptors.
    static func affordable(_ wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 100 }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        return min(wanted, Int(limit.rlim_cur) - 200)
    }

    let port: Int

    init(port: Int, count: Int) throws {
        self.port = port
        for _ in 0..<count {
            let fd = try connectOne()
            _ = "GET /healthz HTTP/1.1\r\nHost: slow\r\n".withCString { Glibc.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }
    }

    /// One more connection, kept in `sockets`.
    func connectOne() throws -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket failed after \(sockets.count)") }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw FixtureError("connect failed after \(sockets.count)")
        }
        sockets.append(fd)
        return fd
    }

    func send(_ fd: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sends until it closes the connection.
    func receiveAll(_ fd: Int32) -> [UInt8] {
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return all }
            all += buffer[0..<count]
        }
    }

    func close() {
        sockets.forEach { Glibc.close($0) }
        sockets = []
    }

    deinit { close() }
}
