import Testing
import Gazetteer

@Suite struct NameKeyTests {
    struct Spellings: Sendable, CustomTestStringConvertible {
        var variants: [String]
        var folded: String
        var testDescription: String { variants.joined(separator: " = ") }
    }

    static let equivalent: [Spellings] = [
        Spellings(variants: ["Karbalā'", "KARBALA", "karbala", "Karbala'", "Karbalā’", "  Karbala  "], folded: "karbala"),
        Spellings(variants: ["Jurf al-Sakhar", "jurf al sakhar", "Jurf  al - Sakhar", "JURF AL-SAKHAR"], folded: "jurf al sakhar"),
        Spellings(variants: ["Ain al-Asad", "ain al asad", "Ain Al-Asad"], folded: "ain al asad"),
        Spellings(variants: ["ʿAyn al-Asad", "Ayn al-Asad", "‘Ayn al-Asad", "'Ayn al Asad", "ʼAyn al-Asad"], folded: "ayn al asad"),
        Spellings(variants: ["Za'faraniya", "Zaʿfaraniya", "Za‘faraniya", "Zafaraniya"], folded: "zafaraniya"),
        Spellings(variants: ["Az Za‘farānīyah", "az zafaraniyah"], folded: "az zafaraniyah"),
        Spellings(variants: ["Hewlêr", "Hewler", "HEWLER"], folded: "hewler"),
        Spellings(variants: ["Bağdat", "Bagdat"], folded: "bagdat"),
        Spellings(variants: ["Fateh-110", "fateh 110", "FATEH 110"], folded: "fateh 110"),
    ]

    @Test(arguments: equivalent)
    func spellingsShareOneKey(_ spellings: Spellings) {
        for variant in spellings.variants {
            #expect(NameKey(variant).folded == spellings.folded, "\(variant)")
            #expect(NameKey(variant) == NameKey(spellings.variants[0]), "\(variant)")
        }
    }

    @Test func differentPlacesKeepDifferentKeys() {
        #expect(NameKey("Erbil") != NameKey("Erbil Air Base"))
        #expect(NameKey("Baghdad") != NameKey("Baghdadd"))
        #expect(NameKey("Fateh-110") != NameKey("Fateh110"))
        #expect(NameKey("Tel Aviv") != NameKey("TelAviv"))
    }

    @Test func nonLatinScriptsAreKept() {
        #expect(NameKey("بغداد").folded == "بغداد")
        #expect(NameKey("תל אביב").folded == "תל אביב")
        // Arabic short-vowel marks are non-spacing and fold away.
        #expect(NameKey("بَغْدَاد") == NameKey("بغداد"))
    }

    @Test func punctuationOnlyFoldsToEmpty() {
        #expect(NameKey("").folded == "")
        #expect(NameKey(" - ' ").folded == "")
        #expect(NameKey("-Baghdad-").folded == "baghdad")
    }

    @Test func descriptionIsTheFoldedKey() {
        #expect(NameKey("Jurf al-Sakhar").description == "jurf al sakhar")
    }

    /// U+02BD (modifier letter reversed comma) writes ayn in some
    /// transliterations; the bundled data spells Sanaa "Sanaʽa" with it.
    @Test func reversedCommaAynFolds() {
        #expect(NameKey("Sanaʽa") == NameKey("Sana'a"))
        #expect(NameKey("Sanaʿa") == NameKey("Sana'a"))
        #expect(NameKey("Sanaʻa") == NameKey("Sana'a"))
    }
}
