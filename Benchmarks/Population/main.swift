import Foundation
import Gazetteer
import GeoModel
import ThreatModel

// People in reach, in process: the populated rows of a gazetteer.tsv and a
// CSV of launch sites (name,latitude,longitude), one range in kilometres.
// Prints one JSON object: seconds (best of RUNS), people, places.
//
//   PopulationBenchmark Gazetteer/gazetteer.tsv sites.csv 700 [runs]

let arguments = CommandLine.arguments
guard arguments.count >= 4, let kilometres = Double(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: PopulationBenchmark gazetteer.tsv sites.csv range_km [runs]\n".utf8))
    exit(64)
}
let runs = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3

func lines(_ path: String) throws -> [Substring] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
}

var places = [PopulatedPlace]()
for line in try lines(arguments[1]) where !line.hasPrefix("#") {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard ["capital", "city", "town"].contains(fields[0]), let population = Int(fields[3]), population > 0,
          let latitude = Double(fields[4]), let longitude = Double(fields[5]) else { continue }
    places.append(PopulatedPlace(coordinate: Coordinate(latitude: latitude, longitude: longitude), population: population,
                                 country: String(fields[1])))
}
var sites = [LaunchSite]()
for line in try lines(arguments[2]).dropFirst() {
    let fields = line.split(separator: ",")
    let coordinate = Coordinate(latitude: Double(fields[1])!, longitude: Double(fields[2])!)
    sites.append(LaunchSite(place: Place(name: String(fields[0]), coordinate: coordinate, kind: .coordinate, country: "", source: "benchmark")))
}
let system = MissileSystem(name: "\(arguments[3]) km", category: .range, range: .kilometers(kilometres), source: "benchmark")
var best = Double.infinity
var result: PeopleInReach?
for _ in 0..<max(1, runs) {
    let clock = ContinuousClock(), start = clock.now
    result = try PeopleInReach(launches: sites.map { ($0, [system]) }, places: places)
    let elapsed = clock.now - start
    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}
let coverage = result!.coverages[0]
print("{\"seconds\": \(best), \"people\": \(coverage.people), \"places\": \(coverage.reached.count), \"candidates\": \(places.count)}")
