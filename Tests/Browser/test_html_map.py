"""The HTML map in a real browser (Chromium through chromedriver).

Run by `make browser-tests` (part of `make test`) with the test venv:
    .venv/bin/python -m unittest discover -s Tests/Browser -v
The threatmap binary comes from THREATMAP (default .build/debug/threatmap).
Screenshots go to Output/browser/ as artifacts. A missing browser, driver
or binary fails the run; nothing is skipped.
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("THREATMAP", ROOT / ".build/debug/threatmap"))
ARTIFACTS = ROOT / "Output/browser"

ANTIMERIDIAN = """\
title: Across the antimeridian (browser test)
date: 2026-01-01
systems:
  - name: Test missile
    class: srbm
    range: 2500km
    source: test value
sites:
  - name: Adak
    coordinates: 51.88,-176.64
targets:
  - name: Petropavlovsk-Kamchatsky
    coordinates: 53.02,158.65
  - name: Attu
    coordinates: 52.90,173.20
  - name: Anchorage
    coordinates: 61.22,-149.90
  - name: Honolulu
    coordinates: 21.31,-157.86
map:
  theme: dark
outputs:
  stem: antimeridian
  formats: [html]
"""

HOSTILE = """\
title: "Hostile </title><script>window.pwned = 1</script> title"
systems:
  - name: "Zolfaghar<img src=x onerror=window.pwned=2>"
    class: srbm
    range: 700km
    source: "</script><script>window.pwned=3</script>"
sites:
  - name: "\\"><svg onload=window.pwned=4>"
    coordinates: 32.87,44.15
targets:
  - name: "<script>alert(1)</script>"
    coordinates: 33.31,44.36
  - name: "' onmouseover='window.pwned=5"
    coordinates: 30.51,47.78
outputs:
  stem: hostile
  formats: [html]
