/* asmap map tools: written for asmap, no plugin code. Needs Leaflet (L) only.
 * Every text that reaches the page is set with textContent or comes from Python already
 * HTML-escaped (legend, title block, popups). */
(function () {
  "use strict";
  var asmap = window.asmap = window.asmap || {};
  asmap.registry = asmap.registry || {};
  asmap.labelLayers = asmap.labelLayers || [];

  function el(tag, cls, parent) {
    var node = L.DomUtil.create(tag, cls || "", parent);
    return node;
  }

  function button(parent, cls, title, svg) {
    var a = el("a", "asmap-button " + cls, parent);
    a.href = "#";
    a.title = title;
    a.setAttribute("role", "button");
    a.setAttribute("aria-label", title);
    a.innerHTML = svg;  /* constant icon markup from asmap.ICONS */
    L.DomEvent.disableClickPropagation(a);
    return a;
  }

  asmap.ICONS = {
    fullscreen: '<svg viewBox="0 0 20 20" width="18" height="18"><path d="M2 7V2h5M13 2h5v5M18 13v5h-5M7 18H2v-5" fill="none" stroke="#222" stroke-width="2.2"/></svg>',
    measure: '<svg viewBox="0 0 20 20" width="18" height="18"><path d="M1.5 14.5l13-13 4 4-13 13z" fill="#fff" stroke="#222" stroke-width="1.6"/><path d="M5 11l2 2M8 8l2 2M11 5l2 2" stroke="#222" stroke-width="1.4"/></svg>',
    search: '<svg viewBox="0 0 20 20" width="18" height="18"><circle cx="8" cy="8" r="5.5" fill="none" stroke="#222" stroke-width="2.2"/><path d="M12 12l6 6" stroke="#222" stroke-width="2.6"/></svg>',
    clear: '<svg viewBox="0 0 20 20" width="14" height="14"><path d="M4 4l12 12M16 4L4 16" stroke="#222" stroke-width="2.4"/></svg>'
  };

  /* Text of a piece list: numbers refer to the layer's string table (all escaped in Python). */
  function joined(pieces, strings) {
    if (pieces === undefined) { return ""; }
    if (!Array.isArray(pieces)) { pieces = [pieces]; }
    return pieces.map(function (x) { return typeof x === "number" ? strings[x] : x; }).join("");
  }
  asmap.joined = joined;

  /* Popup of a feature: title, heading pieces and flat rows [field, value, ...]. */
  asmap.popupHtml = function (p, fields, strings) {
    var f = p.f || [], rows = "";
    for (var i = 0; i + 1 < f.length; i += 2) {
      rows += "<tr><th>" + (fields[f[i]] || "") + "</th><td>" + joined(f[i + 1], strings) +
              "</td></tr>";
    }
    return "<div class='asmap-popup'>" + (p.h !== undefined ? "<h4>" + p.h + "</h4>" : "") +
           joined(p.p, strings) + (rows ? "<table>" + rows + "</table>" : "") + "</div>";
  };

  /* One line or ring from an encoded polyline (precision 6): [[lat, lng], ...]. */
  asmap.decodePath = function (text) {
    var out = [], lat = 0, lng = 0, i = 0, n = text.length;
    function next() {
      var b, shift = 0, value = 0;
      do { b = text.charCodeAt(i++) - 63; value |= (b & 31) << shift; shift += 5; } while (b >= 32);
      return (value & 1) ? ~(value >> 1) : (value >> 1);
    }
    while (i < n) {
      lat += next();
      lng += next();
      out.push([lat / 1e6, lng / 1e6]);
    }
    return out;
  };

  /* A feature's geometry as [kind, latlngs]: numbers are a point, strings lines, lists rings. */
  asmap.decodeGeometry = function (g) {
    if (typeof g[0] === "number") { return ["point", g]; }
    if (typeof g[0] === "string") {
      return ["line", g.length === 1 ? asmap.decodePath(g[0]) : g.map(asmap.decodePath)];
    }
    var parts = g.map(function (part) { return part.map(asmap.decodePath); });
    return ["polygon", parts.length === 1 ? parts[0] : parts];
  };

  /* The canvas that layers with many features share (SVG paths for the others). */
  asmap.canvas = function () {
    asmap._canvas = asmap._canvas || L.canvas({padding: 0.1, tolerance: 3});
    return asmap._canvas;
  };

  /* Draw a layer's features (compact geometry, escaped popups) with a style table. */
  asmap.vectorLayer = function (group, data, opts) {
    var styles = opts.styles || {}, strings = data.s || [], fields = opts.fields || [];
    var renderer = opts.canvas ? asmap.canvas() : undefined;
    var layer = L.featureGroup([], opts.attribution ? {attribution: opts.attribution} : {});
    var dots = opts.dotZoom && opts.register ? L.featureGroup() : null;
    var labels = L.layerGroup();  /* on the map only when zoomed in (asmap.labelZoom) */
    asmap.labelLayers.push({group: group, labels: labels});
    function styleOf(p) {
      var s = styles[p.c] || styles[""] || {};
      return L.extend({className: "asmap-" + opts.layer, renderer: renderer}, s);
    }
    data.features.forEach(function (p) {
      var geom = asmap.decodeGeometry(p.g), lyr;
      if (geom[0] === "point") {
        lyr = L.circleMarker(geom[1], L.extend({radius: 7}, styleOf(p)));
      } else if (geom[0] === "line") {
        lyr = L.polyline(geom[1], styleOf(p));
      } else {
        lyr = L.polygon(geom[1], styleOf(p));
      }
      if (p.ref !== undefined) {
        var site = asmap.registry[p.ref];
        if (site) { lyr.bindPopup(site.getPopup().getContent(), {maxWidth: 360}); }
      } else if (p.h !== undefined || p.p || p.f) {
        lyr.bindPopup(function () { return asmap.popupHtml(p, fields, strings); },
                      {maxWidth: 360});
      }
      if (p.h !== undefined) { lyr.bindTooltip(p.h + joined(p.t, strings), {sticky: true}); }
      if (p.id !== undefined && opts.register) { asmap.registry[p.id] = lyr; }
      if (p.r && opts.zones) {
        L.circle(lyr.getLatLng(), L.extend({radius: p.r, interactive: false, renderer: renderer},
          opts.zones, {className: "asmap-" + opts.layer + "-zone"})).addTo(group);
      }
      if (p.l && p.lp) {  /* p.l is escaped in Python */
        L.marker(p.lp, {interactive: false, keyboard: false,
          icon: L.divIcon({className: "asmap-label", html: p.l, iconSize: null})
        }).addTo(labels);
      }
      layer.addLayer(lyr);
      if (dots && p.d) {
        dots.addLayer(asmap.dot(p, fields, strings, styleOf(p), opts.dotRadius));
      }
    });
    if (opts.dotZoom && opts.dotRadius) {  /* small maps: shapes stay, dots over them */
      layer.addTo(group);
      asmap.byZoom(group, null, dots, opts.dotZoom);
    } else if (opts.dotZoom) { asmap.byZoom(group, layer, dots, opts.dotZoom); }
    else { layer.addTo(group); }
    return layer;
  };

  /* A site drawn as a dot when it is smaller than a few pixels; a click opens its popup. */
  asmap.dot = function (p, fields, strings, style, radius) {
    var options = {radius: radius || 2.5, stroke: !!radius, color: "#ffffff", weight: 1.5,
                   fillOpacity: 1, fillColor: style.fillColor || style.color,
                   className: style.className + "-dot"};
    /* outlined dots (small maps) get a pane above every line; canvas dots keep the canvas */
    if (radius) { options.pane = "asmapDots"; } else { options.renderer = style.renderer; }
    var dot = L.circleMarker(p.d, options);
    dot.on("click", function (e) {
      L.popup({maxWidth: 360}).setLatLng(e.latlng)
        .setContent(asmap.popupHtml(p, fields, strings)).openOn(e.target._map);
    });
    return dot;
  };

  /* Show `shapes` from zoom `minZoom` on, `dots` (may be null) below it. */
  asmap.byZoom = function (group, shapes, dots, minZoom) {
    function update() {
      var map = group._map;
      if (!map) { return; }
      if (!map.getPane("asmapDots")) { map.createPane("asmapDots").style.zIndex = 450; }
      var near = map.getZoom() >= minZoom;
      if (shapes && near && !group.hasLayer(shapes)) { group.addLayer(shapes); }
      if (shapes && !near && group.hasLayer(shapes)) { group.removeLayer(shapes); }
      if (dots && !near && !group.hasLayer(dots)) { group.addLayer(dots); }
      if (dots && near && group.hasLayer(dots)) { group.removeLayer(dots); }
    }
    group.on("add", function () { group._map.on("zoomend", update); update(); });
    group.on("remove", function (e) { e.target._map && e.target._map.off("zoomend", update); });
    if (group._map) { group._map.on("zoomend", update); update(); }
  };

  /* Labels only when zoomed in enough to read them (and their layer is shown): label
   * markers are DOM elements, so they are added to the map only then. */
  asmap.labelLayers = asmap.labelLayers || [];
  asmap.labelZoom = function (map, minZoom) {
    function update() {
      var c = map.getContainer(), on = map.getZoom() >= minZoom;
      if (on) { L.DomUtil.addClass(c, "asmap-labels-on"); }
      else { L.DomUtil.removeClass(c, "asmap-labels-on"); }
      asmap.labelLayers.forEach(function (entry) {
        var show = on && map.hasLayer(entry.group);
        if (show && !map.hasLayer(entry.labels)) { entry.labels.addTo(map); }
        if (!show && map.hasLayer(entry.labels)) { map.removeLayer(entry.labels); }
      });
    }
    map.on("zoomend overlayadd overlayremove", update);
    update();
  };

  /* A control whose content is HTML built and escaped in Python (legend, title block). */
  asmap.panel = function (map, html, opts) {
    var Panel = L.Control.extend({
      onAdd: function () {
        var div = el("div", "asmap-panel " + opts.className);
        div.innerHTML = html;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      }
    });
    return new Panel({position: opts.position}).addTo(map);
  };

  asmap.fullscreen = function (map, t) {
    var Full = L.Control.extend({
      onAdd: function () {
        var bar = el("div", "leaflet-bar asmap-fullscreen");
        var a = button(bar, "asmap-fullscreen-button", t.fullscreen, asmap.ICONS.fullscreen);
        var box = map.getContainer();
        function setState(on) {
          if (on) { L.DomUtil.addClass(box, "asmap-fullscreen-on"); }
          else { L.DomUtil.removeClass(box, "asmap-fullscreen-on"); }
          map.invalidateSize();
        }
        L.DomEvent.on(a, "click", function (e) {
          L.DomEvent.preventDefault(e);
          var on = L.DomUtil.hasClass(box, "asmap-fullscreen-on");
          if (on) {
            if (document.fullscreenElement && document.exitFullscreen) {
              document.exitFullscreen().catch(function () {});
            }
            setState(false);
            return;
          }
          setState(true);  /* CSS fallback works everywhere, even inside an iframe */
          if (box.requestFullscreen) { box.requestFullscreen().catch(function () {}); }
        });
        document.addEventListener("fullscreenchange", function () {
          if (!document.fullscreenElement) { setState(false); }
        });
        return bar;
      }
    });
    return new Full({position: "topleft"}).addTo(map);
  };

  /* Geodesic area of a ring of LatLngs on a sphere, square metres. */
  asmap.ringArea = function (latlngs) {
    var R = 6378137, rad = Math.PI / 180, total = 0, n = latlngs.length;
    if (n < 3) { return 0; }
    for (var i = 0; i < n; i++) {
      var a = latlngs[i], b = latlngs[(i + 1) % n];
      total += (b.lng - a.lng) * rad * (2 + Math.sin(a.lat * rad) + Math.sin(b.lat * rad));
    }
    return Math.abs(total * R * R / 2);
  };

  asmap.measure = function (map, t) {
    var points = [], drawn = L.layerGroup().addTo(map), active = false, out, a;
    function fmt(value, digits) {
      return value.toLocaleString(t.locale, {minimumFractionDigits: digits,
                                             maximumFractionDigits: digits});
    }
    function redraw() {
      drawn.clearLayers();
      if (!points.length) { out.textContent = active ? t.measure_hint : ""; return; }
      var km = 0;
      for (var i = 1; i < points.length; i++) { km += map.distance(points[i - 1], points[i]) / 1000; }
      if (points.length > 2) {
        L.polygon(points, {color: "#000", weight: 2, dashArray: "5 4", fillOpacity: 0.1,
                           interactive: false, className: "asmap-measure"}).addTo(drawn);
      } else {
        L.polyline(points, {color: "#000", weight: 2, dashArray: "5 4", interactive: false,
                            className: "asmap-measure"}).addTo(drawn);
      }
      points.forEach(function (p) {
        L.circleMarker(p, {radius: 3, color: "#000", fillOpacity: 1, interactive: false,
                           className: "asmap-measure"}).addTo(drawn);
      });
      var text = t.distance + ": " + fmt(km, 2) + " " + t.km;
      if (points.length > 2) {
        text += " · " + t.area + ": " + fmt(asmap.ringArea(points) / 10000, 2) + " " + t.ha;
      }
      out.textContent = text;
    }
    function onClick(e) { points.push(e.latlng); redraw(); }
    function onPopup() { if (active) { map.closePopup(); } }
    function setActive(on) {
      active = on;
      if (on) {
        map.closePopup();
        L.DomUtil.addClass(a, "asmap-active");
        L.DomUtil.addClass(map.getContainer(), "asmap-measuring");
        map.doubleClickZoom.disable();
        map.on("click", onClick);
        map.on("popupopen", onPopup);
      } else {
        L.DomUtil.removeClass(a, "asmap-active");
        L.DomUtil.removeClass(map.getContainer(), "asmap-measuring");
        map.doubleClickZoom.enable();
        map.off("click", onClick);
        map.off("popupopen", onPopup);
        points = [];
      }
      redraw();
    }
    var Measure = L.Control.extend({
      onAdd: function () {
        var box = el("div", "leaflet-bar asmap-measure-control");
        a = button(box, "asmap-measure-button", t.measure, asmap.ICONS.measure);
        out = el("span", "asmap-measure-result", box);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.on(a, "click", function (e) { L.DomEvent.preventDefault(e); setActive(!active); });
        return box;
      }
    });
    var control = new Measure({position: "topleft"}).addTo(map);
    control.addPoint = function (latlng) { if (!active) { setActive(true); } onClick({latlng: latlng}); };
    control.result = function () { return out.textContent; };
    return control;
  };

  asmap.coordinates = function (map, t) {
    var Coords = L.Control.extend({
      onAdd: function () {
        var div = el("div", "asmap-panel asmap-coordinates");
        div.title = t.coordinates;
        div.textContent = t.coordinates;
        map.on("mousemove", function (e) {
          var lat = e.latlng.lat, lng = L.Util.wrapNum(e.latlng.lng, [-180, 180], true);
          div.textContent = Math.abs(lat).toFixed(5) + "° " + (lat >= 0 ? t.north : t.south) +
            ", " + Math.abs(lng).toFixed(5) + "° " + (lng >= 0 ? t.east : t.west);
        });
        return div;
      }
    });
    return new Coords({position: "bottomleft"}).addTo(map);
  };

  /* An overview map: the outline data drawn small, with the main view as a rectangle. */
  asmap.minimap = function (map, outline, t) {
    var Mini = L.Control.extend({
      onAdd: function () {
        var div = el("div", "asmap-minimap");
        div.title = t.minimap;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      }
    });
    var control = new Mini({position: "bottomright"}).addTo(map);
    var mini = L.map(control.getContainer(), {
      attributionControl: false, zoomControl: false, dragging: false, scrollWheelZoom: false,
      doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false
    });
    var renderer = outline.features.length > 500 ? L.canvas({padding: 0}) : undefined;
    var shapes = L.geoJSON(outline, {
      style: function (f) { return {color: f.properties.k || "#333", weight: 1, fillOpacity: 0.3,
                                    interactive: false, className: "asmap-minimap-shape",
                                    renderer: renderer}; },
      pointToLayer: function (f, ll) {
        return L.circleMarker(ll, {radius: 2, stroke: false, fillColor: f.properties.k || "#333",
                                   fillOpacity: 1, interactive: false,
                                   className: "asmap-minimap-shape", renderer: renderer});
      }
    });
    var view = L.rectangle(map.getBounds(), {color: "#D55E00", weight: 2, fillOpacity: 0.1,
                                             interactive: false, className: "asmap-minimap-view"});
    function sync() {
      var b = shapes.getBounds();
      if (b.isValid()) { mini.fitBounds(b.extend(map.getBounds()), {animate: false}); }
      else { mini.setView(map.getCenter(), Math.max(map.getZoom() - 4, 0), {animate: false}); }
      view.setBounds(map.getBounds());
    }
    mini.on("click", function (e) { map.panTo(e.latlng); });
    map.on("moveend", sync);
    sync();  /* the overview needs a view before anything is drawn on it */
    shapes.addTo(mini);
    view.addTo(mini);
    control.map = mini;
    return control;
  };

  /* Escape text the way Python's html.escape does, to compare with the escaped index. */
  asmap.escapeHtml = function (text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  };

  asmap.unescapeHtml = function (text) {
    var area = document.createElement("textarea");
    area.innerHTML = text;  /* a textarea never runs markup */
    return area.value;
  };

  /* Search sites by id or name; index entries are [id, name], HTML-escaped in Python. */
  asmap.search = function (map, index, t) {
    var Search = L.Control.extend({
      onAdd: function () {
        var box = el("div", "leaflet-bar asmap-search");
        var a = button(box, "asmap-search-button", t.search, asmap.ICONS.search);
        var input = el("input", "asmap-search-input", box);
        input.type = "search";
        input.placeholder = t.search_placeholder;
        input.setAttribute("aria-label", t.search);
        var list = el("ul", "asmap-search-results", box);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        function go(id) {
          var lyr = asmap.registry[id] || asmap.registry[asmap.unescapeHtml(id)];
          if (!lyr) { return; }
          var target = lyr.getBounds ? lyr.getBounds() : L.latLngBounds([lyr.getLatLng()]);
          map.fitBounds(target, {maxZoom: 15, animate: false});
          lyr.openPopup(target.getCenter());
        }
        function show() {
          var q = asmap.escapeHtml(input.value.trim().toLowerCase());
          list.textContent = "";
          if (!q) { return; }
          var hits = index.filter(function (e) {
            return String(e[0]).toLowerCase().indexOf(q) >= 0 ||
                   String(e[1] || "").toLowerCase().indexOf(q) >= 0;
          }).slice(0, 10);
          if (!hits.length) { el("li", "asmap-search-none", list).textContent = t.no_match; }
          hits.forEach(function (e) {
            var li = el("li", "asmap-search-hit", list);
            li.innerHTML = e[1] ? e[0] + " — " + e[1] : String(e[0]);  /* escaped */
            L.DomEvent.on(li, "click", function () { go(e[0]); });
          });
        }
        L.DomEvent.on(input, "input", show);
        L.DomEvent.on(input, "keydown", function (e) {
          if (e.key === "Enter") {
            var first = list.querySelector(".asmap-search-hit");
            if (first) { first.click(); }
          }
        });
        L.DomEvent.on(a, "click", function (e) {
          L.DomEvent.preventDefault(e);
          L.DomUtil.addClass(box, "asmap-open");
          input.focus();
        });
        return box;
      }
    });
    return new Search({position: "topleft"}).addTo(map);
  };

  /* Basemap tiles embedded in the page (issue 15): data.t maps "z/x/y" to base64 image
   * data of type data.m. A missing tile is cut from the nearest embedded ancestor up to
   * opts.up zoom levels above (scaled CSS background), else left as the plain background:
   * never an image request, so nothing breaks with the network cut. */
  asmap.embeddedTiles = function (data, opts) {
    var Tiles = L.GridLayer.extend({
      createTile: function (c) {
        var key = c.z + "/" + c.x + "/" + c.y, tile;
        if (data.t[key]) {
          tile = document.createElement("img");
          tile.alt = "";
          tile.src = "data:" + data.m + ";base64," + data.t[key];
          return tile;
        }
        tile = document.createElement("div");
        tile.className = "asmap-tile-plain";
        for (var up = 1; up <= (opts.up || 0); up++) {
          var z = c.z - up, x = c.x >> up, y = c.y >> up, found = data.t[z + "/" + x + "/" + y];
          if (found) {
            var n = 1 << up, size = this.getTileSize().x;
            tile.style.backgroundImage = "url(data:" + data.m + ";base64," + found + ")";
            tile.style.backgroundSize = (size * n) + "px " + (size * n) + "px";
            tile.style.backgroundPosition = (-(c.x - x * n) * size) + "px " +
              (-(c.y - y * n) * size) + "px";
            tile.className = "asmap-tile-ancestor";
            break;
          }
        }
        return tile;
      }
    });
    return new Tiles(L.extend({className: "asmap-basemap"}, opts));
  };
})();
