import Foundation
import Layout

/// Runs one batch: the calling thread reads records, `jobs` worker threads render them,
/// and finished records are delivered (written, merged, reported) strictly in input order.
///
/// `@unchecked Sendable`: the queue state is read and written only while `lock` is held;
/// the delivery state (counts, names written, the merged list) only by the one thread that
/// holds the `delivering` flag, handed over under the lock; the rest is immutable.
final class BatchScheduler: @unchecked Sendable {
    let batch: BatchRenderer
    let destination: BatchDestination
    let events: @Sendable (BatchEvent, BatchProgress) -> Void
    let window: Int

    private let lock = NSCondition()
    // Guarded by `lock`.
    /// Records to render with their place among the records taken on (1, 2, 3…; record
    /// numbers have gaps when a shard or a resumed run skips records).
    private var pending: [(place: Int, record: BatchRecord)] = []
    private var pendingHead = 0
    private var readingDone = false
    private var inFlight = 0
    private var finishedWorkers = 0
    private var finished: [Int: BatchOutcome] = [:]
    private var nextToDeliver = 1
    private var delivering = false
    private var fractionRead: Double?
    // Touched only by the delivering thread (and by `run` after every worker has ended).
    private var progress = BatchProgress()
    private var summary = BatchSummary()
    private var writtenNames: [String: Int] = [:]
    private var merged: DisplayList?

    init(batch: BatchRenderer, destination: BatchDestination, events: @escaping @Sendable (BatchEvent, BatchProgress) -> Void) {
        self.batch = batch
        self.destination = destination
        self.events = events
        window = 4 * batch.jobs + 8
    }

    func run(_ reader: BatchReader) -> BatchSummary {
        for _ in 0..<batch.jobs {
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var inputError: TalonError?
        var count = 0, skipped = 0
        while true {
            let record: BatchRecord?
            do {
                record = try reader.next()
            } catch {
                inputError = error
                break
            }
            guard let record else { break }
            guard batch.selection.includes(record) else {
                skipped += 1
                continue
            }
            count += 1
            lock.lock()
            while inFlight >= window { lock.wait() }
            pending.append((count, record))
            inFlight += 1
            fractionRead = reader.fractionRead
            lock.broadcast()
            lock.unlock()
        }
        lock.lock()
        readingDone = true
        lock.broadcast()
        while finishedWorkers < batch.jobs { lock.wait() }
        var result = summary
        let list = merged
        merged = nil
        lock.unlock()
        result.records = count
        result.skipped = skipped
        result.error = inputError
        if let file = destination.mergedFile, var list {
            // A print run of many records carries no one record's data.
            list.info.attachment = nil
            do {
                try AtomicFile.write(try batch.renderer.paint(list), to: file.path)
                result.mergedPages = list.pages.count
            } catch {
                result.error = result.error ?? error
            }
        }
        return result
    }

    /// A worker: takes records until the reader is done and the queue is empty.
    private func work() {
        while true {
            lock.lock()
            while pendingHead == pending.count, !readingDone { lock.wait() }
            guard pendingHead < pending.count else {
                finishedWorkers += 1
                lock.broadcast()
                lock.unlock()
                return
            }
            let (place, record) = pending[pendingHead]
            pendingHead += 1
            if pendingHead > 64, pendingHead * 2 > pending.count {
                pending.removeFirst(pendingHead)
                pendingHead = 0
            }
            lock.unlock()

            let outcome = batch.process(record, destination: destination)

            lock.lock()
            finished[place] = outcome
            // One thread at a time delivers, outside the lock, so writing files never
            // holds up the reader or the other workers; the others just leave their outcome.
            guard !delivering else {
                lock.unlock()
                continue
            }
            delivering = true
            while true {
                var ready: [BatchOutcome] = []
                while let next = finished.removeValue(forKey: nextToDeliver) {
                    ready.append(next)
                    nextToDeliver += 1
                }
                guard !ready.isEmpty else { break }
                let fraction = fractionRead
                lock.unlock()
                for outcome in ready { deliver(outcome, fractionRead: fraction) }
                lock.lock()
                inFlight -= ready.count
                lock.broadcast()
            }
            delivering = false
            lock.unlock()
        }
    }

    /// Writes, merges and reports one record, in input order. Only the thread that set
    /// `delivering` calls this, so the delivery state needs no lock of its own.
    private func deliver(_ outcome: BatchOutcome, fractionRead: Double?) {
        var event: BatchEvent
        switch outcome {
        case .failed(let failure):
            event = .failed(failure)
        case .rendered(let rendered):
            event = .rendered(record: rendered.record, path: nil, pages: rendered.pages, warnings: rendered.warnings,
                              key: rendered.key, sha256: nil)
            if let directory = destination.directory, let file = rendered.file {
                let path = directory.appendingPathComponent(file.name).path
                if let first = writtenNames[file.name] {
                    event = .failed(BatchFailure(record: rendered.record, line: rendered.line,
                                                 problem: .duplicateName(file.name, firstRecord: first), key: rendered.key))
                } else {
                    do {
                        try AtomicFile.write(file.bytes, to: path)
                        writtenNames[file.name] = rendered.record
                        event = .rendered(record: rendered.record, path: path, pages: rendered.pages,
                                          warnings: rendered.warnings, key: rendered.key, sha256: file.sha256)
                    } catch {
                        event = .failed(BatchFailure(record: rendered.record, line: rendered.line, problem: .document(error),
                                                     key: rendered.key))
                    }
                }
            }
            if case .rendered = event, let list = rendered.list {
                if merged == nil { merged = list } else { merged?.append(list) }
            }
        }
        progress.done += 1
        progress.fractionRead = fractionRead
        switch event {
        case .rendered:
            progress.rendered += 1
            summary.rendered += 1
        case .failed(let failure):
            progress.failed += 1
            summary.failed += 1
            if failure.isOutputFailure { summary.outputFailures += 1 }
        }
        events(event, progress)
    }
}
