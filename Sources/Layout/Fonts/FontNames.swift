/// The PostScript and family names from the `name` table (Windows Unicode or Mac Roman records).
struct FontNames {
    var postScriptName = ""
    var familyName = ""

    init(file: FontBytes, offset table: Int) throws(FontError) {
        let count = try file.u16(table + 2), strings = table + (try file.u16(table + 4))
        var found: [Int: String] = [:]
        for index in 0..<count {
            let record = table + 6 + index * 12
            let platform = try file.u16(record), nameID = try file.u16(record + 6)
            guard nameID == 1 || nameID == 6 else { continue }
            let length = try file.u16(record + 8), start = strings + (try file.u16(record + 10))
            guard start + length <= file.bytes.count else { throw .truncated(table: "name") }
            let raw = file.bytes[start..<start + length]
            let text: String
            if platform == 3 || platform == 0 {
                var units: [UInt16] = []
                var position = raw.startIndex
                while position + 1 < raw.endIndex {
                    units.append(UInt16(raw[position]) << 8 | UInt16(raw[position + 1]))
                    position += 2
                }
                text = String(decoding: units, as: UTF16.self)
            } else if platform == 1 {
                text = String(decoding: raw, as: UTF8.self)
            } else {
                continue
            }
            if found[nameID] == nil || platform == 3 { found[nameID] = text }
        }
        guard let postScript = found[6], !postScript.isEmpty else {
            throw .unsupported("no PostScript name (name ID 6)")
        }
        postScriptName = postScript
        familyName = found[1] ?? postScript
    }
}
