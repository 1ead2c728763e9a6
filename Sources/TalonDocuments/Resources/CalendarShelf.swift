import Foundation
import Warranty

/// The business calendars of a template folder (`calendars/*.json`), read on first use:
/// service documents count business days with them, a warranty card needs none, so a card
/// printed by a fresh process does not pay for decoding them.
///
/// `@unchecked Sendable`: `loaded` is only read or written while `lock` is held.
final class CalendarShelf: @unchecked Sendable {
    let folder: URL
    private let lock = NSLock()
    private var loaded: [BusinessCalendar]?

    init(folder: URL) {
        self.folder = folder
    }

    /// The calendars for decoding a document of `kind`.
    func calendars(for kind: DocumentKind) throws(TalonError) -> [BusinessCalendar] {
        guard kind != .warrantyCard else { return [] }
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let calendars = try Self.load(folder)
        loaded = calendars
        return calendars
    }

    static func load(_ folder: URL) throws(TalonError) -> [BusinessCalendar] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        var calendars: [BusinessCalendar] = []
        for file in files {
            let path = folder.appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .input(path: path, reason: "cannot read calendar")
            }
            do {
                calendars.append(try BusinessCalendar.decode(json: data))
            } catch {
                throw .input(path: path, reason: "invalid calendar:\n\(error)")
            }
        }
        guard !calendars.isEmpty else { return ServiceDocument.defaultCalendars }
        // The first calendar is the default for data without "calendar": keep it the
        // built-in default (`ua`), not whichever file sorts first (`pl.json`).
        let defaultIdentifier = ServiceDocument.defaultCalendars.first?.identifier
        if let index = calendars.firstIndex(where: { $0.identifier == defaultIdentifier }) {
            calendars.insert(calendars.remove(at: index), at: 0)
        }
        return calendars
    }
}
