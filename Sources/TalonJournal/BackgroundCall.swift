import Foundation

/// A call run on another thread while the caller goes on; `wait()` gives its result. The
/// caller must not touch what the body uses until `wait()` has returned.
///
/// `@unchecked Sendable`: `result` is written by the other thread before it signals
/// `finished`, and read only after `wait()` has seen that signal.
final class BackgroundCall<Value>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result<Value, JournalError> = .failure(.store("a background call did not finish"))

    init(_ body: @escaping () throws(JournalError) -> Value) {
        nonisolated(unsafe) let body = body
        DispatchQueue.global().async { [self] in
            result = Result { () throws(JournalError) -> Value in try body() }
            finished.signal()
        }
    }

    func wait() throws(JournalError) -> Value {
        finished.wait()
        return try result.get()
    }
}
