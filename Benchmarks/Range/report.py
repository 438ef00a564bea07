#!/usr/bin/env python3
"""Prints the RangeBenchmark comparison table from the two JSON results.

    report.py threatmap.json peer.json
"""

import json
import sys


def seconds(value):
    return "%.3f" % value


def ratio(peer, threatmap):
    return "%.2fx" % (peer / threatmap) if threatmap > 0 else "-"


def metres(value):
    if value >= 10_000:
        return "%.0f km" % (value / 1000)
    if value < 0.01:
        return "%.0e m" % value
    return "%.2f m" % value


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as handle:
        ours = json.load(handle)
    with open(sys.argv[2]) as handle:
        peer = json.load(handle)
    t, p = ours["timings"], peer["timings"]
    kinds = ", ".join("%d %s" % (count, kind) for kind, count in sorted(ours["sitesByKind"].items()))
    print("RangeBenchmark: %d launch sites (%s), %.0f km discs, union; best of %d runs after a warm-up"
          % (ours["sites"], kinds, ours["radiusMeters"] / 1000, t["runs"]))
    print("threatmap: tolerance %g m, %d cores; peer: %s, %d vertices per ring"
          % (ours["toleranceMeters"], ours["cores"], peer["tool"], peer["meanRingVertices"]))
    print()
    rows = [
        ("step", "threatmap s", "peer s", "peer/threatmap"),
        ("rings (build, cut / repair)", seconds(t["rings"]), seconds(p["rings"]), ratio(p["rings"], t["rings"])),
        ("union", seconds(t["union"]), seconds(p["union"]), ratio(p["union"], t["union"])),
        ("total", seconds(t["total"]), seconds(p["total"]), ratio(p["total"], t["total"])),
        ("sites to union, covered discs untraced", seconds(t["unitedDiscs"]), seconds(p["total"]),
         ratio(p["total"], t["unitedDiscs"])),
        ("(union of every ring, none left out)", seconds(t["unionOfEvery"]), seconds(p["union"]),
         ratio(p["union"], t["unionOfEvery"])),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
        if index == 0:
            print("  ".join("-" * width for width in widths))
    print()
    print("threatmap ring step used %.3f CPU s (both cores added up)" % t["ringsCPU"])
    print("vertices per ring: threatmap %.1f (regional sites %.1f), peer %d, degree buffer %d"
          % (ours["meanRingVertices"], ours["meanRingVerticesRegional"], peer["meanRingVertices"],
             peer["degreeBufferVertices"]))
    print("union result: threatmap %d polygons / %d vertices, peer %d polygons / %d vertices"
          % (ours["unionPolygons"], ours["unionVertices"], peer["unionPolygons"], peer["unionVertices"]))
    print("union leaves %d of %d rings out of GEOS; sites to union traces %d (%d polygons / %d vertices); "
          "differ from the union of every ring by %.2g and %.2g km^2"
          % (ours["sites"] - ours["unionKept"], ours["sites"], ours["unitedDiscsKept"],
             ours["unitedDiscsPolygons"], ours["unitedDiscsVertices"],
             ours["unionDifferenceSquareKilometers"], ours["unitedDiscsDifferenceSquareKilometers"]))
    print("peer rings repaired with buffer(0) (they jump across +-180): %d" % peer["repairedRings"])
    if "unionOfThreatmapRings" in peer:
        print("union alone: threatmap's rings through the peer's unary_union %s s; "
              "360-vertex rings through threatmap's Topology.union %s s"
              % (seconds(peer["unionOfThreatmapRings"]["seconds"]), seconds(ours["unionOf360VertexRings"])))
    print()
    print("max distance from the true 300 km geodesic circle (edge midpoints; vertices in brackets):")
    errors = [("threatmap @ %g m" % ours["toleranceMeters"], ours["ringError"]),
              ("peer @ 360 vertices", peer["ringError"]),
              ("degree buffer", peer["degreeBufferError"])]
    for name, table in errors:
        for kind in sorted(table):
            entry = table[kind]
            print("  %-22s %-44s %12s  [%s]  (%d rings)" % (
                name, kind, metres(entry["maxMidpointMeters"]), metres(entry["maxVertexMeters"]), entry["rings"]))


if __name__ == "__main__":
    main()
