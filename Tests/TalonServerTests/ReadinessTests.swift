import Foundation
import Testing
import TalonServer

/// `/readyz` tells a load balancer to send no more work once the queue is full, while
/// `/healthz` still answers (the process is alive; it must not be restarted for being busy).
@Suite struct ReadinessTests {
    @Test func readyUntilTheQueueIsFull() throws {
        let fixture = try AppFixture()
        let renderer = try #require(AppFixture.renderer)
        for (load, status) in [(0, 200), (63, 200), (64, 503), (70, 503)] {
            let app = try TalonApp(renderer: renderer, desk: fixture.desk, capacity: 64, load: { load })
            #expect(app.handle(HTTPRequest(method: "GET", path: "/readyz")).status == status, "load \(load)")
            #expect(app.handle(HTTPRequest(method: "GET", path: "/healthz")).status == 200)
        }
    }
}
