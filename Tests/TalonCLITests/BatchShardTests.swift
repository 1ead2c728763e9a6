import Foundation
import Testing
import TestSupport

/// `talon batch --shard/--shards/--shard-key`, `--results` and `--resume`, and JSON Lines
/// from standard input, through the built binary.
@Suite struct BatchShardTests {
    /// 14 cards, the 9th without its serial number.
    static func input() -> String {
        (1...14).map { index in
            let card = BatchCommandTests.card(index)
            return index == 9 ? card.replacingOccurrences(of: #","serial":"SN9""#, with: "") : card
        }.joined(separator: "\n") + "\n"
    }

    /// The result lines of a run, by record number.
    static func results(_ text: String) throws -> [Int: [String: Any]] {
        var lines: [Int: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let record = try #require(object["record"] as? Int)
            #expect(lines[record] == nil, "record \(record) reported once")
            lines[record] = object
        }
        return lines
    }

    static func sha256(_ object: [String: Any]?) -> String? { object?["sha256"] as? String }

    @Test(arguments: [[String](), ["--shard-key", "{card.number}"]])
    func shardsAreDisjointCoverTheInputAndMatchAWholeRun(key: [String]) throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("cards.jsonl")
        try Self.input().write(to: input, atomically: true, encoding: .utf8)

        // The whole input from standard input, results on standard output.
        let whole = try TestSupport.talon(["batch", "warranty-card", "-", "--input-format", "jsonl", "--out-dir",
                                           folder.appendingPathComponent("whole").path, "--results", "-", "--quiet"] + key,
                                          stdin: Data(Self.input().utf8))
        #expect(whole.status == 1, "record 9 fails: \(whole.stderrText)")
        let expected = try Self.results(whole.stdoutText)
        #expect(expected.count == 14)
        let failed = try #require(expected[9])
        #expect(failed["status"] as? String == "failed")
        let errors = failed["errors"] as? [[String: String]]
        #expect(errors?.first?["path"] == "$.product.serial" && errors?.first?["message"] == "required", "\(failed)")
        #expect(expected[1]?["pages"] as? Int == 2 && Self.sha256(expected[1])?.count == 64)

        // Three shards, each into its own folder (as on three machines); the last from the environment.
        var seen: [Int: Int] = [:]
        for shard in 0..<3 {
            let out = folder.appendingPathComponent("shard-\(shard)").path
            let results = folder.appendingPathComponent("shard-\(shard).jsonl").path
            let selection = shard == 2 ? ["--shards", "3"] : ["--shard", "\(shard)/3"]
            var environment = ProcessInfo.processInfo.environment
            environment["JOB_COMPLETION_INDEX"] = shard == 2 ? "2" : nil
            let run = try TestSupport.talon(["batch", "warranty-card", input.path, "--out-dir", out, "--results", results, "--quiet"]
                                            + selection + key, environment: environment)
            #expect(run.status == 0 || run.status == 1, "\(run.stderrText)")
            for (record, line) in try Self.results(String(contentsOfFile: results, encoding: .utf8)) {
                #expect(seen[record] == nil, "record \(record) in shards \(seen[record] ?? -1) and \(shard)")
                seen[record] = shard
                #expect(line["status"] as? String == expected[record]?["status"] as? String)
                #expect(Self.sha256(line) == Self.sha256(expected[record]), "record \(record): same bytes in its shard")
                if let path = line["path"] as? String {
                    #expect(FileManager.default.fileExists(atPath: path))
                    #expect(path.hasPrefix(out))
                }
            }
        }
        #expect(Set(seen.keys) == Set(1...14), "the shards together are the whole input")
        #expect(Set(seen.values).count == 3, "every shard got records: \(seen)")
    }

    @Test func resumeSkipsWhatWasWrittenAndIgnoresACutOffLine() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("cards.jsonl")
        try Self.input().write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("cards").path
        let results = folder.appendingPathComponent("results.jsonl").path
        let first = try TestSupport.talon(["batch", "warranty-card", input.path, "--out-dir", out, "--results", results, "--quiet"])
        #expect(first.status == 1)
        // As if the first run had been killed after record 5, in the middle of writing record 6's line.
        let lines = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(5).joined(separator: "\n") + "\n" + lines[5].prefix(20)).write(toFile: results, atomically: true, encoding: .utf8)

        let resumed = try TestSupport.talon(["batch", "warranty-card", input.path, "--out-dir", out, "--resume", results,
                                             "--results", "-"])
        #expect(resumed.status == 1, "record 9 still fails")
        #expect(try Set(Self.results(resumed.stdoutText).keys) == Set(6...14))
        #expect(resumed.stderrText.contains("5 skipped"), "\(resumed.stderrText)")

        let broken = folder.appendingPathComponent("broken.jsonl").path
        try "not json\n{\"record\":1,\"status\":\"written\",\"key\":\"1\"}\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try TestSupport.talon(["batch", "warranty-card", input.path, "--out-dir", out, "--resume", broken])
        #expect(refused.status == 1 && refused.stderrText.contains("broken.jsonl:1"), "\(refused.stderrText)")
    }

    @Test func badShardsAreUsageErrors() throws {
        let samples = BatchCommandTests.samples
        for (arguments, message) in [(["--shard", "3/3"], "from 0 to 2"), (["--shards", "4"], "JOB_COMPLETION_INDEX"),
                                     (["--shard", "1/2", "--shard-key", "card..number"], "dotted field path")] {
            var environment = ProcessInfo.processInfo.environment
            environment["JOB_COMPLETION_INDEX"] = nil
            let run = try TestSupport.talon(["batch", "warranty-card", samples, "--out-dir", "unused"] + arguments, environment: environment)
            #expect(run.status == 2 && run.stderrText.contains(message), "\(arguments): \(run.stderrText)")
        }
    }
}
