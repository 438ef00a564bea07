import Foundation
import Testing

/// An external tool on `PATH`; throws (so the test fails, never skips) naming
/// the Debian package to install when it is missing.
private func tool(_ name: String, package: String) throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw ProcessFailure.notFound("\(name) is not on PATH: install the \(package) package (apt-get install \(package))")
}

private func ogrinfo() throws -> URL { try tool("ogrinfo", package: "gdal-bin") }
private func ogr2ogr() throws -> URL { try tool("ogr2ogr", package: "gdal-bin") }
private func rsvgConvert() throws -> URL { try tool("rsvg-convert", package: "librsvg2-bin") }

/// Expects `ogrinfo -al -so file` to succeed with `count` features and no ERROR.
/// - Returns: ogrinfo's output.
@discardableResult
private func expectOgrinfoSummary(_ file: String, featureCount count: Int, in directory: URL,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try runProcess(try ogrinfo(), ["-al", "-so", file], in: directory)
    #expect(result.exitedNormally, "\(result)", sourceLocation: sourceLocation)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.contains("Feature Count: \(count)\n"), "\(result)", sourceLocation: sourceLocation)
    #expect(!(result.stdout + result.stderr).contains("ERROR"), "\(result)", sourceLocation: sourceLocation)
    return result.stdout
}

/// Converts `file` to GeoPackage with ogr2ogr and expects ogrinfo to list `layer`.
private func expectGeoPackage(_ file: String, layer: String, in directory: URL,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
    let package = directory.appendingPathComponent("\(layer).gpkg").path
    let convert = try runProcess(try ogr2ogr(), ["-f", "GPKG", package, file], in: directory)
    #expect(convert.exitedNormally && convert.status == 0, "\(convert)", sourceLocation: sourceLocation)
    #expect(!(convert.stdout + convert.stderr).contains("ERROR"), "\(convert)", sourceLocation: sourceLocation)
    let info = try runProcess(try ogrinfo(), [package], in: directory)
    #expect(info.exitedNormally && info.status == 0, "\(info)", sourceLocation: sourceLocation)
    #expect(info.stdout.contains("1: \(layer)"), "layer \(layer) not listed: \(info)", sourceLocation: sourceLocation)
}

@Suite("GeoJSON and SVG open in GDAL and librsvg")
struct InteropTests {
    @Test("rings GeoJSON: ogrinfo counts its features, ogr2ogr writes a GeoPackage")
    func ringsInGDAL() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = scratch.path("zolfaghar.geojson")
        let result = try threatmap("rings", [
            "--from", "Jurf al-Sakhar", "--missile", "Zolfaghar", "--range", "300km", "--min-range", "50km",
            "--output", file,
        ], in: scratch.url)
        expectSuccess(result)
        let summary = try expectOgrinfoSummary(file, featureCount: 2, in: scratch.url)
        #expect(summary.contains("Geometry: Multi Polygon"))
        #expect(summary.contains("range_km: "))
        #expect(summary.contains("min_range_km: "))
        try expectGeoPackage(file, layer: "zolfaghar", in: scratch.url)
    }

    @Test("map GeoJSON: ogrinfo counts every feature, ogr2ogr writes a GeoPackage")
    func mapInGDAL() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("map", ["--output-dir", scratch.url.path], in: scratch.url)
        expectSuccess(result)
        let file = scratch.path("iran-missiles-iraq-2018.geojson")
        let root = try #require(try parseJSON(try String(contentsOfFile: file, encoding: .utf8)) as? [String: Any])
        let features = try #require(root["features"] as? [Any])
        #expect(features.count > 0)
        try expectOgrinfoSummary(file, featureCount: features.count, in: scratch.url)
        try expectGeoPackage(file, layer: "iran-missiles-iraq-2018", in: scratch.url)
    }

    @Test("map SVG renders to PNG with rsvg-convert")
    func mapSVGRenders() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let result = try threatmap("map", ["--output-dir", scratch.url.path], in: scratch.url)
        expectSuccess(result)
        let png = scratch.path("map.png")
        let render = try runProcess(try rsvgConvert(), ["-o", png, scratch.path("iran-missiles-iraq-2018.svg")], in: scratch.url)
        #expect(render.exitedNormally, "\(render)")
        #expect(render.status == 0, "\(render)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
        try #require(bytes.count > 24, "the PNG is too short to hold a header")
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR width and height (big-endian) match the 1200 x 900 canvas.
        func integer(at offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(integer(at: 16) == 1200)
        #expect(integer(at: 20) == 900)
    }

    @Test("a ring across the antimeridian opens in ogrinfo as a MultiPolygon")
    func antimeridianInGDAL() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = scratch.path("antimeridian.geojson")
        let result = try threatmap("rings", ["--from", "64.8,-179.7", "--range", "300km", "--output", file], in: scratch.url)
        expectSuccess(result)
        let summary = try expectOgrinfoSummary(file, featureCount: 1, in: scratch.url)
        #expect(summary.contains("Geometry: Multi Polygon"))
        #expect(summary.contains("Extent: (-180.000000, "))
        #expect(summary.contains(") - (180.000000, "))

        let full = try runProcess(try ogrinfo(), ["-al", "-geom=SUMMARY", file], in: scratch.url)
        #expect(full.exitedNormally && full.status == 0, "\(full)")
        #expect(full.stdout.contains("MULTIPOLYGON : 2 geometries:"), "\(full.stdout.suffix(600))")
    }
}
