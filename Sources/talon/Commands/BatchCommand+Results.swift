import Foundation
import TalonDocuments
import Warranty

/// `talon batch --results <file|->`: one JSON line per record, as it is finished, in input
/// order. A file is appended to (a resumed run adds its lines after the first run's):
///
///     {"key":"ГТ-2025-000001","pages":2,"path":"cards/ГТ-2025-000001.pdf","record":1,"sha256":"…","status":"written"}
///     {"errors":[{"message":"required","path":"$.product.serial"}],"key":"2","line":2,"record":2,"status":"failed"}
///
/// `--resume <file>` reads such lines back: records `written` with the same key are skipped.
///
/// `@unchecked Sendable`: `BatchRenderer` calls `record` one call at a time.
final class BatchResultsLog: @unchecked Sendable {
    private let handle: FileHandle
    let path: String
    /// `--out-dir` as given, so the paths in the lines are as the user named the folder.
    let outputFolder: String?
    private(set) var writeError: String?

    /// Opens `path` for appending (created when missing), or standard output for `-`.
    init(path: String, outputFolder: String?) throws(CLIError) {
        self.path = path
        self.outputFolder = outputFolder
        if path == "-" {
            handle = FileHandle.standardOutput
            return
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw .talon(.output(path: path, reason: "cannot create the results file"))
            }
        }
        guard let opened = FileHandle(forWritingAtPath: path) else {
            throw .talon(.output(path: path, reason: "cannot open the results file"))
        }
        handle = opened
        do {
            try handle.seekToEnd()
        } catch {
            throw .talon(.output(path: path, reason: "cannot append: \(error.localizedDescription)"))
        }
    }

    func record(_ event: BatchEvent) {
        guard writeError == nil else { return }
        do {
            try handle.write(contentsOf: Data((line(event) + "\n").utf8))
        } catch {
            writeError = error.localizedDescription
        }
    }

    /// The JSON line of one record.
    func line(_ event: BatchEvent) -> String {
        var object: [String: Any]
        switch event {
        case .rendered(let record, let path, let pages, _, let key, let sha256):
            object = ["record": record, "key": key, "status": "written", "pages": pages]
            if let path {
                let name = URL(fileURLWithPath: path).lastPathComponent
                object["path"] = outputFolder.map { $0.hasSuffix("/") ? $0 + name : $0 + "/" + name } ?? path
            }
            if let sha256 { object["sha256"] = sha256 }
        case .failed(let failure):
            object = ["record": failure.record, "status": "failed", "errors": Self.errors(failure.problem)]
            if let key = failure.key { object["key"] = key }
            if let line = failure.line { object["line"] = line }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Validation problems by JSON path; any other error as its message.
    static func errors(_ problem: BatchProblem) -> [[String: String]] {
        if case .document(.validation(let error)) = problem {
            return error.problems.map { ["path": $0.path, "message": $0.reason] }
                + (error.omitted > 0 ? [["message": "and \(error.omitted) more problems"]] : [])
        }
        let text = BatchFailure(record: 0, line: nil, problem: problem).description
        return [["message": String(text.drop { $0 != ":" }.dropFirst().drop(while: \.isWhitespace))]]
    }

    /// Records written by an earlier run, from its results file: record number → key. A last
    /// line cut off mid-way (the run was killed while writing it) is ignored.
    static func done(readingFrom path: String) throws(CLIError) -> [Int: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .talon(.input(path: path, reason: "cannot read the results file"))
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var done: [Int: String] = [:]
        for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let record = object["record"] as? Int, let status = object["status"] as? String else {
                if index == lines.count - 1 { break }
                throw .talon(.input(path: "\(path):\(index + 1)", reason: "not a result line ({\"record\": …, \"status\": …})"))
            }
            if status == "written", let key = object["key"] as? String { done[record] = key }
        }
        return done
    }
}
