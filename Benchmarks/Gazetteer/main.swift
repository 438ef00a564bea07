// Gazetteer benchmark (not a test): bundled load time, exact and fuzzy
// lookups, loading a 200,000-row GeoNames dump made from the bundled data,
// and `threatmap resolve Baghdad` as a whole process. Run with `make bench-gazetteer` (release build). Timings are
// printed against the targets, never asserted.
import Foundation
import Gazetteer
import GeoModel

struct Clock {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU seconds used by the process so far (all threads, user + system).
    static func processCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// The 1-minute load average: wall times mean little on a busy machine.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func report(_ label: String, _ measured: String, target: String, pass: Bool) {
    let padded = label.padding(toLength: 44, withPad: " ", startingAt: 0)
    print("\(padded) \(measured.padding(toLength: 16, withPad: " ", startingAt: 0)) target \(target.padding(toLength: 10, withPad: " ", startingAt: 0)) \(pass ? "ok" : "MISSED")")
}

let arguments = CommandLine.arguments.dropFirst()
let dataDirectory = URL(fileURLWithPath: arguments.first ?? "Gazetteer")
let runs = Int(ProcessInfo.processInfo.environment["RUNS"] ?? "") ?? 7

// 1. Bundled load.
var loadTimes = [Double]()
var loaded: Gazetteer?
let cpuBefore = Clock.processCPU()
for _ in 0..<runs {
    loadTimes.append(try Clock.seconds { loaded = try Gazetteer(dataDirectory: dataDirectory) })
}
let loadCPU = (Clock.processCPU() - cpuBefore) / Double(runs)
let gazetteer = loaded!
if ProcessInfo.processInfo.environment["LOAD_ONLY"] != nil {
    print(String(format: "load: median %.1f ms, best %.1f ms", median(loadTimes) * 1000, loadTimes.min()! * 1000))
    exit(0)
}
print("Gazetteer benchmark: \(gazetteer.count) places from \(dataDirectory.path), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadAverage())")
print("")
report("bundled load (median of \(runs))", String(format: "%.1f ms", median(loadTimes) * 1000), target: "< 150 ms", pass: median(loadTimes) < 0.150)
print("  best \(String(format: "%.1f", loadTimes.min()! * 1000)) ms, worst \(String(format: "%.1f", loadTimes.max()! * 1000)) ms; \(String(format: "%.0f", loadCPU * 1000)) ms of CPU per load (both cores)")
let looseSeconds = Clock.seconds { _ = try? gazetteer.resolve("Qaryat al-Nasiriyyah al-Kubra") }
print("  the loose index, built on the first name with no exact match: \(String(format: "%.0f", looseSeconds * 1000)) ms, once")

// Queries: every 23rd place's name and last alias, as typed (case varied).
let everyPlace = gazetteer.places
var queries = [String]()
for (index, place) in everyPlace.enumerated() where index % 23 == 0 {
    queries.append(index % 2 == 0 ? place.name : place.name.uppercased())
    if let alias = place.aliases.last { queries.append(alias) }
}

// 2. Exact lookups.
var resolved = 0
var exactTimes = [Double]()
let exactCPUBefore = Clock.processCPU()
for _ in 0..<3 {
    resolved = 0
    exactTimes.append(Clock.seconds {
        for query in queries where (try? gazetteer.resolve(query)) != nil { resolved += 1 }
    })
}
let exactEach = median(exactTimes) / Double(queries.count)
let exactCPUEach = (Clock.processCPU() - exactCPUBefore) / Double(3 * queries.count)
report("exact resolve (\(queries.count) names)", String(format: "%.2f µs", exactEach * 1e6), target: "< 5 µs", pass: exactEach < 5e-6)
print("  \(String(format: "%.0f", 1 / exactEach)) lookups/s; \(String(format: "%.2f", exactCPUEach * 1e6)) µs of CPU each; \(resolved) of \(queries.count) resolved (the place built, aliases and all)")

