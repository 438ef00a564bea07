extension HTMLPage {
    /// The page's style sheet: map beside its layer panel, the table under
    /// them; a print sheet that keeps the map and the table only.
    static let style = #"""
    * { box-sizing: border-box; }
    body { margin: 0; padding: 12px 16px; background: var(--background); color: var(--text);
      font: 14px/1.4 "DejaVu Sans", Helvetica, Arial, sans-serif; }
    h1 { font-size: 20px; margin: 0 0 2px; }
    h2 { font-size: 15px; margin: 8px 0 6px; }
    #subtitle { margin: 0 0 8px; color: var(--muted); }
    #layout { display: flex; gap: 12px; align-items: flex-start; }
    #map-area { position: relative; flex: 1 1 auto; min-width: 0; }
    #map { width: 100%; height: 72vh; min-height: 320px; border: 1px solid var(--panel-stroke); overflow: hidden;
      cursor: grab; touch-action: none; outline: none; background: var(--space); }
    #map:focus-visible { box-shadow: 0 0 0 3px var(--accent); }
    #map.dragging { cursor: grabbing; }
    #map.measuring { cursor: crosshair; }
    #map-svg { width: 100%; height: 100%; display: block; user-select: none; }
    #world path { vector-effect: non-scaling-stroke; }
    #controls { position: absolute; top: 8px; left: 8px; display: flex; flex-direction: column; gap: 4px; }
    #controls button, #panel button { min-width: 34px; min-height: 30px; font: inherit; color: var(--text);
      background: var(--panel); border: 1px solid var(--panel-stroke); border-radius: 4px; cursor: pointer; }
    #controls button:focus-visible, #panel input:focus-visible, #reach button:focus-visible, #reach tr:focus-visible,
      #filter:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    #controls button[aria-pressed="true"] { background: var(--accent); color: var(--background); }
    #scale { position: absolute; left: 10px; bottom: 10px; background: var(--panel); border: 1px solid var(--panel-stroke);
      border-radius: 4px; padding: 2px 6px; font-size: 12px; display: flex; align-items: center; gap: 6px; }
    #scale-bar { fill: var(--text); }
    #measure-readout { position: absolute; right: 10px; bottom: 10px; background: var(--panel); border: 1px solid var(--panel-stroke);
      border-radius: 4px; padding: 4px 8px; font-size: 13px; }
    #measure-readout:empty { display: none; }
    #tooltip { position: absolute; z-index: 5; width: max-content; max-width: min(720px, 95%); background: var(--panel); color: var(--text);
      border: 1px solid var(--panel-stroke); border-radius: 4px; padding: 6px 8px; font-size: 12.5px;
      box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25); pointer-events: none; }
    #tooltip table { border-collapse: collapse; margin-top: 4px; }
    #tooltip td, #tooltip th { padding: 1px 6px 1px 0; text-align: left; white-space: nowrap; }
    #tooltip .num { text-align: right; }
    #panel { flex: 0 0 220px; background: var(--panel); border: 1px solid var(--panel-stroke); border-radius: 4px; padding: 4px 10px 10px; }
    #panel label { display: flex; align-items: center; gap: 6px; margin: 3px 0; cursor: pointer; }
    .swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; border: 1px solid var(--panel-stroke); flex: 0 0 14px; }
    #table-section { margin-top: 12px; }
    #filter { font: inherit; padding: 3px 6px; min-width: 240px; color: var(--text); background: var(--panel);
      border: 1px solid var(--panel-stroke); border-radius: 4px; }
    #row-count { color: var(--muted); margin-left: 8px; }
    #table-wrap { max-height: 50vh; overflow: auto; margin-top: 6px; border: 1px solid var(--panel-stroke); }
    #reach { border-collapse: collapse; width: 100%; font-size: 13px; }
    #reach th { position: sticky; top: 0; background: var(--panel); text-align: left; }
    #reach th button { font: inherit; font-weight: bold; color: var(--text); background: none; border: 0; padding: 4px 6px; cursor: pointer; }
    #reach td { padding: 2px 6px; border-top: 1px solid var(--panel-stroke); white-space: nowrap; }
    #reach td.num { text-align: right; font-variant-numeric: tabular-nums; }
    #reach tbody tr { cursor: pointer; }
    #reach tbody tr:hover { background: color-mix(in srgb, var(--accent) 12%, transparent); }
    #reach tbody tr.selected { background: color-mix(in srgb, var(--accent) 30%, transparent); }
    .label { font-size: 12.5px; paint-order: stroke; stroke-linejoin: round; stroke-width: 3px; }
    .label.site { font-weight: bold; }
    .label.country { font-size: 10px; letter-spacing: 0.8px; }
    .mark { cursor: pointer; }
    .mark.selected { stroke-width: 3px; }
    .path { fill: none; stroke-width: 3px; stroke-linecap: round; }
    footer { margin-top: 10px; color: var(--muted); font-size: 12px; }
    @media (max-width: 800px) { #layout { flex-direction: column; } #panel { flex: none; width: 100%; } }
    @media print {
      body { padding: 0; background: #fff; }
      #controls, #panel, #tooltip, #filter, label[for="filter"], #row-count { display: none !important; }
      #layout { display: block; }
      #map { height: auto; aspect-ratio: 4 / 3; border: 0; page-break-inside: avoid; }
      #table-wrap { max-height: none; overflow: visible; border: 0; }
      #reach th { position: static; }
      #reach tbody tr { page-break-inside: avoid; }
    }
    """#
}
