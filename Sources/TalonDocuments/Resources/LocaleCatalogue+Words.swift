import Foundation
import Mustache

/// The catalogue's texts as the nested map templates see under `t`: `rma.title` is the
/// member `title` of the member `rma`.
extension LocaleCatalogue {
    /// The names of a dotted key (`rma.title` → `rma`, `title`), split at its `.` bytes
    /// (a `.` is never part of a longer character).
    static func path(of key: String) -> [String] {
        var names: [String] = []
        let utf8 = key.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: ".") {
                names.append(String(key[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        names.append(String(key[start...]))
        return names
    }

    /// Whether a text has a `{{` tag, looked for as bytes (with memchr: most texts have no `{`).
    static func hasTag(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            while let brace = memchr(base + start, Int32(UInt8(ascii: "{")), bytes.count - start) {
                let next = UnsafeRawPointer(base).distance(to: brace) + 1
                if next < bytes.count, bytes[next] == UInt8(ascii: "{") { return true }
                start = next
                if start >= bytes.count { return false }
            }
            return false
        }
    }
}

/// The nested map of texts while it is built: each map is made once, when it is complete,
/// rather than taken out of its parent and put back for every key under it.
final class WordTree {
    private var texts: [String: String] = [:]
    private var maps: [String: WordTree] = [:]

    /// Puts `text` at the dotted `key`; false when a text is where a map has to be, or a map
    /// where the text has to be. The key is split at its `.` bytes as it goes.
    func insert(_ text: String, at key: String) -> Bool {
        var tree = self
        let utf8 = key.utf8
        var start = utf8.startIndex
        while let dot = utf8[start...].firstIndex(of: UInt8(ascii: ".")) {
            let name = String(key[start..<dot])
            guard tree.texts[name] == nil else { return false }
            if let next = tree.maps[name] {
                tree = next
            } else {
                let next = WordTree()
                tree.maps[name] = next
                tree = next
            }
            start = utf8.index(after: dot)
        }
        let last = String(key[start...])
        guard tree.maps[last] == nil else { return false }
        tree.texts[last] = text
        return true
    }

    /// The finished map.
    var value: TemplateValue {
        var members = [String: TemplateValue](minimumCapacity: texts.count + maps.count)
        for (name, text) in texts { members[name] = .string(text) }
        for (name, tree) in maps { members[name] = tree.value }
        return .map(members)
    }
}
