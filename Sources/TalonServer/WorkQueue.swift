import Foundation

/// A fixed set of worker threads with a bounded queue in front of them: a job that finds
/// the queue full is refused, never waits unboundedly.
final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var running = 0
    private var stopping = false
    private let capacity: Int

    init(workers: Int, capacity: Int) {
        self.capacity = capacity
        for index in 0..<max(1, workers) {
            let thread = Thread { [self] in work() }
            thread.name = "talon-worker-\(index)"
            thread.start()
        }
    }

    /// Jobs waiting or running now.
    var load: Int {
        condition.lock()
        defer { condition.unlock() }
        return jobs.count - head + running
    }

    /// Queues a job; false when `capacity` jobs are already waiting.
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, jobs.count - head < capacity else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Waits until every queued job has run, up to `seconds`; true when all finished.
    func drain(seconds: Int) -> Bool {
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        condition.lock()
        defer { condition.unlock() }
        while jobs.count - head + running > 0 {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }

    /// Lets the workers end once the queue is empty.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count && !stopping { condition.wait() }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head > 256 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            running += 1
            condition.unlock()
            job()
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
