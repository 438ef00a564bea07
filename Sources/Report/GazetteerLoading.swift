import Foundation
import Gazetteer
import GeoModel
import GIS

/// The gazetteer as a command loads it: bundled data plus the user's files.
public enum GazetteerLoading {
    /// Loads the gazetteer in `directory` (overrides, datasets, outlines)
    /// plus `extraFiles`, each checked first to be a regular file.
    /// - Parameter progressBar: draw a bar on stderr while large extra files load.
    /// - Returns: the gazetteer and the time the load took.
    /// - Throws: `InputFileError` for an extra path that is not a regular
    ///   file, `GazetteerError` for unreadable or malformed data.
    /// GIS sources (`VectorSource.recognizes`: a GeoPackage, Shapefile,
    /// `PG:` table...) are read through GDAL, with `selection`'s layer,
    /// filter and name field; their `kind`, `country`, `aliases`, `source`
    /// and `population` fields are read as a GeoJSON file's properties.
    public static func load(_ directory: URL, extraFiles: [String], selection: LayerSelection = LayerSelection(),
                            progressBar: Bool) throws -> (gazetteer: Gazetteer, elapsed: Duration) {
        for file in extraFiles where !file.lowercased().hasPrefix("pg:") { try InputFile.requireRegularFile(file) }
        let clock = ContinuousClock(), started = clock.now
        var files = [URL](), layers = [(origin: String, features: [Feature])]()
        for file in extraFiles {
            guard VectorSource.recognizes(file) else { files.append(URL(fileURLWithPath: file)); continue }
            var source = VectorSource(path: file, selection: selection)
            source.fields = ["kind", "country", "aliases", "source", "population"]
            layers.append((source.displayName, try source.read().map(gazetteerFeature)))
        }
        let gazetteer = try Gazetteer(dataDirectory: directory, extraFiles: files, extraFeatures: layers,
                                      progress: progressBar ? ProgressBar.draw : nil)
        if progressBar, !extraFiles.isEmpty { ProgressBar.finish() }
        return (gazetteer, clock.now - started)
    }
}

/// A GIS feature as the gazetteer reads a GeoJSON one: its name, its
/// attributes as text properties (population as an integer), its shape.
private func gazetteerFeature(_ feature: VectorFeature) -> Feature {
    var properties: [(name: String, value: PropertyValue)] = [("name", .string(feature.name))]
    for (field, value) in feature.attributes.sorted(by: { $0.key < $1.key }) {
        properties.append((field, field == "population" ? Int(value).map { .integer($0) } ?? .null : .string(value)))
    }
    let shape: Shape = switch feature.shape {
    case let .point(point): .point(point)
    case let .lines(lines): .lineString(lines[0])
    case let .area(area): .multiPolygon(area)
    }
    return Feature(shape: shape, properties: properties)
}

