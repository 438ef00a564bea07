import Gazetteer
import GeoModel
import ThreatModel

/// Stated ranges and the systems they belong to.
extension MentionScanner {
    /// Which systems a stated range belongs to: the single system of its
    /// sentence; the group, for a span stated for several ("Zelzal, Fateh-110
    /// and Zolfaghar missiles, with ranges of 200 to 700 km"); else the
    /// nearest system before it (after it when none is before); else the
    /// last system of the two sentences before.
    func rangeOwners(_ found: RangeMentions.Found, systemMatches: [SystemMatcher.Match], tokens: [Token], sentenceIndex: Int) -> [SystemKey] {
        func key(_ match: SystemMatcher.Match) -> SystemKey {
            match.system.map(SystemKey.catalog) ?? .unknown(result.unknownSpellings[NameKey(match.text).folded] ?? match.text)
        }
        var distinct = [SystemKey]()
        for match in systemMatches where !distinct.contains(key(match)) { distinct.append(key(match)) }
        if distinct.count == 1 { return distinct }
        if distinct.count > 1 {
            if found.range.low != nil {
                let before = systemMatches.filter { $0.end <= found.start }
                var group = [SystemKey]()
                for match in before where !group.contains(key(match)) { group.append(key(match)) }
                if group.count > 1 { return group }
            }
            if let nearest = systemMatches.last(where: { $0.end <= found.start }) { return [key(nearest)] }
            if let next = systemMatches.first(where: { $0.start >= found.end }) { return [key(next)] }
        }
        if let previous = result.systems.last(where: { $0.sentence < sentenceIndex && $0.sentence >= sentenceIndex - 2 }) {
            return [previous.key]
        }
        return []
    }
}
