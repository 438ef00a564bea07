import Gazetteer

/// Folded names for duplicate checks, as the gazetteer folds them.
enum NameKeyFolding {
    static func fold(_ name: String) -> String { NameKey(name).folded }
}