// 3. Fuzzy: misspell 1,000 names (drop or swap a letter) and ask for suggestions.
var misspelled = [String]()
for (index, query) in queries.enumerated() where misspelled.count < 1000 {
    var letters = Array(query.lowercased())
    guard letters.count >= 5, letters.allSatisfy({ $0.isASCII }) else { continue }
    if index % 2 == 0 {
        letters.remove(at: letters.count / 2)
    } else {
        letters.swapAt(1, 2)
    }
    misspelled.append(String(letters))
}
var found = 0
var fuzzyTimes = [Double]()
_ = gazetteer.suggestions(for: "warm up the fuzzy index")
let fuzzyCPUBefore = Clock.processCPU()
for _ in 0..<3 {
    found = 0
    fuzzyTimes.append(Clock.seconds {
        for query in misspelled where !gazetteer.suggestions(for: query).isEmpty { found += 1 }
    })
}
let fuzzyEach = median(fuzzyTimes) / Double(max(misspelled.count, 1))
let fuzzyCPUEach = (Clock.processCPU() - fuzzyCPUBefore) / Double(3 * max(misspelled.count, 1))
report("fuzzy suggestions (\(misspelled.count) typos)", String(format: "%.3f ms", fuzzyEach * 1e3), target: "< 2 ms", pass: fuzzyEach < 2e-3)
print("  \(String(format: "%.0f", 1 / fuzzyEach)) lookups/s; \(String(format: "%.3f", fuzzyCPUEach * 1e3)) ms of CPU each (both cores); \(found) of \(misspelled.count) got suggestions")

// 4. A 200,000-row GeoNames dump made from the bundled places.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let dump = scratch.appendingPathComponent("bench200k.txt")
var text = ""
text.reserveCapacity(40 << 20)
var rows = 0
var index = 0
while rows < 200_000 {
    let place = everyPlace[index % everyPlace.count]
    index += 1
    if place.area != nil { continue }
    let alternates = place.aliases.map { $0.replacingOccurrences(of: ",", with: " ") }.joined(separator: ",")
    let fields = [
        String(9_000_000 + rows), place.name, place.name, alternates,
        String(format: "%.5f", place.coordinate.latitude), String(format: "%.5f", place.coordinate.longitude),
        "P", "PPL", place.country, "", place.admin1, "", "", "", String(place.population ?? 0), "", "0", "UTC", "2024-01-01",
    ]
    text += fields.joined(separator: "\t") + "\n"
    rows += 1
}
try text.write(to: dump, atomically: false, encoding: .utf8)
let size = (try FileManager.default.attributesOfItem(atPath: dump.path)[.size] as? NSNumber)?.intValue ?? 0
var withDump: Gazetteer?
var dumpTimes = [Double]()
for _ in 0..<3 {
    dumpTimes.append(try Clock.seconds { withDump = try Gazetteer(dataDirectory: dataDirectory, extraFiles: [dump]) })
}
let dumpOnly = median(dumpTimes) - median(loadTimes)
print("")
print("bundled + 200,000-row GeoNames dump (\(String(format: "%.1f", Double(size) / 1_048_576)) MB): \(String(format: "%.0f", median(dumpTimes) * 1000)) ms in all, \(String(format: "%.0f", dumpOnly * 1000)) ms for the dump (\(String(format: "%.0f", 200_000 / dumpOnly)) rows/s); \(withDump!.count) places")

// 5. The whole process: `threatmap resolve Baghdad` (the release build
// beside this benchmark), started afresh each run; the first run, which
// may build the index cache, is not counted.
let threatmap = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("threatmap")
if FileManager.default.isExecutableFile(atPath: threatmap.path) {
    func runResolve() throws -> Double {
        let process = Process()
        process.executableURL = threatmap
        // As typed at the repository root: the data found as ./Gazetteer.
        process.arguments = ["resolve", "Baghdad"]
        process.currentDirectoryURL = dataDirectory.deletingLastPathComponent()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let seconds = try Clock.seconds {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else {
            print("threatmap resolve Baghdad failed with status \(process.terminationStatus)")
            exit(1)
        }
        return seconds
    }
    _ = try runResolve()
    let processRuns = max(runs, 10)
    var processTimes = [Double]()
    for _ in 0..<processRuns { processTimes.append(try runResolve()) }
    print("")
    report("threatmap resolve Baghdad (median of \(processRuns))", String(format: "%.1f ms", median(processTimes) * 1000), target: "< 100 ms", pass: median(processTimes) < 0.1)
    print("  whole process, wall time; best \(String(format: "%.1f", processTimes.min()! * 1000)) ms, worst \(String(format: "%.1f", processTimes.max()! * 1000)) ms")
} else {
    print("")
    print("threatmap resolve Baghdad: no release threatmap at \(threatmap.path); build it with `swift build -c release --product threatmap`")
}
