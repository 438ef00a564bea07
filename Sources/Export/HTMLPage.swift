/// The frame of the HTML map page: markup, style and script around the
/// map's SVG geometry and its JSON payload.
enum HTMLPage {
    /// Forbids every request the page could make (scripts, styles, images,
    /// fonts, frames, connections) except its own inline script and style.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// - Parameters:
    ///   - world: the map's geometry, an SVG `<g id="world">` in canvas pixels.
    ///   - width, height: the canvas, pixels.
    ///   - payload: `HTMLMapPayload` as script-safe JSON.
    static func document(title: String, theme: MapTheme, world: String, width: Int, height: Int, payload: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en" data-theme="\(XMLText.escape(theme.name))">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="ThreatMap">
        <link rel="icon" href="data:,">
        <title>\(XMLText.escape(title))</title>
        <style>
        :root {
          --background: \(theme.background); --text: \(theme.text); --muted: \(theme.mutedText);
          --panel: \(theme.panel); --panel-stroke: \(theme.panelStroke); --space: \(theme.space);
          --accent: \(theme.inRangeFill);
        }
        \(style)
        </style>
        </head>
        <body>
        <header>
        <h1 id="title"></h1>
        <p id="subtitle"></p>
        </header>
        <div id="layout">
        <div id="map-area">
        <div id="map" tabindex="0" role="application" aria-label="Map. Drag or use the arrow keys to pan; plus and minus keys, the wheel or a double click to zoom.">
        <svg id="map-svg" xmlns="http://www.w3.org/2000/svg" data-width="\(width)" data-height="\(height)" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
        <rect id="space" width="100%" height="100%" fill="var(--space)"/>
        <g id="view">
        \(world)</g>
        <g id="overlay"><g id="paths"></g><g id="measure-marks"></g><g id="marks"></g><g id="labels"></g></g>
        </svg>
        </div>
        <div id="controls" role="toolbar" aria-label="Map controls">
        <button type="button" id="zoom-in" aria-label="Zoom in" title="Zoom in">+</button>
        <button type="button" id="zoom-out" aria-label="Zoom out" title="Zoom out">&minus;</button>
        <button type="button" id="reset" aria-label="Reset the view" title="Reset the view">Reset</button>
        <button type="button" id="measure" aria-pressed="false" aria-label="Measure a geodesic distance: click two points" title="Measure: click two points">Measure</button>
        </div>
        <div id="scale" aria-label="Scale bar"><svg width="160" height="14"><rect id="scale-bar" x="0" y="4" width="100" height="6"/></svg><span id="scale-text"></span></div>
        <div id="measure-readout" aria-live="polite"></div>
        <div id="tooltip" role="tooltip" hidden></div>
        </div>
        <aside id="panel" aria-label="Layers">
        <h2>Layers</h2>
        <div id="layer-list"></div>
        </aside>
        </div>
        <section id="table-section" aria-label="Reach table">
        <h2>Reach</h2>
        <label for="filter">Filter rows</label> <input id="filter" type="search" placeholder="site, system or target">
        <span id="row-count" aria-live="polite"></span>
        <div id="table-wrap"><table id="reach"><thead></thead><tbody></tbody></table></div>
        </section>
        <footer><p id="credit"></p></footer>
        <script type="application/json" id="map-data">\(payload)</script>
        <script>
        \(script)
        </script>
        </body>
        </html>

        """
    }
}
