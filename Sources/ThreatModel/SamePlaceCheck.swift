import Gazetteer

/// Finds scenario entries written differently that resolve to one place
/// (`Riyadh`, `riyadh`, `Ar Riyad`): listing a target twice is most likely
/// a mistake (a typo for another place, or a copy), and it would count the
/// place twice in every summary.
struct SamePlaceCheck {
    /// "target" or "site", for the message.
    let what: String
    private var seen: [Identity: (name: String, location: SourceLocation)] = [:]

    init(what: String) { self.what = what }

    /// One gazetteer place: the same name, source and point.
    private struct Identity: Hashable {
        var name: String
        var source: String
        var latitude: Double
        var longitude: Double
    }

    /// Records `name`, resolved to `place` at `location`; an issue when an
    /// earlier entry resolved to the same place.
    /// - Parameter sameNameReported: whether entries with the same folded
    ///   name are reported elsewhere already (then only differently
    ///   written names are reported here).
    mutating func check(_ name: String, _ place: Place, at location: SourceLocation, sameNameReported: Bool) -> ScenarioIssue? {
        let identity = Identity(name: place.name, source: place.source,
                                latitude: place.coordinate.latitude, longitude: place.coordinate.longitude)
        guard let first = seen[identity] else {
            seen[identity] = (name, location)
            return nil
        }
        if sameNameReported, NameKeyFolding.fold(first.name) == NameKeyFolding.fold(name) { return nil }
        let country = place.country.isEmpty ? "" : ", \(place.country)"
        return ScenarioIssue(location, "\(what) '\(name)' is the same place as '\(first.name)' (line \(first.location.line), column \(first.location.column)): "
                             + "\(place.name) (\(place.kind.rawValue)\(country)); list it once")
    }
}
