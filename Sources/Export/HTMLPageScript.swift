extension HTMLPage {
    /// The page's script: pan and zoom, labels placed anew at every view,
    /// layer toggles, tooltips, the sortable and filterable reach table, and
    /// the measure tool (geodesic distance and bearing on WGS84). Data reach
    /// the page only through `textContent` and attribute values, never as
    /// markup.
    static let script = #"""
    'use strict';
    (function () {
      const data = JSON.parse(document.getElementById('map-data').textContent);
      const SVGNS = 'http://www.w3.org/2000/svg';
      const mapBox = document.getElementById('map');
      const view = document.getElementById('view');
      const pathsLayer = document.getElementById('paths');
      const measureLayer = document.getElementById('measure-marks');
      const marksLayer = document.getElementById('marks');
      const labelsLayer = document.getElementById('labels');
      const tooltip = document.getElementById('tooltip');
      const readout = document.getElementById('measure-readout');
      const theme = data.theme;

      function svgElement(name, attributes) {
        const element = document.createElementNS(SVGNS, name);
        for (const key in attributes) element.setAttribute(key, attributes[key]);
        return element;
      }
      function htmlElement(name, text, className) {
        const element = document.createElement(name);
        if (text !== undefined && text !== null) element.textContent = String(text);
        if (className) element.className = className;
        return element;
      }

      document.getElementById('title').textContent = data.title;
      document.getElementById('subtitle').textContent = data.subtitle + (data.date ? ' \u00b7 ' + data.date : '');
      document.getElementById('credit').textContent = data.credit;

      // The geometry's own titles become data: the page shows its own tooltips.
      for (const group of view.querySelectorAll('.launch-areas > g')) {
        const title = group.querySelector('title');
        if (title) group.dataset.tip = title.textContent;
      }
      for (const title of view.querySelectorAll('title')) title.remove();

      // ---- Geodesics on WGS84 (Vincenty's formulae; agree with Karney's to well under a millimetre where they converge).
      const A = 6378137, F = 1 / 298.257223563, B = A * (1 - F);
      const RAD = Math.PI / 180;
      function normalizeLongitude(longitude) {
        let value = ((longitude + 180) % 360 + 360) % 360 - 180;
        return value === -180 && longitude > 0 ? 180 : value;
      }
      function series(cos2Alpha) {
        const u2 = cos2Alpha * (A * A - B * B) / (B * B);
        return {
          a: 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2))),
          b: u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2))),
        };
      }
      function deltaSigma(b, sinSigma, cosSigma, cos2SigmaM) {
        return b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
          - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
      }
      /** Distance (metres) and initial azimuth (degrees) from point 1 to point 2; null when the iteration does not converge (near-antipodal points). */
      function inverse(latitude1, longitude1, latitude2, longitude2) {
        const L = normalizeLongitude(longitude2 - longitude1) * RAD;
        const U1 = Math.atan((1 - F) * Math.tan(latitude1 * RAD)), U2 = Math.atan((1 - F) * Math.tan(latitude2 * RAD));
        const sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
        let lambda = L, sinSigma = 0, cosSigma = 1, sigma = 0, cos2Alpha = 1, cos2SigmaM = 0, sinLambda = 0, cosLambda = 1;
        for (let iteration = 0; iteration < 500; iteration++) {
          sinLambda = Math.sin(lambda); cosLambda = Math.cos(lambda);
          const p = cosU2 * sinLambda, q = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
          sinSigma = Math.sqrt(p * p + q * q);
          if (sinSigma === 0) return { metres: 0, azimuth: 0 };
          cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
          sigma = Math.atan2(sinSigma, cosSigma);
          const sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
          cos2Alpha = 1 - sinAlpha * sinAlpha;
          cos2SigmaM = cos2Alpha !== 0 ? cosSigma - 2 * sinU1 * sinU2 / cos2Alpha : 0;
          const C = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
          const previous = lambda;
          lambda = L + (1 - C) * F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
          if (Math.abs(lambda) > Math.PI) return null;
          if (Math.abs(lambda - previous) < 1e-13) {
            const s = series(cos2Alpha);
            const metres = B * s.a * (sigma - deltaSigma(s.b, sinSigma, cosSigma, cos2SigmaM));
            const azimuth = Math.atan2(cosU2 * Math.sin(lambda), cosU1 * sinU2 - sinU1 * cosU2 * Math.cos(lambda)) / RAD;
            return { metres: metres, azimuth: (azimuth + 360) % 360 };
          }
        }
        return null;
      }
      /** The point `metres` along the geodesic leaving (latitude, longitude) at `azimuth` degrees. */
      function direct(latitude, longitude, azimuth, metres) {
        const alpha1 = azimuth * RAD, sinAlpha1 = Math.sin(alpha1), cosAlpha1 = Math.cos(alpha1);
        const tanU1 = (1 - F) * Math.tan(latitude * RAD), cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1), sinU1 = tanU1 * cosU1;
        const sigma1 = Math.atan2(tanU1, cosAlpha1);
        const sinAlpha = cosU1 * sinAlpha1, cos2Alpha = 1 - sinAlpha * sinAlpha;
        const s = series(cos2Alpha);
        let sigma = metres / (B * s.a), cos2SigmaM = 0, sinSigma = 0, cosSigma = 1;
        for (let iteration = 0; iteration < 200; iteration++) {
          cos2SigmaM = Math.cos(2 * sigma1 + sigma); sinSigma = Math.sin(sigma); cosSigma = Math.cos(sigma);
          const previous = sigma;
          sigma = metres / (B * s.a) + deltaSigma(s.b, sinSigma, cosSigma, cos2SigmaM);
          if (Math.abs(sigma - previous) < 1e-13) break;
        }
        cos2SigmaM = Math.cos(2 * sigma1 + sigma); sinSigma = Math.sin(sigma); cosSigma = Math.cos(sigma);
        const t = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
        const latitude2 = Math.atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1, (1 - F) * Math.sqrt(sinAlpha * sinAlpha + t * t));
        const lambda = Math.atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
        const C = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
        const L = lambda - (1 - C) * F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        return { latitude: latitude2 / RAD, longitude: normalizeLongitude(longitude + L / RAD) };
      }

      /** Longitude and latitude under a canvas pixel, or null off the Earth. */
      function coordinateAt(x, y) {
        const azimuthal = data.azimuthal;
        if (azimuthal) {
          const px = (x - azimuthal.originX) / azimuthal.scale, py = (azimuthal.originY - y) / azimuthal.scale;
          const radius = Math.hypot(px, py);
          if (radius > 19900000) return null;
          if (radius === 0) return { latitude: azimuthal.latitude, longitude: azimuthal.longitude };
          return direct(azimuthal.latitude, azimuthal.longitude, Math.atan2(px, py) / RAD, radius);
        }
        const grid = data.grid;
        const gx = x / data.width * (grid.columns - 1), gy = y / data.height * (grid.rows - 1);
        if (gx < 0 || gy < 0 || gx > grid.columns - 1 || gy > grid.rows - 1) return null;
        const column = Math.min(Math.floor(gx), grid.columns - 2), row = Math.min(Math.floor(gy), grid.rows - 2);
        const fx = gx - column, fy = gy - row;
        const nodes = [[0, 0], [1, 0], [0, 1], [1, 1]].map(function (offset) {
          const index = (row + offset[1]) * grid.columns + column + offset[0];
          return [grid.latitudes[index], grid.longitudes[index]];
        });
        if (nodes.some(function (node) { return node[0] === null || node[1] === null; })) return null;
        const base = nodes[0][1];
        const unwrapped = nodes.map(function (node) { return base + normalizeLongitude(node[1] - base); });
        const weights = [(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy];
        let latitude = 0, longitude = 0;
        for (let index = 0; index < 4; index++) {
          latitude += weights[index] * nodes[index][0];
          longitude += weights[index] * unwrapped[index];
        }
        return { latitude: latitude, longitude: normalizeLongitude(longitude) };
      }

      function formatCoordinate(latitude, longitude) {
        return Math.abs(latitude).toFixed(4) + '\u00b0' + (latitude >= 0 ? 'N' : 'S') + ' '
          + Math.abs(longitude).toFixed(4) + '\u00b0' + (longitude >= 0 ? 'E' : 'W');
      }

      // ---- View: canvas pixel (x, y) shows at screen (x * k + tx, y * k + ty).
      let width = 1, height = 1, fitScale = 1, k = 1, tx = 0, ty = 0;
      const maximumZoom = 256;
      function clampView() {
        k = Math.min(Math.max(k, fitScale), fitScale * maximumZoom);
        const w = data.width * k, h = data.height * k;
        tx = w <= width ? (width - w) / 2 : Math.min(0, Math.max(width - w, tx));
        ty = h <= height ? (height - h) / 2 : Math.min(0, Math.max(height - h, ty));
      }
      function resetView() {
        width = mapBox.clientWidth || data.width; height = mapBox.clientHeight || data.height;
        fitScale = Math.min(width / data.width, height / data.height);
        k = fitScale; tx = 0; ty = 0;
        render();
      }
      function screenOf(x, y) { return [x * k + tx, y * k + ty]; }
      function zoomAt(factor, sx, sy) {
        const cx = (sx - tx) / k, cy = (sy - ty) / k;
        k = Math.min(Math.max(k * factor, fitScale), fitScale * maximumZoom);
        tx = sx - cx * k; ty = sy - cy * k;
        render();
      }
      function panBy(dx, dy) { tx += dx; ty += dy; render(); }

      // ---- Layers
      const visible = { sites: true, inRange: true, outOfRange: true, basemap: true, graticule: true, marks: true, labels: true };
      data.layers.forEach(function (layer, index) { visible['layer' + index] = true; });
      function setShown(selector, shown) {
        for (const element of view.querySelectorAll(selector)) element.style.display = shown ? '' : 'none';
      }
      function applyLayers() {
        data.layers.forEach(function (layer, index) { setShown('[data-layer="' + index + '"]', visible['layer' + index]); });
        setShown('.launch-areas', visible.sites);
        setShown('.land, .provinces, .borders, .coastline', visible.basemap);
        setShown('.graticule', visible.graticule);
        setShown('.range-marks', visible.marks);
        render();
      }
      const layerList = document.getElementById('layer-list');
      function addToggle(key, text, colour) {
        const label = htmlElement('label');
        const box = htmlElement('input');
        box.type = 'checkbox'; box.checked = true; box.id = 'toggle-' + key; box.dataset.layer = key;
        box.addEventListener('change', function () { visible[key] = box.checked; applyLayers(); });
        label.appendChild(box);
        if (colour) {
          const swatch = htmlElement('span', null, 'swatch');
          swatch.style.background = colour;
          label.appendChild(swatch);
        }
        label.appendChild(document.createTextNode(text));
        layerList.appendChild(label);
      }
      data.layers.forEach(function (layer, index) {
        addToggle('layer' + index, layer.name + ' (' + layer.detail + (layer.bandDetail ? '; ' + layer.bandDetail : '') + ')', layer.colour);
      });
      addToggle('sites', 'Launch sites and areas', theme.site);
      addToggle('inRange', 'Targets in range', theme.inRange);
      addToggle('outOfRange', 'Targets out of range', theme.outOfRange);
      if (view.querySelector('.range-marks')) addToggle('marks', 'Range rings and radials');
      if (view.querySelector('.land, .borders, .coastline')) addToggle('basemap', 'Land, coasts, borders and country names');
      if (view.querySelector('.graticule')) addToggle('graticule', 'Graticule');
      addToggle('labels', 'Labels');

      // ---- Markers and their labels
      const marks = [];
      function addMark(kind, index, marker) {
        if (marker.x === undefined || marker.y === undefined) return;
        let shape;
        if (kind === 'site') {
          shape = svgElement('path', { d: 'M0,-7.5l6.5,12h-13z', fill: theme.site, stroke: theme.markerStroke, 'stroke-width': '1.2' });
        } else {
          shape = svgElement('circle', { r: '4.5', fill: marker.inRange ? theme.inRange : theme.outOfRange,
            stroke: marker.inRange ? theme.markerStroke : theme.text, 'stroke-width': '1.5' });
        }
        shape.setAttribute('class', 'mark ' + kind);
        shape.dataset.kind = kind; shape.dataset.index = String(index);
        marksLayer.appendChild(shape);
        const label = svgElement('text', { class: 'label ' + kind, fill: theme.text, stroke: theme.halo });
        label.textContent = marker.name;
        label.dataset.kind = kind; label.dataset.index = String(index);
        labelsLayer.appendChild(label);
        marks.push({ kind: kind, index: index, marker: marker, shape: shape, label: label, radius: kind === 'site' ? 7.5 : 5,
                     priority: kind === 'site' ? 0 : (marker.inRange ? 1 : 2) });
      }
      data.sites.forEach(function (site, index) { addMark('site', index, site); });
      data.targets.forEach(function (target, index) { addMark('target', index, target); });
      const countries = data.countries.map(function (country) {
        const label = svgElement('text', { class: 'label country', fill: theme.country, 'text-anchor': 'middle' });
        label.textContent = country.name;
        labelsLayer.appendChild(label);
        return { country: country, label: label };
      });
      // Label extents measured once, in screen pixels about the anchor point.
      function measure(label) {
        label.setAttribute('x', '0'); label.setAttribute('y', '0'); label.setAttribute('text-anchor', 'start');
        const box = label.getBBox();
        return { width: box.width, ascent: -box.y, descent: box.y + box.height };
      }
      for (const mark of marks) mark.size = measure(mark.label);
      for (const entry of countries) { entry.size = measure(entry.label); entry.label.setAttribute('text-anchor', 'middle'); }
      marks.sort(function (a, b) { return a.priority - b.priority || a.kind.localeCompare(b.kind) || a.index - b.index; });

      function markShown(mark) {
        if (mark.kind === 'site') return visible.sites;
        return mark.marker.inRange ? visible.inRange : visible.outOfRange;
      }
      const placements = [[9, 4, 'start'], [-9, 4, 'end'], [0, -11, 'middle'], [0, 18, 'middle'],
                          [7, -8, 'start'], [7, 15, 'start'], [-7, -8, 'end'], [-7, 15, 'end']];
      function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
      function labelBox(sx, sy, placement, size) {
        const x = sx + placement[0], y = sy + placement[1];
        const left = placement[2] === 'start' ? x : placement[2] === 'end' ? x - size.width : x - size.width / 2;
        return [left - 2, y - size.ascent - 1, left + size.width + 2, y + size.descent + 1];
      }
      /** Places every label anew for the current view: sites first, then targets in range, the rest, country names last; a label that fits nowhere free is hidden. */
      function placeLabels() {
        const placed = [], obstacles = [];
        for (const mark of marks) {
          if (mark.screen) obstacles.push({ mark: mark, box: [mark.screen[0] - mark.radius, mark.screen[1] - mark.radius,
                                                             mark.screen[0] + mark.radius, mark.screen[1] + mark.radius] });
        }
        for (const mark of marks) {
          mark.label.style.display = 'none';
          if (!visible.labels || !mark.screen) continue;
          for (const placement of placements) {
            const box = labelBox(mark.screen[0], mark.screen[1], placement, mark.size);
            if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) continue;
            if (placed.some(function (other) { return overlaps(box, other); })) continue;
            if (obstacles.some(function (other) { return other.mark !== mark && overlaps(box, other.box); })) continue;
            mark.label.setAttribute('x', (mark.screen[0] + placement[0]).toFixed(1));
            mark.label.setAttribute('y', (mark.screen[1] + placement[1]).toFixed(1));
            mark.label.setAttribute('text-anchor', placement[2]);
            mark.label.style.display = '';
            placed.push(box);
            break;
          }
        }
        for (const entry of countries) {
          entry.label.style.display = 'none';
          if (!visible.labels || !visible.basemap) continue;
          const side = entry.country.side * k;
          if (side < entry.size.width * 0.9 || side < 28) continue;
          const s = screenOf(entry.country.x, entry.country.y);
          const box = labelBox(s[0], s[1], [0, 4, 'middle'], entry.size);
          if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) continue;
          if (placed.some(function (other) { return overlaps(box, other); })) continue;
          if (obstacles.some(function (other) { return overlaps(box, other.box); })) continue;
          entry.label.setAttribute('x', s[0].toFixed(1)); entry.label.setAttribute('y', (s[1] + 4).toFixed(1));
          entry.label.style.display = '';
          placed.push(box);
        }
      }

      function drawMarks() {
        for (const mark of marks) {
          const s = screenOf(mark.marker.x, mark.marker.y);
          const onScreen = s[0] >= -10 && s[1] >= -10 && s[0] <= width + 10 && s[1] <= height + 10;
          mark.screen = markShown(mark) && onScreen ? s : null;
          mark.shape.style.display = mark.screen ? '' : 'none';
          mark.shape.setAttribute('transform', 'translate(' + s[0].toFixed(1) + ' ' + s[1].toFixed(1) + ')');
        }
      }

      // ---- Scale bar
      function niceLength(metres) {
        const power = Math.pow(10, Math.floor(Math.log10(metres)));
        for (const step of [5, 2, 1]) if (step * power <= metres) return step * power;
        return power;
      }
      function drawScale() {
        const scale = document.getElementById('scale'), text = document.getElementById('scale-text'), bar = document.getElementById('scale-bar');
        const cx = (width / 2 - tx) / k, cy = (height / 2 - ty) / k, half = 50 / k;
        const west = coordinateAt(cx - half, cy), east = coordinateAt(cx + half, cy);
        const solution = west && east ? inverse(west.latitude, west.longitude, east.latitude, east.longitude) : null;
        if (!solution || !(solution.metres > 0)) { scale.style.visibility = 'hidden'; return; }
        scale.style.visibility = '';
        const metresPerPixel = solution.metres / 100;
        const length = niceLength(metresPerPixel * 150);
        bar.setAttribute('width', (length / metresPerPixel).toFixed(1));
        text.textContent = length >= 1000 ? (length / 1000) + ' km' : length + ' m';
      }

      // ---- Selected reach row: its geodesic path, its site and target.
      let selectedRow = null;
      function drawPath() {
        pathsLayer.textContent = '';
        for (const mark of marks) mark.shape.classList.remove('selected');
        if (selectedRow === null) return;
        const row = data.rows[selectedRow];
        for (const piece of data.paths[row.path]) {
          const points = piece.map(function (point) { const s = screenOf(point[0], point[1]); return s[0].toFixed(1) + ',' + s[1].toFixed(1); });
          const attributes = { class: 'path', points: points.join(' '), stroke: row.inRange ? theme.inRange : theme.muted, 'stroke-opacity': '0.9' };
          if (!row.inRange) attributes['stroke-dasharray'] = '8 5';
          pathsLayer.appendChild(svgElement('polyline', attributes));
        }
        for (const mark of marks) {
          if ((mark.kind === 'site' && mark.index === row.site) || (mark.kind === 'target' && mark.index === row.target)) {
            mark.shape.classList.add('selected');
          }
        }
      }

      // ---- Measure tool
      let measuring = false, measured = [];
      const measureButton = document.getElementById('measure');
      function setMeasuring(on) {
        measuring = on; measured = [];
        measureButton.setAttribute('aria-pressed', on ? 'true' : 'false');
        mapBox.classList.toggle('measuring', on);
        readout.textContent = on ? 'Click the first point (a marker snaps).' : '';
        delete readout.dataset.metres; delete readout.dataset.azimuth;
        drawMeasure();
      }
      function nearestMark(sx, sy) {
        let best = null, bestDistance = 12;
        for (const mark of marks) {
          if (!mark.screen) continue;
          const distance = Math.hypot(mark.screen[0] - sx, mark.screen[1] - sy);
          if (distance <= bestDistance) { best = mark; bestDistance = distance; }
        }
        return best;
      }
      function measureClick(sx, sy) {
        const mark = nearestMark(sx, sy);
        let point;
        if (mark) {
          point = { latitude: mark.marker.latitude, longitude: mark.marker.longitude, name: mark.marker.name, x: mark.marker.x, y: mark.marker.y };
        } else {
          const x = (sx - tx) / k, y = (sy - ty) / k, coordinate = coordinateAt(x, y);
          if (!coordinate) { readout.textContent = 'That point is off the Earth.'; return; }
          point = { latitude: coordinate.latitude, longitude: coordinate.longitude, name: formatCoordinate(coordinate.latitude, coordinate.longitude), x: x, y: y };
        }
        if (measured.length === 2) measured = [];
        measured.push(point);
        if (measured.length === 1) {
          readout.textContent = 'From ' + point.name + ': click the second point.';
        } else {
          const a = measured[0], b = measured[1];
          const solution = inverse(a.latitude, a.longitude, b.latitude, b.longitude);
          if (!solution) {
            readout.textContent = 'The points are nearly antipodal: the distance is about 20,000 km, the bearing undefined.';
          } else {
            readout.dataset.metres = solution.metres.toFixed(3);
            readout.dataset.azimuth = solution.azimuth.toFixed(4);
            readout.textContent = a.name + ' \u2192 ' + b.name + ': ' + (solution.metres / 1000).toLocaleString('en', { minimumFractionDigits: 3, maximumFractionDigits: 3 })
              + ' km, initial bearing ' + solution.azimuth.toFixed(1) + '\u00b0 (geodesic, WGS84)';
          }
        }
        drawMeasure();
      }
      function drawMeasure() {
        measureLayer.textContent = '';
        const points = measured.map(function (point) { return screenOf(point.x, point.y); });
        if (points.length === 2) {
          measureLayer.appendChild(svgElement('line', { x1: points[0][0], y1: points[0][1], x2: points[1][0], y2: points[1][1],
            stroke: theme.text, 'stroke-width': '2', 'stroke-dasharray': '6 4' }));
        }
        for (const point of points) {
          measureLayer.appendChild(svgElement('circle', { cx: point[0], cy: point[1], r: '5', fill: 'none', stroke: theme.text, 'stroke-width': '2' }));
        }
      }

      function render() {
        clampView();
        view.setAttribute('transform', 'translate(' + tx.toFixed(2) + ' ' + ty.toFixed(2) + ') scale(' + k.toFixed(5) + ')');
        drawMarks();
        placeLabels();
        drawPath();
        drawMeasure();
        drawScale();
        mapBox.dataset.zoom = (k / fitScale).toFixed(4);
      }

      // ---- Tooltips
      function showTooltip(nodes, clientX, clientY) {
        tooltip.textContent = '';
        for (const node of nodes) tooltip.appendChild(node);
        tooltip.hidden = false;
        const area = document.getElementById('map-area').getBoundingClientRect();
        let left = clientX - area.left + 14, top = clientY - area.top + 14;
        if (left + tooltip.offsetWidth > area.width) left = Math.max(0, clientX - area.left - tooltip.offsetWidth - 14);
        if (top + tooltip.offsetHeight > area.height) top = Math.max(0, clientY - area.top - tooltip.offsetHeight - 14);
        tooltip.style.left = left + 'px'; tooltip.style.top = top + 'px';
      }
      function hideTooltip() { tooltip.hidden = true; }
      const tipColumns = ['site', 'missile', 'target', 'distance_km', 'bearing_deg', 'range_km', 'margin_km', 'in_range', 'status', 'flight_time_min'];
      function rowsTable(rows, columns) {
        const table = htmlElement('table');
        const head = htmlElement('tr');
        const indices = columns.map(function (name) { return data.columns.indexOf(name); }).filter(function (index) { return index >= 0; });
        for (const index of indices) head.appendChild(htmlElement('th', data.columns[index]));
        table.appendChild(head);
        for (const row of rows) {
          const tr = htmlElement('tr');
          for (const index of indices) tr.appendChild(htmlElement('td', row.cells[index], data.numeric[index] ? 'num' : null));
          table.appendChild(tr);
        }
        return table;
      }
      function markTooltip(mark) {
        const marker = mark.marker;
        const nodes = [htmlElement('strong', marker.name), htmlElement('div', marker.tooltip),
                       htmlElement('div', formatCoordinate(marker.latitude, marker.longitude))];
        if (mark.kind === 'target') {
          const rows = data.rows.filter(function (row) { return row.target === mark.index && row.inRange; });
          nodes.push(htmlElement('div', rows.length ? 'Reached by:' : 'Out of reach of every site and system.'));
          if (rows.length) nodes.push(rowsTable(rows, tipColumns.filter(function (name) { return name !== 'target'; })));
        } else {
          const seen = new Set(), rows = [];
          for (const row of data.rows) {
            const system = row.cells[data.columns.indexOf('missile')];
            if (row.site === mark.index && !seen.has(system)) { seen.add(system); rows.push(row); }
          }
          if (rows.length) nodes.push(rowsTable(rows, ['missile', 'range_km', 'min_range_km']));
        }
        return nodes;
      }
      marksLayer.addEventListener('pointerover', function (event) {
        const index = marks.findIndex(function (mark) { return mark.shape === event.target; });
        if (index >= 0) showTooltip(markTooltip(marks[index]), event.clientX, event.clientY);
      });
      marksLayer.addEventListener('pointerout', hideTooltip);
      view.addEventListener('pointermove', function (event) {
        if (dragging) return;
        const layer = event.target.closest('[data-layer]');
        const area = event.target.closest('.launch-areas > g');
        if (layer) {
          const entry = data.layers[Number(layer.dataset.layer)];
          const band = layer.classList.contains('footprint-band');
          showTooltip([htmlElement('strong', entry.name), htmlElement('div', band ? entry.bandDetail : entry.detail)], event.clientX, event.clientY);
        } else if (area && area.dataset.tip) {
          showTooltip([htmlElement('div', area.dataset.tip)], event.clientX, event.clientY);
        } else {
          hideTooltip();
        }
      });
      view.addEventListener('pointerleave', hideTooltip);

      // ---- Pointer: drag to pan, pinch and wheel to zoom, click to measure or show a marker.
      const pointers = new Map();
      let dragging = false, moved = 0, pinchDistance = 0;
      function localPoint(event) {
        const box = mapBox.getBoundingClientRect();
        return [event.clientX - box.left, event.clientY - box.top];
      }
      mapBox.addEventListener('pointerdown', function (event) {
        if (event.button !== 0) return;
        pointers.set(event.pointerId, localPoint(event));
        mapBox.setPointerCapture(event.pointerId);
        moved = 0;
        if (pointers.size === 2) {
          const points = Array.from(pointers.values());
          pinchDistance = Math.hypot(points[0][0] - points[1][0], points[0][1] - points[1][1]);
        }
      });
      mapBox.addEventListener('pointermove', function (event) {
        if (!pointers.has(event.pointerId)) return;
        const previous = pointers.get(event.pointerId), point = localPoint(event);
        pointers.set(event.pointerId, point);
        if (pointers.size === 2) {
          const points = Array.from(pointers.values());
          const distance = Math.hypot(points[0][0] - points[1][0], points[0][1] - points[1][1]);
          if (pinchDistance > 0 && distance > 0) {
            zoomAt(distance / pinchDistance, (points[0][0] + points[1][0]) / 2, (points[0][1] + points[1][1]) / 2);
          }
          pinchDistance = distance;
          moved += 10;
          return;
        }
        moved += Math.abs(point[0] - previous[0]) + Math.abs(point[1] - previous[1]);
        if (moved > 3) {
          dragging = true;
          mapBox.classList.add('dragging');
          hideTooltip();
          panBy(point[0] - previous[0], point[1] - previous[1]);
        }
      });
      function endPointer(event) {
        if (!pointers.has(event.pointerId)) return;
        const point = pointers.get(event.pointerId);
        pointers.delete(event.pointerId);
        const wasDrag = dragging || moved > 3;
        if (pointers.size === 0) { dragging = false; mapBox.classList.remove('dragging'); }
        if (wasDrag || event.type === 'pointercancel') return;
        if (measuring) { measureClick(point[0], point[1]); return; }
        const mark = nearestMark(point[0], point[1]);
        if (mark) showTooltip(markTooltip(mark), event.clientX, event.clientY); else hideTooltip();
      }
      mapBox.addEventListener('pointerup', endPointer);
      mapBox.addEventListener('pointercancel', endPointer);
      mapBox.addEventListener('wheel', function (event) {
        event.preventDefault();
        const point = localPoint(event);
        zoomAt(Math.pow(2, -event.deltaY / (event.deltaMode === 1 ? 6 : 300)), point[0], point[1]);
      }, { passive: false });
      mapBox.addEventListener('dblclick', function (event) {
        event.preventDefault();
        if (measuring) return;
        const point = localPoint(event);
        zoomAt(event.shiftKey ? 0.5 : 2, point[0], point[1]);
      });
      mapBox.addEventListener('keydown', function (event) {
        const step = 60;
        const actions = {
          ArrowLeft: function () { panBy(step, 0); }, ArrowRight: function () { panBy(-step, 0); },
          ArrowUp: function () { panBy(0, step); }, ArrowDown: function () { panBy(0, -step); },
          '+': function () { zoomAt(1.5, width / 2, height / 2); }, '=': function () { zoomAt(1.5, width / 2, height / 2); },
          '-': function () { zoomAt(1 / 1.5, width / 2, height / 2); }, '0': resetView,
          Escape: function () { hideTooltip(); if (measuring) setMeasuring(false); },
        };
        if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
      });
      document.getElementById('zoom-in').addEventListener('click', function () { zoomAt(1.5, width / 2, height / 2); });
      document.getElementById('zoom-out').addEventListener('click', function () { zoomAt(1 / 1.5, width / 2, height / 2); });
      document.getElementById('reset').addEventListener('click', resetView);
      measureButton.addEventListener('click', function () { setMeasuring(!measuring); });

      // ---- Reach table: sortable, filterable; a row selects its path.
      const table = document.getElementById('reach');
      const head = table.querySelector('thead'), body = table.querySelector('tbody');
      const headRow = htmlElement('tr');
      let sortColumn = -1, ascending = true;
      data.columns.forEach(function (name, column) {
        const th = htmlElement('th');
        th.setAttribute('aria-sort', 'none');
        const button = htmlElement('button', name);
        button.type = 'button';
        button.addEventListener('click', function () { sortBy(column); });
        th.appendChild(button);
        headRow.appendChild(th);
      });
      head.appendChild(headRow);
      const rowElements = data.rows.map(function (row, index) {
        const tr = htmlElement('tr');
        tr.tabIndex = 0;
        tr.dataset.row = String(index);
        row.cells.forEach(function (cell, column) { tr.appendChild(htmlElement('td', cell, data.numeric[column] ? 'num' : null)); });
        tr.addEventListener('click', function () { selectRow(index); });
        tr.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); selectRow(index); }
        });
        body.appendChild(tr);
        return tr;
      });
      function sortBy(column) {
        ascending = column === sortColumn ? !ascending : true;
        sortColumn = column;
        const numeric = data.numeric[column];
        const order = data.rows.map(function (row, index) { return index; });
        order.sort(function (a, b) {
          const x = data.rows[a].cells[column], y = data.rows[b].cells[column];
          let result;
          if (numeric) {
            const u = x === '' ? Infinity : Number(x), v = y === '' ? Infinity : Number(y);
            result = u < v ? -1 : u > v ? 1 : 0;
          } else {
            result = x.localeCompare(y);
          }
          return (ascending ? result : -result) || a - b;
        });
        for (const index of order) body.appendChild(rowElements[index]);
        headRow.querySelectorAll('th').forEach(function (th, index) {
          th.setAttribute('aria-sort', index === column ? (ascending ? 'ascending' : 'descending') : 'none');
        });
      }
      const filter = document.getElementById('filter'), rowCount = document.getElementById('row-count');
      function applyFilter() {
        const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
        let shown = 0;
        data.rows.forEach(function (row, index) {
          const text = row.cells.join(' ').toLowerCase();
          const match = words.every(function (word) { return text.includes(word); });
          rowElements[index].hidden = !match;
          if (match) shown++;
        });
        rowCount.textContent = shown + ' of ' + data.rows.length + ' rows';
      }
      filter.addEventListener('input', applyFilter);
      function selectRow(index) {
        if (selectedRow !== null) rowElements[selectedRow].classList.remove('selected');
        selectedRow = selectedRow === index ? null : index;
        if (selectedRow !== null) {
          rowElements[selectedRow].classList.add('selected');
          // Bring the path into view when an end of it is off screen.
          const row = data.rows[selectedRow];
          const ends = [data.sites[row.site], data.targets[row.target]].filter(function (m) { return m && m.x !== undefined; });
          const off = ends.some(function (m) { const s = screenOf(m.x, m.y); return s[0] < 0 || s[1] < 0 || s[0] > width || s[1] > height; });
          if (off) resetView();
        }
        render();
      }
      applyFilter();

      window.addEventListener('resize', function () {
        const zoom = k / fitScale;
        width = mapBox.clientWidth || data.width; height = mapBox.clientHeight || data.height;
        fitScale = Math.min(width / data.width, height / data.height);
        k = fitScale * zoom;
        render();
      });
      resetView();
      applyLayers();
      window.threatMapReady = performance.now();
    })();
    """#
}
