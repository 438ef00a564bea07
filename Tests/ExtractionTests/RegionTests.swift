@testable import Extraction
import Foundation
import Gazetteer
import Geodesy
import GeoModel
import Testing
import ThreatModel

@Suite struct RegionTests {
    /// Writes a region and reads it back as a launch area (GEOS checks validity).
    func launchArea(_ region: RegionArea) throws -> LaunchSite {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("region-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(GeoJSONText.featureCollection(name: region.name, source: region.source, area: region.area).utf8).write(to: url)
        let sites = try LaunchSiteFile.read(url)
        try #require(sites.count == 1)
        return sites[0]
    }

    @Test func southernIraqIsTheSouthernThirdOfIraqAndValid() throws {
        let iraq = try TestData.gazetteer.resolve("Iraq")
        let area = try #require(iraq.area)
        let region = try #require(Regions.part(.south, of: iraq))
        #expect(region.name == "Southern Iraq")
        #expect(region.fileName == "southern-iraq.geojson")
        let latitudes = area.polygons.flatMap { $0.exterior.map(\.latitude) }
        let limit = latitudes.min()! + (latitudes.max()! - latitudes.min()!) / 3
        for polygon in region.area.polygons {
            #expect(polygon.exterior.allSatisfy { $0.latitude <= limit + 1e-6 })
        }
        let site = try launchArea(region)
        #expect(site.place.coordinate.latitude < limit)
        // Basra is in the south; Baghdad is not.
        #expect(RingGeometry.location(of: try TestData.gazetteer.resolve("Basra").coordinate,
                                     in: region.area.polygons.max { $0.exterior.count < $1.exterior.count }!.exterior) == .inside)
    }

    @Test(arguments: RegionPart.allCases)
    func everyPartOfSeveralCountriesIsAValidArea(_ part: RegionPart) throws {
        for name in ["Iraq", "Iran", "Syria", "Lebanon", "Yemen", "Ukraine", "Israel"] {
            let country = try TestData.gazetteer.resolve(name)
            let region = try #require(Regions.part(part, of: country), "\(part) \(name)")
            _ = try launchArea(region)
        }
    }

    @Test func easternRussiaAcrossTheAntimeridianStaysInRange() throws {
        let russia = try TestData.gazetteer.resolve("Russia")
        try #require(russia.area != nil)
        let region = try #require(Regions.part(.east, of: russia))
        for polygon in region.area.polygons {
            #expect(polygon.exterior.allSatisfy { (-180...180).contains($0.longitude) })
        }
        _ = try launchArea(region)
    }

    @Test func clippingAConcaveRingKeepsSeparatePieces() {
        // A "U" open to the north, cut below its top: two prongs.
        let ring: Ring = [
            .init(latitude: 0, longitude: 0), .init(latitude: 0, longitude: 3), .init(latitude: 3, longitude: 3),
            .init(latitude: 3, longitude: 2), .init(latitude: 1, longitude: 2), .init(latitude: 1, longitude: 1),
            .init(latitude: 3, longitude: 1), .init(latitude: 3, longitude: 0), .init(latitude: 0, longitude: 0),
        ]
        let pieces = AreaClipping.clip(Polygon(exterior: ring), to: .init(axis: .latitude, value: 2, keepBelow: false))
        #expect(pieces.count == 2)
        let below = AreaClipping.clip(Polygon(exterior: ring), to: .init(axis: .latitude, value: 2, keepBelow: true))
        #expect(below.count == 1)
        #expect(abs(abs(RingGeometry.signedDoubleArea(below[0].exterior)) / 2 - 5) < 1e-9)
    }

    @Test func iraqiKurdistanIsItsThreeGovernorates() throws {
        let (region, parts) = try #require(Regions.named("iraqi kurdistan", gazetteer: TestData.gazetteer))
        #expect(parts.count == 3)
        #expect(region.fileName == "iraqi-kurdistan.geojson")
    }

    @Test func relativePlacesAreGeodesicOffsets() throws {
        let extraction = TestData.extractor.extract(text: "Rockets were fired from 25 km north-west of Karbala and from north of Basra at Baghdad.", source: "t")
        let karbala = try TestData.gazetteer.resolve("Karbala"), basra = try TestData.gazetteer.resolve("Basra")
        let stated = try #require(extraction.sites.first { $0.name == "25 km north-west of Karbala" })
        let inverse = Geodesic.wgs84.inverse(from: karbala.coordinate, to: stated.coordinate)
        #expect(abs(inverse.distance.meters - 25_000) < 1e-6)
        #expect(abs(remainder(inverse.initialAzimuth - 315, 360)) < 1e-9)
        let unstated = try #require(extraction.sites.first { $0.name == "North of Basra" })
        let fromBasra = Geodesic.wgs84.inverse(from: basra.coordinate, to: unstated.coordinate)
        #expect(abs(fromBasra.distance.meters - Extractor.defaultOffset.meters) < 1e-6)
        #expect(extraction.targets.map(\.name) == ["Baghdad"])
    }
}

@Suite struct RangeMentionTests {
    func ranges(_ text: String) -> [StatedRange] {
        let sentence = SentenceSplitter.sentences(text)[0]
        return RangeMentions.ranges(in: sentence.tokens, sentence: sentence.text).map(\.range)
    }

    @Test func spansUnitsAndConversions() {
        let span = ranges("The missiles have ranges of 200 to 700 kilometers (124 to 435 miles), officials said.")
        #expect(span.count == 1)
        #expect(span.first?.range == .kilometers(700) && span.first?.low == .kilometers(200))
        #expect(span.first?.phrase == "ranges of 200 to 700 kilometers (124 to 435 miles)")
        #expect(ranges("It has a range of 300km.").first?.range == .kilometers(300))
        #expect(ranges("It has a range of 1,000 km.").first?.range == .kilometers(1000))
        #expect(ranges("a 700-km range missile").first?.range == .kilometers(700))
        #expect(ranges("It can fly 435 miles.").first?.range == .meters(435 * 1609.344))
        #expect(ranges("It can travel between 200 and 300 km.").first?.low == .kilometers(200))
        let minimum = ranges("It has a range of 300 km and a minimum range of 50 km.")
        #expect(minimum.first?.minimum == .kilometers(50))
    }

    @Test func offsetsAreNotRanges() {
        #expect(ranges("Rockets were fired from 8 km west of Erbil.").isEmpty)
        #expect(ranges("The base lies 30 km from the border.").isEmpty)
    }
}
