import CGDAL

/// GDAL's functions, loaded on first use (see `CGDAL.h` for why at run
/// time). Every call into GDAL in this module goes through `api`.
struct GDALLibrary: @unchecked Sendable {
    /// The resolved function table; immutable once loaded.
    let api: ThreatMapGDAL
    /// The same table by address, for the C helpers.
    let table: UnsafePointer<ThreatMapGDAL>

    /// The process's one loaded library, or why it could not load.
    static let shared: Result<GDALLibrary, GISError> = {
        var message = [CChar](repeating: 0, count: 512)
        guard let table = threatmap_gdal_load(&message, message.count) else {
            return .failure(.unavailable(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
        }
        return .success(GDALLibrary(api: table.pointee, table: table))
    }()

    static func load() throws(GISError) -> GDALLibrary {
        try shared.get()
    }

    /// GDAL's last error message on this thread, or `fallback` when it left none.
    func lastError(or fallback: String) -> String {
        guard let message = api.CPLGetLastErrorMsg(), message.pointee != 0 else { return fallback }
        return String(cString: message)
    }

    /// Closes `dataset`; false when GDAL reported a failure while finishing it.
    @discardableResult
    func close(_ dataset: GDALDatasetH) -> Bool {
        threatmap_gdal_close(table, dataset) == 0
    }

    /// GDAL's release, e.g. "3.6.2".
    var version: String {
        String(cString: api.GDALVersionInfo("RELEASE_NAME")!)
    }
}

