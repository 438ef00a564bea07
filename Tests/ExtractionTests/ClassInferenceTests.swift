import Extraction
import Testing
import ThreatModel

/// A system the catalog lacks takes its class from the words after its name,
/// else from its range, so every class can come out of `extract`.
@Suite struct ClassInferenceTests {
    @Test(arguments: [
        ("North Korea launched the Hwasong-99, an intercontinental ballistic missile with a range of 15,000 km, from Pyongyang.", MissileSystem.Category.icbm),
        ("Ukraine fired the Sapsan-9 cruise missiles from aircraft at Crimea, a range of 300 km.", .alcm),
        ("Russia launched the Krypton-7 cruise missiles, with a range of 1,500 km, at Kyiv.", .glcm),
        ("The Houthis launched the Waid-3 drones with a range of 2,000 km at Eilat.", .drone),
        ("Militias fired the Nasr-8 rockets, which have a range of 40 km, at the base near Baghdad.", .rocket),
        ("Iran tested the Zafar-9 missile with a range of 4,000 km near Semnan.", .irbm),
    ])
    func classComesFromTheTextOrTheRange(_ text: String, _ category: MissileSystem.Category) {
        let extraction = TestData.extractor.extract(text: text, source: "test")
        let inferred = extraction.systems.filter { $0.catalogSystem == nil }
        #expect(inferred.count == 1, "\(extraction.systems.map(\.name)) \(extraction.unresolved.map(\.text))")
        #expect(inferred.first?.category == category, "\(String(describing: inferred.first?.category))")
    }
}
