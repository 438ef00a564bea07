"""ThreatMap's reach decisions against a real PostGIS.

Run by `make postgis-tests` (part of `make test`) with the project venv:
    .venv/bin/python -m unittest discover -s Tests/PostGIS -v
The threatmap binary comes from THREATMAP (default .build/debug/threatmap).

A throwaway PostgreSQL cluster is made for the run: initdb in a temporary
folder, a Unix socket in that folder and no TCP (listen_addresses = ''),
trust authentication on the socket, and, when the test runs as root, the
server runs as the unprivileged `postgres` user that Debian's package
creates. Its database gets PostGIS and a `targets` table of 100,000 points
worldwide (fixed seed), some deliberately near +-180, near both poles and a
few millimetres to 100 m either side of each range boundary tested here.
`threatmap reach --to PG:... --layer targets --output PG:... --overwrite`
then runs for several sites and systems, and every decision it wrote back is
compared in the same database with ST_DWithin(geography, geography, range,
true). A disagreement is allowed only within BAND_M of a range boundary (by
ST_Distance(..., true)); counts and the largest gap are printed. The cluster
is stopped and its folder deleted whether the tests pass or not.

A missing PostgreSQL server, PostGIS or threatmap binary fails the run;
nothing is skipped.
"""

import atexit
import csv
import io
import math
import os
import pwd
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

from geographiclib.geodesic import Geodesic

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("THREATMAP", ROOT / ".build/debug/threatmap"))

SEED = 18
TARGET_COUNT = 100_000
NEAR_ANTIMERIDIAN = 2_000  # longitude within 0.5 degrees of +-180, half on each side
NEAR_POLES = 2_000  # latitude within 1 degree of a pole, half at each
EDGE_AZIMUTHS = 30  # per range boundary, each at every offset below
EDGE_OFFSETS_M = (-100, -1, -0.1, -0.01, -0.003, -0.001, 0.001, 0.003, 0.01, 0.1, 1, 100)
BAND_M = 0.005  # a disagreement with PostGIS must lie this close to a range boundary

DATABASE = "threatmap"
ROLE = "threatmap"
OUTPUT_SCHEMA = "reach"
OUTPUT_LAYERS = {  # table: geometry type (geometry_columns.type)
    "footprints": "MULTIPOLYGON",
    "launch_sites": "POINT",
    "targets": "POINT",
    "reach_paths": "LINESTRING",
}
TARGET_COLUMNS = {  # column: data types allowed (information_schema.columns.data_type)
    "site": None, "missile": None, "target": None,
    "distance_m": {"double precision"}, "distance_km": None, "bearing_deg": None,
    "range_km": None, "in_range": {"integer", "bigint"}, "margin_km": None, "min_range_km": None,
    "reason": None,
}


class Run:
    """One `threatmap reach` job: a site and a system, with what PostGIS is told."""

    def __init__(self, key, what, arguments, site=None, place=None, missile=None, range_km=None):
        self.key, self.what, self.arguments = key, what, arguments
        self.site, self.place, self.missile = site, place, missile
        self.range_km, self.min_range_km = range_km, 0.0

    def resolve(self):
        """Fills the site's coordinates and the system's ranges from the CLI's own data."""
        if self.place is not None:
            rows = threatmap_csv("resolve", "--format", "csv", self.place)
            row = next(r for r in rows if r["query"] == self.place)
            self.site = (float(row["latitude"]), float(row["longitude"]))
        if self.missile is not None:
            rows = threatmap_csv("missiles", "--format", "csv", "--search", self.missile)
            row = next(r for r in rows if r["name"] == self.missile)
            self.range_km, self.min_range_km = float(row["range_km"]), float(row["min_range_km"])

    def boundaries_m(self):
        return [self.range_km * 1000] + ([self.min_range_km * 1000] if self.min_range_km > 0 else [])


