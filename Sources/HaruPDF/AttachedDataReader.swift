internal import CDeflate
import Layout

/// Reads back the data a PDF/A document made by Talon carries (`DocumentInfo.attachment`):
/// the embedded file stream and its name from the file specification. It reads the layout
/// `ObjectStreamPacker` writes (streams with a direct /Length, the other objects in one
/// object stream), not PDF files in general.
public enum AttachedDataReader {
    /// The attached file of `pdf`.
    /// - Throws: `HaruError.archive` when the file carries none or is not laid out as Talon
    ///   writes it.
    public static func attachment(in pdf: [UInt8]) throws(HaruError) -> AttachedFile {
        var embedded: [UInt8]?, objects: [UInt8] = []
        for stream in streams(in: pdf) {
            let dictionary = String(decoding: stream.dictionary.filter { $0 != 0x0A && $0 != 0x20 }, as: UTF8.self)
            let data = dictionary.contains("/Filter/FlateDecode") ? try inflated(stream.data) : Array(stream.data)
            if dictionary.contains("/Type/EmbeddedFile") {
                guard embedded == nil else { throw .archive("more than one attached file") }
                embedded = data
            } else if dictionary.contains("/Type/ObjStm") {
                objects += data
            }
        }
        guard let embedded else { throw .archive("no attached data: the file is not a PDF/A document made by Talon") }
        guard let name = fileName(in: objects) else { throw .archive("the attached data has no file name") }
        return AttachedFile(name: name, mimeType: "application/json", bytes: embedded)
    }

    /// SHA-256 of `bytes` in lowercase hexadecimal.
    public static func sha256(_ bytes: [UInt8]) -> String {
        Crypto.sha256(bytes).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// Every "N 0 obj <<...>> stream" of the file: its dictionary and data.
    static func streams(in pdf: [UInt8]) -> [(dictionary: ArraySlice<UInt8>, data: ArraySlice<UInt8>)] {
        var result: [(ArraySlice<UInt8>, ArraySlice<UInt8>)] = []
        let keyword = Array(">>\nstream\n".utf8), opening = Array(" 0 obj\n<<".utf8)
        var cursor = 0
        while let start = ObjectStreamPacker.firstIndex(of: opening, in: pdf[cursor...]),
              let end = ObjectStreamPacker.firstIndex(of: keyword, in: pdf[start...]) {
            let dictionary = pdf[(start + opening.count - 2)..<(end + 2)]
            let dataStart = end + keyword.count
            cursor = dataStart
            // A dictionary that spans another object's opening is no stream of its own.
            guard ObjectStreamPacker.firstIndex(of: Array("endobj".utf8), in: dictionary) == nil,
                  let length = ObjectStreamPacker.lengthValue(in: Array(dictionary)),
                  length <= pdf.count - dataStart else { continue }
            result.append((dictionary, pdf[dataStart..<(dataStart + length)]))
            cursor = dataStart + length
        }
        return result
    }

    /// The literal string after "/F" in the file specification.
    static func fileName(in objects: [UInt8]) -> String? {
        guard let key = ObjectStreamPacker.firstIndex(of: Array("/Type/Filespec".utf8), in: objects[...])
                ?? ObjectStreamPacker.firstIndex(of: Array("/Type /Filespec".utf8), in: objects[...]),
              let name = ObjectStreamPacker.firstIndex(of: Array("/F (".utf8), in: objects[key...])
                .map({ $0 + 3 }) ?? ObjectStreamPacker.firstIndex(of: Array("/F(".utf8), in: objects[key...]).map({ $0 + 2 })
        else { return nil }
        var bytes: [UInt8] = [], index = name + 1, escaped = false
        while index < objects.count {
            let byte = objects[index]
            if escaped {
                bytes.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: ")") {
                return String(decoding: bytes, as: UTF8.self)
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return nil
    }

    /// zlib data inflated with libdeflate, into a buffer that grows until it suffices.
    static func inflated(_ data: ArraySlice<UInt8>) throws(HaruError) -> [UInt8] {
        guard let decompressor = libdeflate_alloc_decompressor() else { throw .archive("out of memory") }
        defer { libdeflate_free_decompressor(decompressor) }
        var capacity = max(4096, data.count * 4)
        while capacity <= 1 << 28 {
            var produced = 0
            var output = [UInt8](repeating: 0, count: capacity)
            let result = data.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    libdeflate_zlib_decompress(decompressor, input.baseAddress, input.count, out.baseAddress, capacity, &produced)
                }
            }
            switch result {
            case LIBDEFLATE_SUCCESS: return Array(output.prefix(produced))
            case LIBDEFLATE_INSUFFICIENT_SPACE: capacity *= 4
            default: throw .archive("a stream does not inflate")
            }
        }
        throw .archive("a stream inflates to more than 256 MiB")
    }
}
