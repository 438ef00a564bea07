import Export
import Foundation
import Gazetteer
import Geodesy
import GeoModel
import ThreatModel

extension ScenarioReport {
    /// The interactive HTML map: the SVG map's geometry, markers and the
    /// reach table (the CSV's columns), each row tied to its site, target
    /// and geodesic path.
    /// - Throws: `ThreatModelError` when footprints cannot be united,
    ///   `ExportError` when the map cannot be projected.
    public func html(settings: MapSettings, basemap: Basemap?) throws -> String {
        let (content, projection) = try drawable(settings: settings)
        return try settings.renderer(basemap: basemap).html(content, projection: projection, table: pageTable)
    }

    /// Points along each row's geodesic from its launch point to its target.
    static let pathSteps = 64

    /// The reach table with each row's marker indices and path.
    var pageTable: HTMLMapTable {
        var siteIndex = [Place: Int](), targetIndex = [Place: Int]()
        for (index, site) in scenario.sites.enumerated() where siteIndex[site.place] == nil { siteIndex[site.place] = index }
        for (index, target) in scenario.targets.enumerated() where targetIndex[target] == nil { targetIndex[target] = index }
        let table = self.table
        var paths = [[Coordinate]: [Coordinate]]()
        let rows = zip(results, table.rows).compactMap { result, cells -> HTMLMapTable.Row? in
            guard let site = siteIndex[result.site], let target = targetIndex[result.target] else { return nil }
            let ends = [result.launchPoint, result.target.coordinate]
            let path = paths[ends] ?? Self.geodesicPath(from: result.launchPoint, to: result.target.coordinate)
            paths[ends] = path
            return HTMLMapTable.Row(site: site, target: target, inRange: result.inRange, cells: cells, path: path)
        }
        return HTMLMapTable(columns: table.columns, rows: rows)
    }

    /// `pathSteps + 1` points from `start` to `end` along their geodesic.
    static func geodesicPath(from start: Coordinate, to end: Coordinate) -> [Coordinate] {
        let geodesic = Geodesic.wgs84
        let solution = geodesic.inverse(from: start, to: end)
        let step = solution.distance.meters / Double(pathSteps)
        return (0...pathSteps).map { index in
            index == pathSteps ? end
                : geodesic.direct(from: start, azimuth: solution.initialAzimuth, distance: .meters(step * Double(index))).destination
        }
    }
}
