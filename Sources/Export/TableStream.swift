/// Writes a table as its rows arrive: the header first, then blocks of rows
/// encoded elsewhere (for instance on several cores) by the same
/// `TableEncoder`, then the footer. Memory holds one block, not the table.
public struct TableStream {
    public let encoder: TableEncoder
    private let sink: ([UInt8]) throws -> Void
    private var wroteRows = false
    private var started = false

    /// - Parameter sink: receives the output bytes in order.
    public init(encoder: TableEncoder, sink: @escaping ([UInt8]) throws -> Void) {
        self.encoder = encoder
        self.sink = sink
    }

    /// Writes the header once, before the first block or at `finish`.
    private mutating func start() throws {
        guard !started else { return }
        started = true
        let header = encoder.header()
        if !header.isEmpty { try sink(header) }
    }

    /// Writes rows encoded by `encoder.append`, in order.
    public mutating func write(_ block: [UInt8]) throws {
        try start()
        guard !block.isEmpty else { return }
        if case .json = encoder.style, !wroteRows {
            // The first row's ",\n" separator opens the array instead.
            try sink(Array("[".utf8) + block.dropFirst())
        } else {
            try sink(block)
        }
        wroteRows = true
    }

    /// Writes the header if no block came, then the footer.
    public mutating func finish() throws {
        try start()
        let footer = encoder.footer(wroteRows: wroteRows)
        if !footer.isEmpty { try sink(footer) }
    }
}
