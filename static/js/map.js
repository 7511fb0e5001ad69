/* The shared map block (core/maps, templates/maps/map.html). Draws the GeoJSON that the page
   carries; in input mode it writes "LAT,LON" into a form element. Fetches nothing from anyone
   else unless the page names a tile server. Keyboard: the map pans with the arrow keys and zooms
   with + and -, a button places the marker at the crosshair in the middle, and a focused marker
   moves with the arrow keys (Shift for bigger steps). */
(function () {
  "use strict";

  var STYLES = {
    background: { color: "#0b3b60", weight: 2, fillColor: "#d2e2f1", fillOpacity: 0.7 },
    area: { color: "#1d4f91", weight: 2, dashArray: "6 4", fillOpacity: 0 },
    polygon: { color: "#b3261e", weight: 2, fillOpacity: 0.15 },
    "hot-99": { color: "#942514", weight: 1, fillColor: "#942514", fillOpacity: 0.6 },
    "hot-95": { color: "#b3261e", weight: 1, fillColor: "#d4351c", fillOpacity: 0.4 },
    "hot-90": { color: "#b3261e", weight: 1, fillColor: "#f47738", fillOpacity: 0.3 }
  };
  /* Leaflet finds its marker images from its stylesheet's URL, which the hashed file names of
     production's static files defeat; they lie beside this script's folder (static/). */
  var HERE = document.currentScript && document.currentScript.src;
  var IMAGES = HERE ? HERE.replace(/js\/[^\/]*$/, "vendor/leaflet/images/") : "";
  var STEPS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

  function round(n) { return Math.round(n * 1e6) / 1e6; }

  /* Popup text is set as text, never as HTML: it may be a resident's (moderated) words. */
  function popupContent(p) {
    var box = document.createElement("div");
    var text = document.createElement("p");
    text.textContent = p.popup;
    box.appendChild(text);
    if (p.href) {
      var link = document.createElement("a");
      link.href = p.href;
      link.textContent = p.link || p.href;
      box.appendChild(link);
    }
    return box;
  }

  function featureLayer(data) {
    return L.geoJSON(data, {
      style: function (f) { return STYLES[f.properties.role] || STYLES.polygon; },
      pointToLayer: function (f, latlng) {
        return L.marker(latlng, { alt: f.properties.name || "", keyboard: !!f.properties.popup });
      },
      onEachFeature: function (f, layer) {
        if (f.properties.role === "area" && f.properties.name) {
          layer.bindTooltip(f.properties.name, { permanent: true, direction: "center", className: "map-area-label" });
        } else if (f.properties.popup) {
          layer.bindPopup(popupContent(f.properties));
        }
      }
    });
  }

  function inputMode(block, map) {
    var d = block.dataset;
    var input = document.getElementById(d.mapInput);
    var status = block.querySelector("[data-map-status]");
    var marker = null;
    if (!input) { return; }

    function write(latlng) {
      input.value = round(latlng.lat) + "," + round(latlng.lng);
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = true;
        var wrapper = input.closest("[data-map-choice]");
        if (wrapper) { wrapper.hidden = false; }
      }
      status.textContent = d.mapTextMarked;
    }
    function nudge(event) {
      var step = STEPS[event.key];
      if (!step) { return; }
      event.preventDefault();
      event.stopPropagation();
      var size = event.shiftKey ? 50 : 10;
      var at = map.latLngToContainerPoint(marker.getLatLng()).add([step[0] * size, step[1] * size]);
      place(map.containerPointToLatLng(at));
    }
    function place(latlng) {
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng, { draggable: true, keyboard: true, alt: d.mapTextMarker, title: d.mapTextMarker }).addTo(map);
        marker.on("dragend", function () { write(marker.getLatLng()); });
        marker.getElement().addEventListener("keydown", nudge);
      }
      write(latlng);
    }
    function clear() {
      if (marker) { map.removeLayer(marker); marker = null; }
      status.textContent = d.mapTextNone;
    }

    map.on("click", function (event) { place(event.latlng); });
    block.querySelector("[data-map-centre]").addEventListener("click", function () {
      place(map.getCenter());
      marker.getElement().focus();
    });
    block.querySelector("[data-map-remove]").addEventListener("click", function () {
      clear();
      if (input.type === "radio") {
        input.checked = false;
        var none = input.form && input.form.querySelector('input[name="' + input.name + '"][value=""]');
        if (none) { none.checked = true; }
      } else {
        input.value = "";
      }
    });
    if (input.form && input.name) {
      input.form.addEventListener("change", function (event) {
        if (event.target !== input && event.target.name === input.name) { clear(); }
      });
    }
    if (d.mapMarker) {
      var parts = d.mapMarker.split(",");
      place(L.latLng(parseFloat(parts[0]), parseFloat(parts[1])));
    }
  }

  function draw(block, map, data) {
    var bounds = featureLayer(data).addTo(map).getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [8, 8] }); } else { map.setView([62.5, 16.5], 4); }
  }

  function setUp(block) {
    var d = block.dataset;
    if (IMAGES) { L.Icon.Default.imagePath = IMAGES; }
    var data = JSON.parse(document.getElementById(block.id + "-data").textContent);
    block.hidden = false;
    var map = L.map(block.querySelector(".map-canvas"), {
      keyboard: true, zoomControl: false, attributionControl: !!d.mapTiles
    });
    L.control.zoom({ zoomInTitle: d.mapTextZoomIn, zoomOutTitle: d.mapTextZoomOut }).addTo(map);
    if (d.mapTiles) {
      L.tileLayer(d.mapTiles, { attribution: d.mapAttribution, maxZoom: 19 }).addTo(map);
    }
    if (d.mapSrc) {
      map.setView([62.5, 16.5], 4);
      fetch(d.mapSrc, { headers: { Accept: "application/geo+json" } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (fetched) { draw(block, map, fetched); block.setAttribute("data-map-loaded", ""); })
        .catch(function () { block.hidden = true; });
    } else {
      draw(block, map, data);
    }
    if (d.mapInput) { inputMode(block, map); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.L) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), setUp);
  });
}());