RUNS = [
    Run("adak", "Adak, 2,000 km: across +-180",
        ["--from", "51.88,-176.65", "--range", "2000km"], site=(51.88, -176.65), range_km=2000),
    Run("longyearbyen", "Longyearbyen, 1,500 km: over the North Pole",
        ["--from", "78.22,15.65", "--range", "1500km"], site=(78.22, 15.65), range_km=1500),
    Run("jurf", "Jurf al-Sakhar by name, the catalogue's Zolfaghar",
        ["--from", "Jurf al-Sakhar", "--missile", "Zolfaghar"], place="Jurf al-Sakhar", missile="Zolfaghar"),
    Run("fiji", "Prithvi-II from the Fiji Sea: a minimum range, both rings across +-180",
        ["--from", "-17.8,178.4", "--missile", "Prithvi-II"], site=(-17.8, 178.4), missile="Prithvi-II"),
]


def require_binary():
    if not BINARY.exists():
        raise RuntimeError(f"threatmap binary not found: {BINARY} (build it, or set THREATMAP)")


def threatmap(*arguments, check=True):
    result = subprocess.run([str(BINARY), *arguments], cwd=ROOT, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"threatmap {' '.join(arguments)} exited {result.returncode}:\n{result.stderr}")
    return result


def threatmap_csv(*arguments):
    return list(csv.DictReader(io.StringIO(threatmap(*arguments).stdout)))


# ---- the targets

def make_targets(runs):
    """TARGET_COUNT (id, name, lat, lon) rows from a fixed seed."""
    rng = random.Random(SEED)
    geodesic = Geodesic.WGS84
    rows = []

    def add(kind, lat, lon):
        rows.append((len(rows) + 1, f"{kind} {len(rows) + 1}", lat, lon))

    def sphere_latitude():
        return math.degrees(math.asin(2 * rng.random() - 1))

    for i in range(NEAR_ANTIMERIDIAN):
        side = 1 if i % 2 == 0 else -1
        lon = side * 180.0 if i < 8 else side * (180 - 0.5 * rng.random())
        add("antimeridian", sphere_latitude(), lon)
    for i in range(NEAR_POLES):
        side = 1 if i % 2 == 0 else -1
        lat = side * 90.0 if i < 8 else side * (90 - rng.random())
        add("pole", lat, rng.uniform(-180, 180))
    for run in runs:
        for boundary in run.boundaries_m():
            for _ in range(EDGE_AZIMUTHS):
                azimuth = rng.uniform(-180, 180)
                for offset in EDGE_OFFSETS_M:
                    point = geodesic.Direct(run.site[0], run.site[1], azimuth, boundary + offset)
                    add(f"edge {run.key} {boundary / 1000:g}km{offset:+g}m", point["lat2"], point["lon2"])
    while len(rows) < TARGET_COUNT:
        add("random", sphere_latitude(), rng.uniform(-180, 180))
    return rows


def hex_ewkb_point(lat, lon):
    """A Point in SRID 4326 as PostGIS hex EWKB: the doubles exactly, no decimal round trip."""
    return struct.pack("<BIIdd", 1, 0x20000001, 4326, lon, lat).hex()


# ---- the cluster

def server_bindir():
    """The PostgreSQL server's bin folder: pg_config's, else /usr/lib/postgresql/*/bin
    (newest first), else initdb on PATH; one whose PostGIS is installed first."""
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        if out.returncode == 0:
            candidates.append(Path(out.stdout.strip()))
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                      key=lambda p: float(p.parent.name) if p.parent.name.replace(".", "").isdigit() else 0,
                      reverse=True)
    candidates += versions
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).parent)
    servers = [c for c in candidates if (c / "initdb").exists() and (c / "pg_ctl").exists()]
    if not servers:
        raise RuntimeError("no PostgreSQL server (initdb, pg_ctl) found: `make deps` installs postgresql and postgis")
    for bindir in servers:
        config = bindir / "pg_config"
        if config.exists():
            share = subprocess.run([str(config), "--sharedir"], capture_output=True, text=True).stdout.strip()
            if (Path(share) / "extension/postgis.control").exists():
                return bindir
    return servers[0]  # CREATE EXTENSION postgis will say what is missing


