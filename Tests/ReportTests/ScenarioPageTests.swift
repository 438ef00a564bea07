import Export
import Foundation
import GeoModel
import Report
import ThreatModel
import Testing

/// The HTML map page as text: self-contained, escaped, its table tied to
/// its markers. (Its behaviour in a browser is tested in Tests/Browser.)
@Suite struct ScenarioPageTests {
    static func page(_ scenario: ResolvedScenario) throws -> (html: String, payload: [String: Any], report: ScenarioReport) {
        let report = try ScenarioReport(scenario, tolerance: .meters(100))
        let html = try report.html(settings: MapChoices().settings, basemap: nil)
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"map-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try #require(JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        return (html, json, report)
    }

    @Test func pageLoadsNothingFromOutside() throws {
        let (html, _, _) = try Self.page(TestData.resolved("patriot-iraq-2020.yaml"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        // Outside the data (whose sources may cite web pages as text), the
        // only URL is the SVG namespace, a name rather than a request.
        let start = try #require(html.range(of: "id=\"map-data\">")), end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let frame = String(html[..<start.upperBound]) + String(html[end.lowerBound...])
        let urls = frame.components(separatedBy: "://").dropFirst().map { String($0.prefix(26)) }
        #expect(!urls.isEmpty && urls.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") }, "\(urls)")
        for request in [" src=", "href=\"http", "@import", "url(", "fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon", "import("] {
            #expect(!frame.contains(request), "\(request)")
        }
        #expect(html.components(separatedBy: "<script").count == 3)
    }

    @Test func tableRowsPointAtTheirMarkersAndPaths() throws {
        let scenario = try TestData.resolved("iran-missiles-iraq-2018.yaml")
        let (_, payload, report) = try Self.page(scenario)
        let rows = try #require(payload["rows"] as? [[String: Any]])
        let sites = try #require(payload["sites"] as? [[String: Any]])
        let targets = try #require(payload["targets"] as? [[String: Any]])
        let paths = try #require(payload["paths"] as? [Any])
        #expect(rows.count == report.results.count)
        #expect(payload["columns"] as? [String] == report.table.columns)
        for (row, result) in zip(rows, report.results) {
            let site = try #require(row["site"] as? Int), target = try #require(row["target"] as? Int)
            #expect(sites[site]["name"] as? String == result.site.name)
            #expect(targets[target]["name"] as? String == result.target.name)
            #expect(row["inRange"] as? Bool == result.inRange)
            #expect((row["path"] as? Int).map { paths.indices.contains($0) } == true)
        }
        // The default map is azimuthal equidistant: the page inverts it exactly.
        #expect(payload["azimuthal"] is [String: Any])
    }

    @Test func hostileNamesStayData() throws {
        var scenario = try TestData.resolved("patriot-iraq-2020.yaml")
        let hostile = "</script><script>alert(1)</script><!-- \"quoted\" 'single' & \u{2028}"
        scenario.targets[0].name = hostile
        scenario.document.title = "</title><script>alert(2)</script>"
        let (html, payload, _) = try Self.page(scenario)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<!-- \""))
        #expect(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>"))
        let targets = try #require(payload["targets"] as? [[String: Any]])
        #expect(targets[0]["name"] as? String == hostile)
        #expect(payload["title"] as? String == "</title><script>alert(2)</script>")
    }

    @Test func htmlIsAnOutputFormat() throws {
        #expect(OutputFormat(rawValue: "html") == .html)
        let scenario = try TestData.resolved("patriot-iraq-2020.yaml")
        let rendering = try ScenarioRenderer(html: true).render(scenario, into: URL(fileURLWithPath: "/tmp/none"))
        #expect(rendering.files.contains { $0.url.pathExtension == "html" && $0.text.hasPrefix("<!DOCTYPE html>") })
    }
}
