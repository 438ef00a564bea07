import Foundation
import GeoModel
import GIS
import Testing

/// Layers written through GDAL and read back through GDAL.
@Suite struct VectorRoundTripTests {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gis-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private let area = MultiPolygon([Polygon(exterior: [
        Coordinate(latitude: 33, longitude: 42), Coordinate(latitude: 33, longitude: 43),
        Coordinate(latitude: 33.8, longitude: 43), Coordinate(latitude: 33, longitude: 42),
    ])])

    private func layers() -> [VectorLayer] {
        [
            VectorLayer(name: "sites", geometryType: .point, fields: [.init("name", .text), .init("rank", .integer), .init("weight", .real)], rows: [
                .init(shape: .point(Coordinate(latitude: 32.8777, longitude: 44.1545)), values: [.text("Jurf al-Sakhar"), .integer(1), .real(0.5)]),
                .init(shape: .point(Coordinate(latitude: -89.5, longitude: 179.999)), values: [.text("near the pole <&>"), .null, .real(-1)]),
            ], style: "<qgis/>"),
            VectorLayer(name: "paths", geometryType: .lineString, fields: [.init("name", .text)], rows: [
                // A path cut at ±180 goes out as two line features.
                .init(shape: .lines([LineString([Coordinate(latitude: 51, longitude: 179), Coordinate(latitude: 51.2, longitude: 180)]),
                                     LineString([Coordinate(latitude: 51.2, longitude: -180), Coordinate(latitude: 51.4, longitude: -179)])]),
                      values: [.text("across")]),
            ]),
            VectorLayer(name: "areas", geometryType: .multiPolygon, fields: [.init("name", .text)], rows: [
                .init(shape: .area(area), values: [.text("box")]),
            ]),
        ]
    }

    @Test(arguments: ["gpkg", "fgb", "shp"])
    func writtenLayersReadBackExactly(suffix: String) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("out.\(suffix)").path
        let output = try #require(VectorOutput(destination: destination))
        let written = try output.write(layers())
        func source(_ layer: String) -> VectorSource {
            suffix == "gpkg" ? VectorSource(path: destination, layer: layer) : VectorSource(path: directory.appendingPathComponent("out_\(layer).\(suffix)").path)
        }
        let expected = suffix == "gpkg" ? ["out.gpkg"] : ["sites", "paths", "areas"].map { "out_\($0).\(suffix)" }
        #expect(Set(expected).isSubset(of: Set(written.map { URL(fileURLWithPath: $0).lastPathComponent })), "\(written)")
        // FlatGeobuf's spatial index may reorder features.
        let sites = try source("sites").read().sorted { $0.name < $1.name }
        #expect(sites.map(\.name) == ["Jurf al-Sakhar", "near the pole <&>"])
        #expect(sites.map(\.shape) == [.point(Coordinate(latitude: 32.8777, longitude: 44.1545)), .point(Coordinate(latitude: -89.5, longitude: 179.999))])
        let paths = try source("paths").read()
        #expect(paths.count == 2)
        #expect(paths.allSatisfy { $0.name == "across" })
        // Shapefiles store exterior rings clockwise: the same ring, the other way round.
        let areas = try source("areas").read().map { feature -> VectorShape in
            guard case let .area(read) = feature.shape else { return feature.shape }
            return .area(MultiPolygon(read.polygons.map { Polygon(exterior: RingGeometry.oriented($0.exterior, counterClockwise: true)) }))
        }
        #expect(areas == [.area(area)])
        // Nothing but the outputs is left in the directory.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left.allSatisfy { !$0.hasPrefix(".") }, "\(left)")
    }

    @Test func aFailedWriteLeavesNothing() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("out.gpkg").path
        var bad = layers()
        bad[0].rows[0].values = [.text("too"), .text("many"), .text("values"), .text("here")]
        #expect(throws: GISError.self) { try VectorOutput(destination: destination)!.write(bad) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func sourcesAndOutputsAreRecognizedByName() {
        #expect(VectorSource.recognizes("sites.GPKG"))
        #expect(VectorSource.recognizes("PG:dbname=gis host=/run/postgresql"))
        #expect(!VectorSource.recognizes("targets.csv"))
        #expect(!VectorSource.recognizes("Baghdad"))
        #expect(!VectorSource.recognizes("dir.gpkg/Baghdad"))
        #expect(VectorOutput(destination: "x.fgb")?.format == .flatGeobuf)
        #expect(VectorOutput(destination: "x.geojson") == nil)
        #expect(VectorSource(path: "PG:dbname=gis password=hunter2 user=me").displayName == "PG:dbname=gis password=*** user=me")
    }
}

@Suite struct PostGISConnectionTests {
    @Test func theActiveSchemaIsReadFromTheConnectionString() throws {
        let plain = try #require(VectorOutput(destination: "PG:dbname=gis host=/run/postgresql"))
        let results = try #require(VectorOutput(destination: "PG:dbname=gis active_schema=results host=/run/postgresql"))
        // Same database, other schema: the input table is not replaced.
        #expect(plain.replaces(source: "PG:host=/run/postgresql dbname=gis", layer: "targets", layers: ["targets"]))
        #expect(!results.replaces(source: "PG:host=/run/postgresql dbname=gis", layer: "targets", layers: ["targets"]))
        #expect(!plain.replaces(source: "PG:host=/run/postgresql dbname=gis", layer: "sites", layers: ["targets"]))
    }
}
