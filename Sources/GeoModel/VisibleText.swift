extension StringProtocol {
    /// The text with every control character shown as an escape (`\x1B`,
    /// `\u{202E}`), so that names and echoed input never act on a terminal,
    /// a spreadsheet or a viewer.
    ///
    /// Escaped: C0 controls (tab, line feed and carriage return included),
    /// DEL, C1 controls, and the bidirectional overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069) that reorder what a reader sees.
    /// Text without any of them comes back unchanged.
    public var visibleControlCharacters: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return String(self) }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            guard Self.needsEscape(scalar) else { out.append(scalar); continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let escaped = scalar.value < 0x100
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u{" + hex + "}"
            out.append(contentsOf: escaped.unicodeScalars)
        }
        return String(out)
    }

    /// Like `visibleControlCharacters`, but keeps line feeds: for messages
    /// and documents made of several lines.
    public var visibleControlCharactersKeepingLines: String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map(\.visibleControlCharacters).joined(separator: "\n")
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
