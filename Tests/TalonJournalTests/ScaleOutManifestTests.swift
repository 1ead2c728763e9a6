import Foundation
import Testing
import TestSupport

/// The Kubernetes manifests of docs/scale-out.md pass a strict schema check offline
/// (kubernetes-validate, installed by scripts/setup.sh --test), and the print run's shard
/// count is its completion count.
@Suite struct ScaleOutManifestTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("docs/scale-out")

    @Test func manifestsValidateAgainstTheKubernetesSchemas() throws {
        let tool = TestSupport.packageRoot.appendingPathComponent(".build/test-python/bin/kubernetes-validate").path
        #expect(FileManager.default.isExecutableFile(atPath: tool), "run scripts/setup.sh --test")
        let manifests = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { Self.folder.appendingPathComponent($0).path }
        #expect(manifests.count == 2)
        let result = try TestSupport.run(tool, ["-k", "1.30.0", "--strict"] + manifests)
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
        #expect(result.stdoutText.components(separatedBy: " passed for resource ").count - 1 == 5, "\(result.stdoutText)")

        let job = try String(contentsOf: Self.folder.appendingPathComponent("print-run-job.yaml"), encoding: .utf8)
        #expect(job.contains("completions: 4") && job.contains("--shards 4") && job.contains("completionMode: Indexed"))
    }
}
