import Extraction
import FuzzSupport
import Foundation
import Gazetteer
import GeoModel
import ThreatModel

/// Article text extraction: any bytes (any encoding, HTML or not) give an
/// extraction and a scenario, never a crash; and the scenario written is
/// always well-formed YAML, whatever quotes, colons, `#` or markup the text
/// holds (a YAML error there would be an injection bug).
let gazetteer = Gazetteer(places: [
    Place(name: "Baghdad", coordinate: Coordinate(latitude: 33.34, longitude: 44.40), kind: .capital, country: "IQ", source: "fuzz"),
    Place(name: "Riyadh", coordinate: Coordinate(latitude: 24.69, longitude: 46.72), kind: .capital, country: "SA", source: "fuzz"),
    Place(name: "Karbala", coordinate: Coordinate(latitude: 32.62, longitude: 44.02), kind: .city, country: "IQ", source: "fuzz"),
    Place(name: "Iraq", coordinate: Coordinate(latitude: 33.2, longitude: 43.7), kind: .country, country: "IQ", source: "fuzz"),
])
let catalog = MissileCatalog(systems: [
    MissileSystem(name: "Zolfaghar", aliases: ["Zolfaqar"], category: .srbm, range: .kilometers(700), source: "fuzz"),
    MissileSystem(name: "Fateh-110", aliases: ["Fateh 110"], category: .srbm, range: .kilometers(300), source: "fuzz"),
])
let extractor = Extractor(gazetteer: gazetteer, catalog: catalog)
let base = URL(fileURLWithPath: NSTemporaryDirectory())

func fuzzOne(_ data: Data) {
    guard data.count < 1 << 16 else { return }
    let extraction = extractor.extract(data: data, source: "fuzz.txt")
    let writer = ScenarioWriter()
    let yaml = writer.yaml(extraction, stem: "fuzz", input: "fuzz.txt")
    _ = writer.regionFiles(extraction)
    do {
        _ = try ScenarioDocument.parse(yaml, file: "fuzz.yaml", baseDirectory: base)
    } catch {
        for issue in error.issues where issue.message.hasPrefix("not valid YAML") || issue.message.hasPrefix("duplicate key") {
            fatalError("extract wrote malformed YAML (\(issue)):\n\(yaml)")
        }
    }
}

#if FUZZING
@_cdecl("FuzzExtract_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc, arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOne(fuzzData($0, $1)); return 0 }
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(fuzzData(bytes, size))
    return 0
}
#else
/// Without libFuzzer: the seeded smoke run over the corpus.
@main
enum SmokeEntry {
    static func main() {
        exit(FuzzDriver.smokeRun(name: "FuzzExtract", arguments: Array(CommandLine.arguments.dropFirst()), fuzzOne))
    }
}
#endif
