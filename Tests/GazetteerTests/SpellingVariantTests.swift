import Foundation
import Testing
import Gazetteer
import GeoModel

/// Real places of the region under the spellings analysts meet, against the
/// whole bundled gazetteer. Reference points are published coordinates of
/// each place (city centres, airfield reference points), independent of the
/// data files; cities must resolve within 25 km of them, air bases and
/// other sites within 5 km.
@Suite struct SpellingVariantTests {
    struct Variant: Sendable, CustomTestStringConvertible {
        var query: String
        var latitude: Double
        var longitude: Double
        var country: String
        var toleranceKilometres: Double
        var testDescription: String { query }
    }

    static func city(_ query: String, _ latitude: Double, _ longitude: Double, _ country: String) -> Variant {
        Variant(query: query, latitude: latitude, longitude: longitude, country: country, toleranceKilometres: 25)
    }

    static func site(_ query: String, _ latitude: Double, _ longitude: Double, _ country: String) -> Variant {
        Variant(query: query, latitude: latitude, longitude: longitude, country: country, toleranceKilometres: 5)
    }

    static let variants: [Variant] = [
        // Iraq
        city("Erbil", 36.191, 44.009, "IQ"), city("Arbil", 36.191, 44.009, "IQ"), city("Irbil", 36.191, 44.009, "IQ"),
        city("Hewler", 36.191, 44.009, "IQ"), city("Hawler", 36.191, 44.009, "IQ"), city("أربيل", 36.191, 44.009, "IQ"),
        city("هەولێر", 36.191, 44.009, "IQ"),
        city("Karbala", 32.616, 44.024, "IQ"), city("Karbalā'", 32.616, 44.024, "IQ"), city("Kerbala", 32.616, 44.024, "IQ"),
        city("كربلاء", 32.616, 44.024, "IQ"), city("کربلا", 32.616, 44.024, "IQ"),
        city("Najaf", 31.996, 44.314, "IQ"), city("An Najaf", 31.996, 44.314, "IQ"), city("an-Najaf", 31.996, 44.314, "IQ"),
        city("النجف", 31.996, 44.314, "IQ"),
        city("Basra", 30.508, 47.783, "IQ"), city("Al Basrah", 30.508, 47.783, "IQ"), city("Basrah", 30.508, 47.783, "IQ"),
        city("البصرة", 30.508, 47.783, "IQ"),
        city("Mosul", 36.340, 43.130, "IQ"), city("Al Mawsil", 36.340, 43.130, "IQ"), city("al-Mawsil", 36.340, 43.130, "IQ"),
        city("الموصل", 36.340, 43.130, "IQ"),
        city("Sulaymaniyah", 35.557, 45.435, "IQ"), city("As Sulaymaniyah", 35.557, 45.435, "IQ"),
        city("Slemani", 35.557, 45.435, "IQ"), city("Sulaimaniya", 35.557, 45.435, "IQ"),
        city("Kirkuk", 35.468, 44.392, "IQ"), city("كركوك", 35.468, 44.392, "IQ"),
        city("Tikrit", 34.607, 43.679, "IQ"), city("Samarra", 34.198, 43.874, "IQ"), city("Sāmarrā'", 34.198, 43.874, "IQ"),
        city("Ramadi", 33.420, 43.299, "IQ"), city("Ar Ramadi", 33.420, 43.299, "IQ"), city("al-Ramadi", 33.420, 43.299, "IQ"),
        city("Hit", 33.637, 42.828, "IQ"), city("Heet", 33.637, 42.828, "IQ"),
        city("Haditha", 34.140, 42.378, "IQ"), city("Hadithah", 34.140, 42.378, "IQ"),
        city("Nasiriyah", 31.052, 46.262, "IQ"), city("An Nasiriyah", 31.052, 46.262, "IQ"), city("Nasiriya", 31.052, 46.262, "IQ"),
        city("Kut", 32.513, 45.818, "IQ"), city("Al Kut", 32.513, 45.818, "IQ"),
        city("Amarah", 31.836, 47.145, "IQ"), city("Al Amarah", 31.836, 47.145, "IQ"), city("al-Amara", 31.836, 47.145, "IQ"),
        city("Hillah", 32.484, 44.433, "IQ"), city("Al Hillah", 32.484, 44.433, "IQ"), city("Hilla", 32.484, 44.433, "IQ"),
        city("Baqubah", 33.746, 44.644, "IQ"), city("Ba'qubah", 33.746, 44.644, "IQ"), city("Baquba", 33.746, 44.644, "IQ"),
        city("Fallujah", 33.349, 43.786, "IQ"), city("Falluja", 33.349, 43.786, "IQ"),
        city("Baghdad", 33.315, 44.366, "IQ"), city("بغداد", 33.315, 44.366, "IQ"), city("Bagdad", 33.315, 44.366, "IQ"),
        site("Ain al-Asad", 33.786, 42.441, "IQ"), site("Ayn al-Asad", 33.786, 42.441, "IQ"),
        site("Al Asad Air Base", 33.786, 42.441, "IQ"), site("Ain Al-Assad", 33.786, 42.441, "IQ"),
        site("ʿAyn al-Asad", 33.786, 42.441, "IQ"), site("Ein al Asad", 33.786, 42.441, "IQ"), site("ORAA", 33.786, 42.441, "IQ"),
        site("Jurf al-Sakhar", 32.867, 44.214, "IQ"), site("Jurf as-Sakhr", 32.867, 44.214, "IQ"),
        site("Jurf al-Nasr", 32.867, 44.214, "IQ"), site("Jurf al Sakhar", 32.867, 44.214, "IQ"),
        site("Al Taji Army Air Field", 33.524, 44.257, "IQ"), site("Camp Taji", 33.524, 44.257, "IQ"),
        site("Balad Southeast Air Base", 33.940, 44.362, "IQ"), site("ORBD", 33.940, 44.362, "IQ"),
        site("Baghdad International Airport", 33.262, 44.235, "IQ"),
        // Iran
        city("Tehran", 35.689, 51.389, "IR"), city("Teheran", 35.689, 51.389, "IR"), city("تهران", 35.689, 51.389, "IR"),
        city("Isfahan", 32.653, 51.667, "IR"), city("Esfahan", 32.653, 51.667, "IR"), city("اصفهان", 32.653, 51.667, "IR"),
        city("Qom", 34.640, 50.876, "IR"), city("Ghom", 34.640, 50.876, "IR"), city("Qum", 34.640, 50.876, "IR"),
        city("Tabriz", 38.080, 46.292, "IR"), city("Ahvaz", 31.319, 48.671, "IR"), city("Ahwaz", 31.319, 48.671, "IR"),
        city("Kermanshah", 34.314, 47.065, "IR"), city("Dezful", 32.383, 48.401, "IR"),
        // Gulf and Arabia
        city("Riyadh", 24.713, 46.675, "SA"), city("Ar Riyad", 24.713, 46.675, "SA"), city("الرياض", 24.713, 46.675, "SA"),
        city("Jeddah", 21.543, 39.173, "SA"), city("Jiddah", 21.543, 39.173, "SA"), city("Jedda", 21.543, 39.173, "SA"),
        city("Dhahran", 26.288, 50.114, "SA"), city("Abqaiq", 25.935, 49.669, "SA"), city("Buqayq", 25.935, 49.669, "SA"),
        city("Kuwait City", 29.376, 47.977, "KW"), city("Doha", 25.285, 51.531, "QA"), city("Manama", 26.223, 50.587, "BH"),
        city("Abu Dhabi", 24.454, 54.377, "AE"), city("Dubai", 25.205, 55.271, "AE"), city("Muscat", 23.588, 58.383, "OM"),
        city("Sanaa", 15.369, 44.191, "YE"), city("Sana'a", 15.369, 44.191, "YE"), city("صنعاء", 15.369, 44.191, "YE"),
        city("Aden", 12.786, 45.019, "YE"), city("Hodeidah", 14.798, 42.954, "YE"), city("Al Hudaydah", 14.798, 42.954, "YE"),
        site("Al Udeid Air Base", 25.117, 51.315, "QA"), site("Prince Sultan Air Base", 24.063, 47.580, "SA"),
        site("OMAM", 24.248, 54.548, "AE"),
        // Levant, Egypt, Turkey
        city("Damascus", 33.513, 36.292, "SY"), city("Dimashq", 33.513, 36.292, "SY"), city("دمشق", 33.513, 36.292, "SY"),
        city("Aleppo", 36.202, 37.134, "SY"), city("Halab", 36.202, 37.134, "SY"), city("حلب", 36.202, 37.134, "SY"),
        city("Homs", 34.731, 36.709, "SY"), city("Deir ez-Zor", 35.336, 40.141, "SY"), city("Dayr az Zawr", 35.336, 40.141, "SY"),
        city("Deir ez Zor", 35.336, 40.141, "SY"),
        city("Beirut", 33.894, 35.502, "LB"), city("Bayrut", 33.894, 35.502, "LB"), city("بيروت", 33.894, 35.502, "LB"),
        city("Tel Aviv", 32.085, 34.782, "IL"), city("Tel-Aviv", 32.085, 34.782, "IL"), city("תל אביב", 32.085, 34.782, "IL"),
        city("Haifa", 32.794, 34.990, "IL"), city("Hefa", 32.794, 34.990, "IL"), city("חיפה", 32.794, 34.990, "IL"),
        city("Jerusalem", 31.768, 35.214, "IL"), city("Al Quds", 31.768, 35.214, "IL"), city("Eilat", 29.558, 34.952, "IL"),
        site("Nevatim Air Base", 31.208, 35.012, "IL"),
        city("Amman", 31.945, 35.928, "JO"), city("Cairo", 30.044, 31.236, "EG"), city("Ankara", 39.933, 32.860, "TR"),
        site("Incirlik Air Base", 37.002, 35.426, "TR"), site("Incirlik", 37.002, 35.426, "TR"),
    ]

    @Test(arguments: variants)
    func resolvesNearTheReferencePoint(_ variant: Variant) throws {
        let gazetteer = try TestData.bundled.get()
        let place = try gazetteer.resolve(variant.query)
        let reference = Coordinate(latitude: variant.latitude, longitude: variant.longitude)
        let gap = TestData.kilometresBetween(place.coordinate, reference)
        #expect(gap <= variant.toleranceKilometres, "\(variant.query) -> \(place.name) (\(place.source)) is \(gap) km away")
        #expect(place.country == variant.country, "\(variant.query) -> \(place.name) in '\(place.country)'")
    }

    @Test func thereAreAtLeastSixtyVariants() {
        #expect(Self.variants.count >= 60)
        #expect(Set(Self.variants.map(\.query)).count == Self.variants.count)
    }
}
