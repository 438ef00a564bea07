/// One CSV field of text, inert wherever the file is opened.
public enum CSVField {
    /// `text` as an RFC 4180 field that a spreadsheet shows as text.
    ///
    /// Control characters are shown escaped (`\x1B`). A cell that begins
    /// with `=`, `+`, `-`, `@` (a formula to Excel, LibreOffice and Google
    /// Sheets) gets a leading apostrophe and quotes, as OWASP's guidance on
    /// CSV injection says; a cell of nothing but digits, signs, points,
    /// commas and spaces (a coordinate such as `-33.92,18.42`) cannot call
    /// anything and is kept as it is. Fields with commas or double quotes
    /// are quoted, their quotes doubled.
    public static func text(_ text: String) -> String {
        var value = text.visibleControlCharacters
        var quoted = value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" })
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first),
           !value.unicodeScalars.allSatisfy({ "0123456789.,+- ".unicodeScalars.contains($0) }) {
            value = "'" + value
            quoted = true
        }
        guard quoted else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
