import Foundation
import GeoModel

/// The name indexes: key tables built from every row's names.
extension Gazetteer {
    /// The loose key table, built on first use.
    var loose: KeyTable {
        looseIndex.value { Self.buildTable(.loose, segments: segments, rowCount: rowCount) }
    }

    /// Folds and hashes every name on both cores (each worker takes half of
    /// the rows), then builds one key table from the workers' entries.
    static func buildTable(_ keys: NameIndexer.Keys, segments: [Segment], rowCount: Int) -> KeyTable {
        let workers = rowCount > 20_000 ? 2 : 1
        let builders = ConcurrentMap.map(count: workers) { worker in
            let rows = (rowCount * worker / workers)..<(rowCount * (worker + 1) / workers)
            var indexer = NameIndexer(keys: keys, expectedEntries: rows.count * 4)
            indexer.index(segments, rows: rows)
            return indexer.builder
        }
        return KeyTable(building: builders, rowCount: rowCount)
    }
}

/// Folds and hashes the names of a range of rows into key-table builders.
struct NameIndexer {
    /// Which key of each name to index.
    enum Keys: Sendable { case exact, loose }

    private unowned(unsafe) let table = ScalarTable.shared
    let keys: Keys
    var builder: KeyTable.Builder
    /// Scratch memory for the two keys of one name, grown as names need.
    private var scratch = [UInt8](repeating: 0, count: 2048)

    init(keys: Keys, expectedEntries: Int) {
        self.keys = keys
        builder = KeyTable.Builder(expectedEntries: expectedEntries)
    }

    mutating func add(_ name: UnsafeBufferPointer<UInt8>, row: Int32) {
        let exactCapacity = ByteWriter.exactCapacity(name.count)
        if scratch.count < 2 * exactCapacity { scratch = [UInt8](repeating: 0, count: 2 * exactCapacity) }
        let isCode = QueryPolicy.isCode(name)
        if keys == .loose, isCode { return }
        let table = self.table
        let keys = self.keys
        scratch.withUnsafeMutableBufferPointer { memory in
            if isCode {
                // Codes live apart from names: only a query typed as a code reaches them.
                memory[0] = QueryPolicy.codeKeyMarker
                for (index, byte) in name.enumerated() { memory[index + 1] = byte }
                return builder.insert(UnsafeBufferPointer(rebasing: memory[0...name.count]), row: row)
            }
            var exactKey = ByteWriter(base: memory.baseAddress!, capacity: exactCapacity)
            Folding.appendExactKey(of: name, to: &exactKey, table: table)
            let key = UnsafeBufferPointer(start: exactKey.base, count: exactKey.count)
            guard keys == .loose else { return builder.insert(key, row: row) }
            var looseKey = ByteWriter(base: memory.baseAddress! + exactCapacity, capacity: exactCapacity)
            Folding.appendLooseKey(ofExactKey: key, to: &looseKey)
            builder.insert(UnsafeBufferPointer(start: looseKey.base, count: looseKey.count), row: row)
        }
    }

    /// Indexes the names of the rows `rows` (global row numbers).
    mutating func index(_ segments: [Segment], rows: Range<Int>) {
        for segment in segments {
            let lower = max(rows.lowerBound, segment.firstRow), upper = min(rows.upperBound, segment.firstRow + segment.count)
            guard lower < upper else { continue }
            let local = lower..<upper
            switch segment.storage {
            case let .text(text):
                text.text.withUnsafeBufferPointer { bytes in
                    for row in local {
                        let names = text.rows[row - segment.firstRow].names
                        var start = names.lowerBound
                        for position in names.lowerBound...names.upperBound
                        where position == names.upperBound || bytes[position] == text.separator {
                            if position > start { add(UnsafeBufferPointer(rebasing: bytes[start..<position]), row: Int32(row)) }
                            start = position + 1
                        }
                    }
                }
            case let .places(places):
                for row in local {
                    let place = places[row - segment.firstRow]
                    for var name in [place.name] + place.aliases {
                        name.withUTF8 { add($0, row: Int32(row)) }
                    }
                }
            }
        }
    }
}