class Cluster:
    """A PostgreSQL cluster in a temporary folder, reachable only through its socket."""

    def __init__(self):
        self.bindir = server_bindir()
        self.psql_binary = str(self.bindir / "psql") if (self.bindir / "psql").exists() else shutil.which("psql")
        if not self.psql_binary:
            raise RuntimeError("psql not found: `make deps` installs postgresql")
        self.owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
        if os.geteuid() == 0 and self.owner is None:
            raise RuntimeError("running as root and there is no `postgres` user to run the server as")
        self.root = Path(tempfile.mkdtemp(prefix="threatmap-postgis-"))
        self.data, self.socket, self.log = self.root / "data", self.root / "socket", self.root / "server.log"
        self.started = False
        self.socket.mkdir()
        if self.owner:
            for path in (self.root, self.socket):
                os.chown(path, self.owner.pw_uid, self.owner.pw_gid)

    def as_owner(self, *arguments):
        """Runs a server program as the cluster's owner; raises with its output on failure."""
        extra = {}
        if self.owner:
            extra = dict(user=self.owner.pw_uid, group=self.owner.pw_gid, extra_groups=[])
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "HOME": str(self.root)}
        result = subprocess.run([str(a) for a in arguments], cwd=self.root, env=environment,
                                capture_output=True, text=True, **extra)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(map(str, arguments))} exited {result.returncode}:\n"
                               f"{result.stdout}{result.stderr}{log}")
        return result

    def start(self):
        self.as_owner(self.bindir / "initdb", "-D", self.data, "-U", ROLE, "--auth-local=trust", "--auth-host=reject",
                      "--encoding=UTF8", "--locale=C", "--no-sync")
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"\nlisten_addresses = ''\nunix_socket_directories = '{self.socket}'\n"
                       "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        self.started = True
        self.as_owner(self.bindir / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "start")
        listening = self.psql("SELECT '[' || current_setting('listen_addresses') || ']' AS tcp", database="postgres")
        if listening[0]["tcp"] != "[]":
            raise RuntimeError(f"the cluster listens on TCP ({listening[0]['tcp']}); it must use its socket only")
        self.psql("CREATE DATABASE threatmap", database="postgres")
        self.psql("CREATE EXTENSION postgis")

    def stop(self):
        if self.started:
            self.started = False
            try:
                self.as_owner(self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
            except Exception as error:  # the postmaster is ours: make sure it is gone
                print(f"pg_ctl stop failed ({error}); killing the postmaster", file=sys.stderr)
                try:
                    pid = int((self.data / "postmaster.pid").read_text().split()[0])
                    os.kill(pid, signal.SIGKILL)
                except (OSError, ValueError, IndexError):
                    pass
        shutil.rmtree(self.root, ignore_errors=True)

    def connection(self, schema=None, socket=None):
        text = f"PG:host={socket or self.socket} dbname={DATABASE} user={ROLE}"
        return text + (f" active_schema={schema}" if schema else "")

    def psql(self, sql, database=DATABASE):
        """Runs SQL; returns the rows of the last statement as dicts (CSV output)."""
        result = subprocess.run(
            [self.psql_binary, "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-h", str(self.socket),
             "-U", ROLE, "-d", database],
            input=sql, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed ({result.returncode}):\n{result.stderr}\nSQL:\n{sql[:2000]}")
        return list(csv.DictReader(io.StringIO(result.stdout)))

    def value(self, sql):
        rows = self.psql(sql)
        return next(iter(rows[0].values())) if rows else None


CLUSTER = None


def cleanup():
    global CLUSTER
    if CLUSTER is not None:
        cluster, CLUSTER = CLUSTER, None
        cluster.stop()


def interrupted(*_):
    raise KeyboardInterrupt  # unittest passes it on (not SystemExit); atexit then stops the cluster


atexit.register(cleanup)
signal.signal(signal.SIGTERM, interrupted)
signal.signal(signal.SIGHUP, interrupted)


def elapsed(since):
    return f"{time.perf_counter() - since:.2f} s"


class PostGISTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        global CLUSTER
        require_binary()
        started = time.perf_counter()
        for run in RUNS:
            run.resolve()
        cls.rows = make_targets(RUNS)
        print(f"\n{len(cls.rows):,} targets made ({elapsed(started)})", file=sys.stderr)

        step = time.perf_counter()
        CLUSTER = cls.cluster = Cluster()
        cls.addClassCleanup(cleanup)
        cls.cluster.start()
        version = cls.cluster.value("SELECT version() || ' / PostGIS ' || postgis_full_version()")
        print(f"cluster up in {elapsed(step)}: {version[:60]}..., socket only", file=sys.stderr)

        step = time.perf_counter()
        data = "".join(f"{i}\t{name}\t{hex_ewkb_point(lat, lon)}\n" for i, name, lat, lon in cls.rows)
        cls.cluster.psql(
            "CREATE TABLE targets (id bigint PRIMARY KEY, name text NOT NULL, geom geometry(Point, 4326) NOT NULL);\n"
            f"COPY targets (id, name, geom) FROM STDIN;\n{data}\\.\n"
            f"CREATE SCHEMA {OUTPUT_SCHEMA}; CREATE SCHEMA again; CREATE SCHEMA failed; CREATE SCHEMA fid; CREATE SCHEMA checks;\n"
            "ANALYZE targets;\n")
        count = int(cls.cluster.value("SELECT count(*) FROM targets"))
        if count != TARGET_COUNT:
            raise RuntimeError(f"loaded {count} targets, not {TARGET_COUNT}")
        print(f"{count:,} targets loaded through COPY in {elapsed(step)}", file=sys.stderr)

    # ---- helpers

    def reach(self, run, schema, *extra):
        arguments = ["reach", *run.arguments, "--to", self.cluster.connection(), "--layer", "targets",
                     "--name-field", "name", "--output", self.cluster.connection(schema), *extra]
        step = time.perf_counter()
        result = threatmap(*arguments, check=False)
        seconds = time.perf_counter() - step
        if result.returncode != 0:
            self.fail(f"threatmap {' '.join(arguments)} exited {result.returncode}:\n{result.stderr}")
        return seconds

    def geometry_columns(self, schema):
        rows = self.cluster.psql(
            "SELECT f_table_name, f_geometry_column, type, srid FROM geometry_columns "
            f"WHERE f_table_schema = '{schema}'")
        return {row["f_table_name"]: row for row in rows}

    def assert_layers(self, schema):
        """The four layers with their geometry types in SRID 4326, and layer_styles naming them."""
        columns = self.geometry_columns(schema)
        for table, kind in OUTPUT_LAYERS.items():
            self.assertIn(table, columns, f"no {schema}.{table} in geometry_columns")
            self.assertEqual(columns[table]["type"], kind, f"{schema}.{table}")
            self.assertEqual(columns[table]["srid"], "4326", f"{schema}.{table}")
            geometry = columns[table]["f_geometry_column"]
            kinds = self.cluster.psql(f'SELECT DISTINCT GeometryType("{geometry}") AS kind FROM {schema}.{table}')
            self.assertLessEqual({row["kind"] for row in kinds}, {kind}, f"{schema}.{table}: geometries")
        types = {row["column_name"]: row["data_type"] for row in self.cluster.psql(
            "SELECT column_name, data_type FROM information_schema.columns "
            f"WHERE table_schema = '{schema}' AND table_name = 'targets'")}
        for column, kinds in TARGET_COLUMNS.items():
            self.assertIn(column, types, f"{schema}.targets has no column {column}")
            if kinds:
                self.assertIn(types[column], kinds, f"{schema}.targets.{column}")
        styled = self.cluster.psql(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'layer_styles' "
            f"AND table_schema IN ('{schema}', 'public')")
        self.assertTrue(styled, f"no layer_styles table in {schema} (or public)")
        names = {row["f_table_name"] for row in self.cluster.psql(
            f"SELECT DISTINCT f_table_name FROM {styled[0]['table_schema']}.layer_styles")}
        self.assertLessEqual(set(OUTPUT_LAYERS), names, "layer_styles: a style per layer")
        return columns

    def check_run(self, run):
        seconds = self.reach(run, OUTPUT_SCHEMA, "--overwrite")
        schema = OUTPUT_SCHEMA
        columns = self.assert_layers(schema)
        g = {table: f'"{columns[table]["f_geometry_column"]}"' for table in OUTPUT_LAYERS}
        lat, lon = run.site
        site = f"ST_SetSRID(ST_MakePoint({lon!r}, {lat!r}), 4326)::geography"
        maximum, minimum = run.range_km * 1000, run.min_range_km * 1000
        theirs = f"ST_DWithin(t.geom::geography, s.g, {maximum!r}, true)"
        gap = f"abs(reference_m - {maximum!r})"
        if minimum > 0:
            theirs += f" AND NOT ST_DWithin(t.geom::geography, s.g, {minimum!r}, true)"
            gap = f"least({gap}, abs(reference_m - {minimum!r}))"

        step = time.perf_counter()
        self.cluster.psql(f"""
            DROP TABLE IF EXISTS checks.compared;
            CREATE TABLE checks.compared AS
            SELECT t.id, o.in_range, o.distance_m, o.target, t.name, t.geom,
                   o.in_range = 1 AS ours, {theirs} AS theirs,
                   ST_Distance(t.geom::geography, s.g, true) AS reference_m,
                   ST_Distance(t.geom::geography, o.{g["targets"]}::geography, false) AS moved_m
            FROM {schema}.targets o JOIN targets t ON t.name = o.target, (SELECT {site} AS g) s""")
        summary = self.cluster.psql(f"""
            SELECT (SELECT count(*) FROM {schema}.targets) AS written,
                   count(*) AS joined, count(DISTINCT id) AS ids,
                   count(*) FILTER (WHERE in_range NOT IN (0, 1)) AS bad_flags,
                   count(*) FILTER (WHERE ours) AS ours_in,
                   count(*) FILTER (WHERE theirs) AS theirs_in,
                   count(*) FILTER (WHERE ours <> theirs) AS disagreements,
                   coalesce(max({gap}) FILTER (WHERE ours <> theirs), 0) AS largest_gap_m,
                   max(abs(distance_m - reference_m)) AS largest_distance_error_m,
                   max(moved_m) AS largest_move_m,
                   count(*) FILTER (WHERE target IS DISTINCT FROM name) AS renamed,
                   count(*) FILTER (WHERE name LIKE 'edge {run.key} %') AS edge_rows,
                   count(*) FILTER (WHERE name LIKE 'edge {run.key} %' AND ours <> theirs) AS edge_disagreements
            FROM checks.compared""")[0]
        disagreeing = self.cluster.psql(f"""
            SELECT name, ours, theirs, distance_m, reference_m, {gap} AS gap_m FROM checks.compared
            WHERE ours <> theirs ORDER BY {gap} DESC LIMIT 10""")
        inner, outer = f"reference_m <= {maximum - 1000!r}", f"reference_m >= {maximum + 1000!r}"
        if minimum > 0:
            inner += f" AND reference_m >= {minimum + 1000!r}"
            outer = f"({outer} OR reference_m <= {minimum - 1000!r})"
        footprint = self.cluster.psql(f"""
            WITH f AS (SELECT ST_Union({g["footprints"]}) AS area FROM {schema}.footprints)
            SELECT count(*) FILTER (WHERE {inner} AND NOT ST_Covers(f.area, c.geom)) AS inside_not_covered,
                   count(*) FILTER (WHERE {outer} AND ST_Intersects(f.area, c.geom)) AS outside_covered
            FROM checks.compared c, f""")[0]
        compared_seconds = time.perf_counter() - step
        counts = {table: int(self.cluster.value(f"SELECT count(*) FROM {schema}.{table}")) for table in OUTPUT_LAYERS}
        paths = self.cluster.psql(f"""
            SELECT count(DISTINCT target) AS targets, max(ST_XMax({g["reach_paths"]}) - ST_XMin({g["reach_paths"]})) AS widest_deg
            FROM {schema}.reach_paths""")[0]
        site_moved = float(self.cluster.value(
            f"SELECT max(ST_Distance({g['launch_sites']}::geography, {site}, false)) FROM {schema}.launch_sites"))

        n = {key: float(value) for key, value in summary.items()}
        print(f"\n{run.what}: site {lat!r},{lon!r}, {run.min_range_km:g}-{run.range_km:g} km; "
              f"threatmap {seconds:.2f} s, comparison {compared_seconds:.2f} s\n"
              f"  rows {n['written']:,.0f}, in range: threatmap {n['ours_in']:,.0f}, PostGIS {n['theirs_in']:,.0f}; "
              f"disagreements {n['disagreements']:,.0f} (edge points {n['edge_disagreements']:,.0f} of "
              f"{n['edge_rows']:,.0f}), largest gap to a boundary {n['largest_gap_m'] * 1000:.3f} mm; "
              f"distance_m vs ST_Distance: largest {n['largest_distance_error_m'] * 1e9:.1f} nm\n"
              f"  tables: {counts}; footprint: {footprint['inside_not_covered']} targets 1 km inside not covered, "
              f"{footprint['outside_covered']} 1 km outside covered", file=sys.stderr)
        for row in disagreeing:
            print(f"  disagrees: {row['name']}: threatmap {row['ours']}, PostGIS {row['theirs']}, "
                  f"distance_m {row['distance_m']}, ST_Distance {row['reference_m']}, "
                  f"{float(row['gap_m']) * 1000:.3f} mm from the boundary", file=sys.stderr)

        self.assertEqual(n["written"], TARGET_COUNT, "one targets row per source target")
        self.assertEqual(n["joined"], TARGET_COUNT, "every row's target is a source target")
        self.assertEqual(n["ids"], TARGET_COUNT, "each source target once")
        self.assertEqual(n["bad_flags"], 0, "in_range is 0 or 1")
        self.assertEqual(n["renamed"], 0, "target is the source's name field")
        self.assertLess(n["largest_move_m"], 0.001, "target points written where the source has them")
        self.assertLessEqual(n["largest_gap_m"], BAND_M, f"a disagreement lies over {BAND_M * 1000:g} mm from a boundary")
        self.assertLess(n["largest_distance_error_m"], BAND_M, "distance_m against ST_Distance")
        self.assertEqual(counts["launch_sites"], 1)
        self.assertLess(site_moved, 0.001, "launch site written where it was asked for")
        self.assertEqual(counts["footprints"], 1)
        self.assertEqual(int(paths["targets"]), n["ours_in"], "a path per in-range row")
        self.assertLessEqual(counts["reach_paths"], 2 * n["ours_in"], "a path is cut at +-180 at most once here")
        self.assertLess(float(paths["widest_deg"] or 0), 180, "paths are cut at +-180")
        self.assertEqual(int(footprint["inside_not_covered"]), 0, "the footprint covers targets 1 km inside")
        self.assertEqual(int(footprint["outside_covered"]), 0, "the footprint leaves out targets 1 km outside")

    # ---- tests

    def test_adak_across_the_antimeridian(self):
        self.check_run(RUNS[0])

    def test_longyearbyen_over_the_pole(self):
        self.check_run(RUNS[1])

    def test_named_site_catalogue_system(self):
        self.check_run(RUNS[2])

    def test_minimum_range(self):
        self.check_run(RUNS[3])

    def test_existing_tables_without_overwrite(self):
        run = RUNS[0]
        self.reach(run, "again", "--where", "id <= 1000")
        self.assertEqual(self.cluster.value("SELECT count(*) FROM again.targets"), "1000")
        self.assertEqual(self.cluster.value(
            "SELECT max(t.id) FROM again.targets o JOIN targets t ON t.name = o.target"), "1000", "--where")
        arguments = ["reach", *run.arguments, "--to", self.cluster.connection(), "--layer", "targets",
                     "--where", "id <= 10", "--output", self.cluster.connection("again")]
        result = threatmap(*arguments, check=False)
        print(f"\nwithout --overwrite: exit {result.returncode}: {result.stderr.strip()}", file=sys.stderr)
        self.assertIn(result.returncode, range(1, 126), "fails, without crashing, when the tables exist")
        self.assertEqual(self.cluster.value("SELECT count(*) FROM again.targets"), "1000", "nothing overwritten")
        self.reach(run, "again", "--where", "id <= 10", "--overwrite")
        self.assertEqual(self.cluster.value("SELECT count(*) FROM again.targets"), "10", "--overwrite replaces")

    def test_targets_carry_the_source_fid(self):
        """target_fid: the source feature's id (here the table's primary key), as bigint."""
        self.reach(RUNS[0], "fid", "--where", "id % 97 = 0")
        types = {row["column_name"]: row["data_type"] for row in self.cluster.psql(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'fid' AND table_name = 'targets'")}
        self.assertEqual(types.get("target_fid"), "bigint", f"fid.targets has no bigint target_fid: {types}")
        wrong = self.cluster.value(
            "SELECT count(*) FROM fid.targets o LEFT JOIN targets t ON t.id = o.target_fid "
            "WHERE t.name IS DISTINCT FROM o.target")
        self.assertEqual(wrong, "0", "target_fid names the source row of each target")

    def test_server_down(self):
        nobody = self.cluster.root / "no-server-here"
        nobody.mkdir(exist_ok=True)
        written = self.cluster.root / "down.csv"
        source = self.cluster.connection(socket=nobody) + " password=not-for-the-log"
        result = threatmap("reach", "--from", "51.88,-176.65", "--range", "2000km", "--to", source,
                           "--layer", "targets", "--format", "csv", "--output", str(written), check=False)
        print(f"\nserver down: exit {result.returncode}: {result.stderr.strip()}", file=sys.stderr)
        self.assertIn(result.returncode, range(1, 126), "fails, without crashing")
        self.assertIn("PG:", result.stderr, "the message names the source")
        self.assertIn(str(nobody), result.stderr, "the message names the source")
        self.assertNotIn("not-for-the-log", result.stderr, "the password is not shown")
        self.assertFalse(written.exists(), "nothing written")

    def test_missing_layer_and_field(self):
        for flag, value in [("--layer", "no_such_layer"), ("--name-field", "no_such_field")]:
            with self.subTest(flag=flag):
                arguments = {"--layer": "targets", "--name-field": "name", flag: value}
                result = threatmap("reach", "--from", "51.88,-176.65", "--range", "2000km",
                                   "--to", self.cluster.connection(),
                                   *[part for pair in arguments.items() for part in pair],
                                   "--output", self.cluster.connection("failed"), check=False)
                print(f"\n{flag} {value}: exit {result.returncode}: {result.stderr.strip()}", file=sys.stderr)
                self.assertIn(result.returncode, range(1, 126), "fails, without crashing")
                self.assertIn(value, result.stderr, "the message names what is missing")
                tables = self.cluster.value(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'failed'")
                self.assertEqual(tables, "0", "nothing written")


if __name__ == "__main__":
    unittest.main(verbosity=2)