"""


def require(path, what):
    if not shutil.which(str(path)) and not Path(path).exists():
        raise RuntimeError(f"{what} not found: {path} (make test installs it)")
    return str(shutil.which(str(path)) or path)


def render(directory, scenario=None, extra=()):
    """Runs `threatmap map` and returns the HTML page written."""
    arguments = [str(BINARY), "map", "--quiet", "--output-dir", str(directory), *extra]
    if scenario is not None:
        arguments.insert(2, str(scenario))
    subprocess.run(arguments, check=True, cwd=ROOT, capture_output=True)
    pages = sorted(Path(directory).glob("*.html"))
    if len(pages) != 1:
        raise RuntimeError(f"expected one page in {directory}, found {pages}")
    return pages[0]


class HTMLMapTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require(BINARY, "threatmap binary")
        cls.temporary = Path(tempfile.mkdtemp(prefix="threatmap-browser-"))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        cls.default_page = render(cls.temporary / "default", extra=["--html"])
        (cls.temporary / "antimeridian.yaml").write_text(ANTIMERIDIAN)
        cls.antimeridian_page = render(cls.temporary / "am", cls.temporary / "antimeridian.yaml")
        (cls.temporary / "hostile.yaml").write_text(HOSTILE)
        cls.hostile_page = render(cls.temporary / "hostile", cls.temporary / "hostile.yaml")

        options = webdriver.ChromeOptions()
        options.binary_location = require("chromium", "chromium")
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1400,1000", "--force-device-scale-factor=1"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        cls.driver = webdriver.Chrome(service=Service(require("chromedriver", "chromedriver")), options=options)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.temporary, ignore_errors=True)

    # ---- helpers

    def open(self, page):
        driver = self.driver
        driver.get_log("browser")
        driver.get_log("performance")
        started = time.perf_counter()
        driver.get(page.as_uri())
        self.assertIsNotNone(driver.execute_script("return window.threatMapReady"), "the script did not finish")
        self.loaded_seconds = time.perf_counter() - started
        return driver.execute_script("return JSON.parse(document.getElementById('map-data').textContent)")

    def shot(self, name):
        self.driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))

    def console_errors(self):
        return [entry for entry in self.driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]

    def requests(self, page):
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return [url for url in urls if url != page.as_uri()]

    def visible_label_boxes(self):
        return self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#labels text'))
              .filter(t => t.style.display !== 'none')
              .map(t => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, t.textContent]; });
        """)

    def assert_no_overlap(self, boxes):
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap = a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
                self.assertFalse(overlap, f"labels overlap: {a[4]!r} {a[:4]} and {b[4]!r} {b[:4]}")

    def mark(self, kind, index):
        return self.driver.find_element(By.CSS_SELECTOR, f'#marks .mark[data-kind="{kind}"][data-index="{index}"]')

    def zoom(self):
        return float(self.driver.find_element(By.ID, "map").get_attribute("data-zoom"))

    # ---- tests

    def test_pages_load_without_console_errors_or_requests(self):
        for page, name in [(self.default_page, "default"), (self.antimeridian_page, "antimeridian")]:
            with self.subTest(page=name):
                data = self.open(page)
                ready = self.driver.execute_script("return window.threatMapReady")
                size = page.stat().st_size
                print(f"\n{name}: {size / 1000:.0f} kB, drawn and interactive {ready:.0f} ms after navigation "
                      f"(page load seen by the driver {self.loaded_seconds * 1000:.0f} ms)")
                self.assertEqual(self.console_errors(), [])
                self.assertEqual(self.requests(page), [], "the page made a network request")
                self.assertEqual(self.driver.execute_script("return performance.getEntriesByType('resource').length"), 0)
                self.assertGreater(len(data["rows"]), 0)
                self.shot(name)
        self.assertLess(self.default_page.stat().st_size, 400_000, "the default scenario's page is over 400 kB")

    def test_toggling_a_layer_hides_it(self):
        data = self.open(self.default_page)
        for index in range(len(data["layers"])):
            groups = self.driver.find_elements(By.CSS_SELECTOR, f'#world [data-layer="{index}"]')
            self.assertTrue(groups, f"layer {index} has no footprint group")
            self.driver.find_element(By.ID, f"toggle-layer{index}").click()
            self.assertTrue(all(not g.is_displayed() for g in groups), f"layer {index} still shown")
            self.driver.find_element(By.ID, f"toggle-layer{index}").click()
            self.assertTrue(all(g.value_of_css_property("display") != "none" for g in groups))
        out_of_range = [i for i, t in enumerate(data["targets"]) if not t["inRange"] and "x" in t]
        self.assertTrue(out_of_range)
        self.driver.find_element(By.ID, "toggle-outOfRange").click()
        self.assertFalse(self.mark("target", out_of_range[0]).is_displayed())
        self.shot("default-out-of-range-hidden")
        self.driver.find_element(By.ID, "toggle-outOfRange").click()
        self.assertTrue(self.mark("target", out_of_range[0]).is_displayed())

    def test_zooming_changes_the_view_and_keeps_labels_apart(self):
        data = self.open(self.default_page)
        self.assert_no_overlap(self.visible_label_boxes())
        before = len(self.visible_label_boxes())
        scale = self.driver.find_element(By.ID, "scale-text").text
        transform = self.driver.find_element(By.ID, "view").get_attribute("transform")
        # Zoom into the cluster around Baghdad: its labels become readable.
        baghdad = next(i for i, t in enumerate(data["targets"]) if t["name"] == "Baghdad")
        marker = self.mark("target", baghdad)
        for _ in range(5):
            ActionChains(self.driver).scroll_from_origin(ScrollOrigin.from_element(marker), 0, -300).perform()
            marker = self.mark("target", baghdad)
        self.assertGreater(self.zoom(), 16)
        self.assertNotEqual(self.driver.find_element(By.ID, "view").get_attribute("transform"), transform)
        # The scale bar follows the zoom (500 km at the full view, tens of km here).
        zoomed_scale = self.driver.find_element(By.ID, "scale-text").text
        self.assertNotEqual(zoomed_scale, scale)
        self.assertLess(float(zoomed_scale.split()[0]), float(scale.split()[0]))
        self.shot("default-zoomed-baghdad")
        boxes = self.visible_label_boxes()
        self.assert_no_overlap(boxes)
        names = {box[4] for box in boxes}
        self.assertIn("Baghdad", names)
        self.assertIn("Green Zone", names)
        print(f"\nlabels shown: {before} at the full view, {len(boxes)} zoomed into Baghdad (x{self.zoom():.1f})")
        # Buttons and keys too.
        self.driver.find_element(By.ID, "reset").click()
        self.assertAlmostEqual(self.zoom(), 1, places=3)
        self.driver.find_element(By.ID, "zoom-in").click()
        self.assertAlmostEqual(self.zoom(), 1.5, places=3)
        self.driver.find_element(By.ID, "zoom-out").click()
        self.assertAlmostEqual(self.zoom(), 1, places=3)
        map_box = self.driver.find_element(By.ID, "map")
        map_box.send_keys("+")
        self.assertAlmostEqual(self.zoom(), 1.5, places=3)
        transform = self.driver.find_element(By.ID, "view").get_attribute("transform")
        map_box.send_keys(Keys.ARROW_LEFT)
        self.assertNotEqual(self.driver.find_element(By.ID, "view").get_attribute("transform"), transform)
        self.assert_no_overlap(self.visible_label_boxes())
        ActionChains(self.driver).double_click(map_box).perform()
        self.assertAlmostEqual(self.zoom(), 3, places=3)
        self.assert_no_overlap(self.visible_label_boxes())

    def test_hovering_a_target_shows_its_reach_rows(self):
        data = self.open(self.default_page)
        riyadh = next(i for i, t in enumerate(data["targets"]) if t["name"] == "Riyadh")
        ActionChains(self.driver).move_to_element(self.mark("target", riyadh)).perform()
        tooltip = self.driver.find_element(By.ID, "tooltip")
        self.assertTrue(tooltip.is_displayed())
        self.assertIn("Riyadh", tooltip.text)
        reaching = [row for row in data["rows"] if row["target"] == riyadh and row["inRange"]]
        self.assertTrue(reaching)
        shown = tooltip.find_elements(By.CSS_SELECTOR, "table tr")
        self.assertEqual(len(shown), len(reaching) + 1)  # and the header
        distance = data["columns"].index("distance_km")
        self.assertIn(reaching[0]["cells"][distance], tooltip.text)
        self.shot("default-hover-riyadh")

    def test_selecting_a_table_row_highlights_its_path(self):
        data = self.open(self.default_page)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#paths polyline"), [])
        self.driver.find_element(By.ID, "filter").send_keys("Riyadh Zolfaghar")
        rows = [r for r in self.driver.find_elements(By.CSS_SELECTOR, "#reach tbody tr") if r.is_displayed()]
        self.assertTrue(rows)
        self.assertTrue(all("Riyadh" in r.text and "Zolfaghar" in r.text for r in rows))
        rows[0].click()
        index = int(rows[0].get_attribute("data-row"))
        row = data["rows"][index]
        self.assertIn("selected", rows[0].get_attribute("class"))
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#paths polyline"))
        self.assertIn("selected", self.mark("site", row["site"]).get_attribute("class"))
        self.assertIn("selected", self.mark("target", row["target"]).get_attribute("class"))
        self.shot("default-selected-row")
        # Sorting by distance orders the visible rows by it.
        self.driver.find_element(By.ID, "filter").clear()
        self.driver.find_element(By.ID, "filter").send_keys(" ")
        header = self.driver.find_elements(By.CSS_SELECTOR, "#reach thead button")[data["columns"].index("distance_km")]
        header.click()
        cells = self.driver.execute_script("""
            const column = arguments[0];
            return Array.from(document.querySelectorAll('#reach tbody tr')).map(r => Number(r.children[column].textContent));
        """, data["columns"].index("distance_km"))
        self.assertEqual(cells, sorted(cells))

    def test_measure_matches_reach_to_the_metre(self):
        for page, name in [(self.default_page, "default"), (self.antimeridian_page, "antimeridian")]:
            with self.subTest(page=name):
                data = self.open(page)
                self.driver.find_element(By.ID, "measure").click()
                row = next(r for r in data["rows"] if "x" in data["targets"][r["target"]] and "x" in data["sites"][r["site"]]
                           and data["targets"][r["target"]]["name"] in ("Riyadh", "Petropavlovsk-Kamchatsky"))
                site, target = data["sites"][row["site"]], data["targets"][row["target"]]
                ActionChains(self.driver).move_to_element(self.mark("site", row["site"])).click().perform()
                ActionChains(self.driver).move_to_element(self.mark("target", row["target"])).click().perform()
                readout = self.driver.find_element(By.ID, "measure-readout")
                measured = float(readout.get_attribute("data-metres"))
                reach = subprocess.run(
                    [str(BINARY), "reach", "--from", f"{site['latitude']!r},{site['longitude']!r}", "--range", "20000km",
                     "--to", f"{target['latitude']!r},{target['longitude']!r}", "--format", "json"],
                    check=True, capture_output=True, text=True, cwd=ROOT)
                expected = json.loads(reach.stdout)[0]["distance_km"] * 1000
                print(f"\n{name}: measure {measured:.3f} m, reach {expected:.3f} m ({site['name']} to {target['name']})")
                self.assertLess(abs(measured - expected), 1.0)
                self.assertIn(target["name"], readout.text)
                self.shot(f"{name}-measure")

    def test_print_keeps_the_map_and_the_table(self):
        self.open(self.default_page)
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            for hidden in ["controls", "panel", "filter"]:
                self.assertFalse(self.driver.find_element(By.ID, hidden).is_displayed(), f"#{hidden} prints")
            self.assertTrue(self.driver.find_element(By.ID, "map").is_displayed())
            rows = self.driver.find_elements(By.CSS_SELECTOR, "#reach tbody tr")
            self.assertTrue(rows[-1].is_displayed())
            self.assertEqual(self.driver.execute_script(
                "return getComputedStyle(document.getElementById('table-wrap')).overflow"), "visible")
        finally:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    def test_controls_are_labelled_and_reachable_by_keyboard(self):
        self.open(self.antimeridian_page)
        for button in self.driver.find_elements(By.CSS_SELECTOR, "#controls button"):
            self.assertTrue(button.get_attribute("aria-label"), button.get_attribute("id"))
        for box in self.driver.find_elements(By.CSS_SELECTOR, "#panel input[type=checkbox]"):
            self.assertTrue(box.find_element(By.XPATH, "..").text.strip(), box.get_attribute("id"))
        self.assertEqual(self.driver.find_element(By.ID, "map").get_attribute("tabindex"), "0")
        row = self.driver.find_element(By.CSS_SELECTOR, "#reach tbody tr")
        self.assertEqual(row.get_attribute("tabindex"), "0")
        row.send_keys(Keys.ENTER)
        self.assertIn("selected", row.get_attribute("class"))
        self.assert_no_overlap(self.visible_label_boxes())

    def test_a_hostile_label_is_text(self):
        data = self.open(self.hostile_page)
        try:
            alert = self.driver.switch_to.alert
            self.fail(f"an alert ran: {alert.text}")
        except NoAlertPresentException:
            pass
        self.assertIsNone(self.driver.execute_script("return window.pwned"))
        self.assertEqual(self.driver.title, "Hostile </title><script>window.pwned = 1</script> title")
        labels = [box[4] for box in self.visible_label_boxes()]
        self.assertIn("<script>alert(1)</script>", labels)
        self.assertEqual(data["targets"][1]["name"], "' onmouseover='window.pwned=5")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "img, iframe, object, embed"), [])
        self.assertEqual(len(self.driver.find_elements(By.TAG_NAME, "script")), 2)
        hostile = next(i for i, t in enumerate(data["targets"]) if t["name"].startswith("'"))
        ActionChains(self.driver).move_to_element(self.mark("target", hostile)).perform()
        self.assertIn("onmouseover", self.driver.find_element(By.ID, "tooltip").text)
        self.assertIsNone(self.driver.execute_script("return window.pwned"))
        self.assertEqual(self.console_errors(), [])
        self.shot("hostile")


if __name__ == "__main__":
    unittest.main()
