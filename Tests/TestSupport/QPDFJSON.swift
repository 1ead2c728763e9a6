import Foundation

/// A PDF as `qpdf --json` (version 2) describes it: every object by reference, stream data
/// decoded. Strings come as "u:text" (Unicode) or "b:hex" (bytes).
public struct QPDFJSON {
    public let objects: [String: Any]

    public init(path: String) throws {
        let result = try TestSupport.run("qpdf", ["--json", "--json-key=qpdf", "--json-stream-data=inline",
                                                   "--decode-level=generalized", path])
        guard result.status == 0 || result.status == 3,
              let root = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
              let parts = root["qpdf"] as? [Any], parts.count == 2, let objects = parts[1] as? [String: Any] else {
            throw QPDFJSONError.unreadable(result.stderrText)
        }
        self.objects = objects
    }

    public var trailer: [String: Any] { (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:] }

    /// The value behind `item`: a reference ("12 0 R") is followed to its object (a
    /// stream's dictionary for a stream); anything else is returned as it is.
    public func resolve(_ item: Any?) -> Any? {
        guard let reference = item as? String, reference.hasSuffix(" R"),
              let object = objects["obj:\(reference)"] as? [String: Any] else { return item }
        if let stream = object["stream"] as? [String: Any] { return stream["dict"] }
        return object["value"]
    }

    public func dictionary(_ item: Any?) -> [String: Any]? { resolve(item) as? [String: Any] }

    /// The decoded data of the stream `reference` refers to.
    public func streamData(_ reference: Any?) -> Data? {
        guard let reference = reference as? String, let object = objects["obj:\(reference)"] as? [String: Any],
              let stream = object["stream"] as? [String: Any], let data = stream["data"] as? String else { return nil }
        return Data(base64Encoded: data)
    }

    /// Every dictionary of the file (stream dictionaries included).
    public var dictionaries: [[String: Any]] {
        objects.keys.filter { $0.hasPrefix("obj:") }.sorted().compactMap { dictionary("\($0.dropFirst(4))") }
    }

    /// The text of a PDF string in qpdf's notation.
    public static func text(_ item: Any?) -> String? {
        guard let string = item as? String else { return nil }
        if string.hasPrefix("u:") { return String(string.dropFirst(2)) }
        return nil
    }

    public enum QPDFJSONError: Error { case unreadable(String) }
}
