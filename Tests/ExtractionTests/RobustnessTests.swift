import Extraction
import Foundation
import Testing

@Suite struct RobustnessTests {
    /// Five megabytes of news (every passage, repeated) finish; the time is printed, not asserted.
    @Test func fiveMegabytesOfTextFinish() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: try TestData.fixture("passages").path).sorted()
        var block = ""
        for name in names where name.hasSuffix(".txt") {
            block += String(decoding: try TestData.passage(name), as: UTF8.self) + "\n\n"
        }
        var text = ""
        text.reserveCapacity(5_300_000)
        while text.utf8.count < 5_000_000 { text += block }
        let start = Date()
        let extraction = TestData.extractor.extract(text: text, source: "five-megabytes.txt")
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "5 MB (%d bytes) extracted in %.2f s: %d places, %d systems", text.utf8.count, seconds, extraction.places.count, extraction.systems.count))
        // Repetition merges: each place and role once, with many mentions.
        #expect(extraction.places.contains { $0.name == "al-Zafaraniya" && $0.role == .launchSite && $0.mentions > 10 })
        #expect(Set(extraction.places.map { "\($0.role)|\($0.name)" }).count == extraction.places.count)
        try roundTrip(extraction)
    }

    @Test func utf8WithByteOrderMark() throws {
        let text = "Iran has deployed Zolfaghar missiles to Jurf al-Sakhar, within range of Riyadh."
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        let (decoded, encoding) = TextDecoding.decode(data)
        #expect(encoding == .utf8WithBOM)
        #expect(decoded == text)
        let extraction = TestData.extractor.extract(data: data, source: "bom.txt")
        #expect(extraction.sites.map(\.name) == ["Jurf al-Sakhar"])
        #expect(extraction.targets.map(\.name) == ["Riyadh"])
        #expect(extraction.systems.map(\.name) == ["Zolfaghar"])
    }

    @Test func windows1252CurlyQuotesAndDashes() throws {
        // "Iran’s ‘Fateh-110’ missiles – fired from Karbala – hit Erbil." in Windows-1252.
        var bytes = [UInt8]("Iran".utf8) + [0x92] + [UInt8]("s ".utf8) + [0x91] + [UInt8]("Fateh-110".utf8) + [0x92]
        bytes += [UInt8](" missiles ".utf8) + [0x96] + [UInt8](" fired from Karbala ".utf8) + [0x96] + [UInt8](" hit Erbil. Caf".utf8) + [0xE9] + [UInt8](".".utf8)
        let (decoded, encoding) = TextDecoding.decode(Data(bytes))
        #expect(encoding == .windows1252)
        #expect(decoded.contains("Iran\u{2019}s \u{2018}Fateh-110\u{2019}"))
        #expect(decoded.contains("\u{2013} fired"))
        #expect(decoded.hasSuffix("Café."))
        let extraction = TestData.extractor.extract(data: Data(bytes), source: "cp1252.txt")
        #expect(extraction.sites.map(\.name) == ["Karbala"])
        #expect(extraction.targets.map(\.name) == ["Erbil"])
        #expect(extraction.systems.map(\.name) == ["Fateh-110"])
    }

    @Test func utf16WithByteOrderMark() throws {
        let text = "Houthi forces fired a Burkan-2H missile at Riyadh."
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        let (decoded, encoding) = TextDecoding.decode(data)
        #expect(encoding == .utf16)
        #expect(decoded == text)
    }

    @Test func emptyAndBlankInputFindNothing() throws {
        for text in ["", "   \n\n\t  ", "\u{FEFF}"] {
            let extraction = TestData.extractor.extract(text: text, source: "empty.txt")
            #expect(extraction.places.isEmpty && extraction.systems.isEmpty && extraction.ranges.isEmpty)
            // The writer still writes YAML that says what is missing.
            let yaml = ScenarioWriter().yaml(extraction, stem: "empty", input: "empty.txt")
            #expect(yaml.contains("sites: []") && yaml.contains("systems: []") && yaml.contains("targets: []"))
        }
    }

    @Test func htmlIsReducedToItsText() throws {
        let html = """
        <html><head><title>Rockets &amp; drones</title><script>var city = "Tehran";</script><style>.a{}</style></head>
        <body><nav>Home | Tel Aviv bureau</nav><!-- Riyadh -->
        <p>Rockets were fired from Basra at the<br>Green&nbsp;Zone in Baghdad&#8217;s centre, officials said &ldquo;today&rdquo;.</p>
        <footer>&copy; 2020 Haifa Media</footer></body></html>
        """
        #expect(TextDecoding.looksLikeHTML(html))
        let page = HTMLText.extract(html)
        #expect(page.title == "Rockets & drones")
        #expect(!page.text.contains("Tehran") && !page.text.contains("Riyadh") && !page.text.contains("Haifa") && !page.text.contains("Tel Aviv"))
        #expect(page.text.contains("Baghdad\u{2019}s centre"))
        #expect(page.text.contains("\u{201C}today\u{201D}"))
        let extraction = TestData.extractor.extract(text: html, source: "page.html")
        #expect(extraction.title == "Rockets & drones")
        #expect(extraction.sites.map(\.name) == ["Basra"])
        #expect(Set(extraction.targets.map(\.name)) == ["Green Zone"])
    }

    @Test func entitiesDecode() {
        #expect(HTMLText.decodeEntities("a &lt; b &amp;&amp; c &#x2019; &#8217; &unknown; &") == "a < b && c \u{2019} \u{2019} &unknown; &")
    }
}
