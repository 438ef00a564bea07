import Gazetteer

extension Gazetteer {
    /// Resolves a place name or coordinate typed on the command line,
    /// warning on stderr (unless --quiet) when the name met its place by an
    /// alias, a loose spelling or a code: no silent guess.
    func resolve(_ query: String, warning verbosity: VerbosityOptions) throws -> Place {
        let match = try match(query)
        if let notice = match.notice(for: query) { verbosity.warn(notice) }
        return match.place
    }
}
