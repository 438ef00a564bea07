import Foundation
import Testing

/// A run killed with SIGKILL at any moment leaves the output file as it
/// was or complete, never partial: outputs are written to a hidden
/// temporary file and renamed over the target.
@Suite("a killed run never leaves a partial file")
struct KilledRunTests {
    /// Several sites and systems at 0.1 m: long enough to kill at many points.
    static let arguments = ["--from", "Baghdad", "--from", "Riyadh", "--from", "Tehran", "--missile", "Zolfaghar",
                            "--missile", "Zelzal-2", "--tolerance", "0.1m", "--output", "out.geojson"]

    @Test("SIGKILL at 12 moments of a run: the old bytes or the whole new file, each time")
    func killedAtManyMoments() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let executable = try Repository.executable()
        let fullArguments = ["rings", "--data", Repository.gazetteer.path] + Self.arguments

        // One complete run gives the new bytes and the run time.
        let started = Date()
        let complete = try runProcess(executable, fullArguments, in: scratch.url)
        let duration = Date().timeIntervalSince(started)
        try #require(complete.status == 0, "\(complete)")
        let newBytes = try Data(contentsOf: scratch.url.appendingPathComponent("out.geojson"))
        try #require(newBytes.count > 100_000)

        let old = Data("{\"type\":\"FeatureCollection\",\"features\":[]}\n".utf8)
        let fractions = [0.05, 0.2, 0.4, 0.6, 0.75, 0.85, 0.9, 0.94, 0.97, 0.99, 1.0, 1.02]
        var sawOld = false
        for fraction in fractions {
            let target = scratch.url.appendingPathComponent("out.geojson")
            try old.write(to: target)
            let process = Process()
            process.executableURL = executable
            process.arguments = fullArguments
            process.currentDirectoryURL = scratch.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let left = try Data(contentsOf: target)
            #expect(left == old || left == newBytes, "at \(fraction) of the run: \(left.count) bytes, neither old nor complete")
            if left == old { sawOld = true }
            // Nothing visible besides the target; a killed run may leave only its hidden temporary file.
            let visible = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { !$0.hasPrefix(".") }
            #expect(visible == ["out.geojson"], "\(visible)")
        }
        #expect(sawOld, "no kill landed before the write; the run was too short to test")
    }
}
