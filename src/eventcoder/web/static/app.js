// The events page: map, timeline and table of the filtered events, and one event with its sources.
// Every piece of stored text reaches the page through text nodes (el(), textContent), never as markup.
"use strict";
(function () {
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2471a3",
    "Riots": "#138d75",
    "Strategic developments": "#707b7c",
  };
  const PAGE = 1000;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const state = {config: null, query: null, events: [], capped: false, sort: {key: "event_date", dir: 1},
                 markers: new Map(), map: null, layer: null, selected: null, seenCountries: new Set(),
                 seenTypes: new Set(Object.keys(TYPE_COLOURS))};

  // --- small helpers -------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttributes(node, attrs);
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttributes(node, attrs);
    node.append(...children);
    return node;
  }

  function setAttributes(node, attrs) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
  }

  async function api(path) {
    const response = await fetch(path, {headers: {Accept: "application/json"}});
    const body = await response.json().catch(() => ({error: response.statusText}));
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function showError(error) {
    const box = document.getElementById("error");
    box.textContent = error ? String(error.message || error) : "";
    box.hidden = !error;
  }

  function colour(event) { return TYPE_COLOURS[event.event_type] || "#34495e"; }
  function radius(event) { return 5 + 2.2 * Math.sqrt(event.fatalities || 0); }
  function plural(n, word) { return `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`; }
  function hasPlace(event) { return event.latitude !== null && event.longitude !== null; }
  function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : null; }
  function escapeHtml(text) {  // only for the operator's attribution, which Leaflet renders as HTML
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }

  // --- routing: #/?filters lists events, #/event/ID shows one ---------------------------------

  function currentQuery() {
    const hash = location.hash.replace(/^#\/?/, "");
    return hash.startsWith("?") ? hash.slice(1) : (state.query || "");
  }

  async function route() {
    showError(null);
    const match = location.hash.match(/^#\/event\/(.+)$/);
    try {
      const query = match ? (state.query ?? "") : currentQuery();
      fillForm(query);
      if (query !== state.query) await loadEvents(query);
      if (match) await showEvent(decodeURIComponent(match[1]));
      else showList();
    } catch (error) {
      showError(error);
    }
  }

  function fillForm(query) {
    const params = new URLSearchParams(query);
    for (const input of document.getElementById("filters").elements) {
      if (input.name) input.value = params.get(input.name) || "";
    }
  }

  function formQuery() {
    const params = new URLSearchParams();
    for (const input of document.getElementById("filters").elements) {
      if (input.name && input.value.trim()) params.set(input.name, input.value.trim());
    }
    return params.toString();
  }

  // --- loading -------------------------------------------------------------------------------

  async function loadEvents(query) {
    const limit = Math.min(PAGE, state.config.max_page);
    const found = [];
    state.capped = false;
    for (let offset = 0; ; offset += limit) {
      const params = new URLSearchParams(query);
      params.set("limit", limit);
      params.set("offset", offset);
      const page = await api(`/api/events?${params}`);
      found.push(...page.events);
      if (offset + limit >= page.total) break;
      if (found.length >= state.config.max_page) { state.capped = true; break; }
    }
    state.query = query;
    state.events = found;
    for (const event of found) {
      if (event.country) state.seenCountries.add(event.country);
      state.seenTypes.add(event.sub_event_type);
    }
    fillDatalists();
    renderSummary();
    renderMap();
    renderTimeline();
    renderTable();
  }

  function fillDatalists() {
    const fill = (id, values) => document.getElementById(id).replaceChildren(
      ...[...values].sort().map((value) => el("option", {value})));
    fill("countries", state.seenCountries);
    fill("types", state.seenTypes);
  }

  function renderSummary() {
    const events = state.events;
    const deaths = events.reduce((sum, e) => sum + (e.fatalities || 0), 0);
    const articles = new Set(events.flatMap((e) => e.article_ids)).size;
    const text = `${plural(events.length, "event")} · ${plural(deaths, "death")} · ${plural(articles, "article")}`;
    document.getElementById("summary").textContent =
      state.capped ? `${text} (the first ${events.length.toLocaleString()}: narrow the filters)` : text;
  }

  // --- map -----------------------------------------------------------------------------------

  function setUpMap() {
    const map = L.map("map", {worldCopyJump: true, zoomSnap: 0.5});
    if (state.config.tile_url) {
      const attribution = state.config.tile_attribution || new URL(state.config.tile_url.replace(/[{}]/g, "")).host;
      L.tileLayer(state.config.tile_url, {attribution: escapeHtml(attribution), maxZoom: 18}).addTo(map);
    } else {
      document.getElementById("map").classList.add("no-tiles");
      drawGraticule(map);
    }
    map.setView([15, 20], 2);
    state.map = map;
    state.layer = L.featureGroup().addTo(map);
    const legend = document.getElementById("legend");
    legend.replaceChildren(
      ...Object.entries(TYPE_COLOURS).map(([type, fill]) =>
        el("span", {class: "legend-item"}, el("span", {class: "dot", style: `background:${fill}`}), type)),
      el("span", {class: "legend-item muted"}, "circle size: deaths"));
  }

  function drawGraticule(map) {
    const style = {color: "#b8c4cc", weight: 0.6, interactive: false};
    for (let lat = -80; lat <= 80; lat += 10) L.polyline([[lat, -180], [lat, 180]], style).addTo(map);
    for (let lon = -180; lon <= 180; lon += 10) L.polyline([[-85, lon], [85, lon]], style).addTo(map);
  }

  function renderMap() {
    state.layer.clearLayers();
    state.markers.clear();
    const places = new Map();
    for (const event of state.events.filter(hasPlace)) {
      const key = `${event.latitude.toFixed(4)},${event.longitude.toFixed(4)}`;
      if (!places.has(key)) places.set(key, []);
      places.get(key).push(event);
    }
    const label = !state.config.tile_url && places.size <= 80;
    const largestFirst = state.events.filter(hasPlace).sort((a, b) => radius(b) - radius(a));
    const labelled = new Set();
    for (const event of largestFirst) {
      const key = `${event.latitude.toFixed(4)},${event.longitude.toFixed(4)}`;
      const marker = L.circleMarker([event.latitude, event.longitude], {
        radius: radius(event), color: "#1b2631", weight: 1, fillColor: colour(event), fillOpacity: 0.78,
        className: `event-marker${event.status === "background" ? " background" : ""}`,
      });
      marker.bindPopup(() => placePopup(places.get(key)), {maxWidth: 360});
      if (label && !labelled.has(key)) {
        labelled.add(key);
        marker.bindTooltip(el("span", {}, event.location || event.location_text || ""),
                           {permanent: true, direction: "right", offset: [radius(event), 0], className: "place-label"});
      }
      marker.addTo(state.layer);
      state.markers.set(event.event_id, marker);
    }
    if (state.markers.size) state.map.fitBounds(state.layer.getBounds(), {padding: [30, 30], maxZoom: 7});
  }

  function placePopup(events) {
    const first = events[0];
    return el("div", {class: "popup"},
      el("strong", {}, [first.location, first.country].filter(Boolean).join(", ")),
      el("ul", {}, events.map((e) => el("li", {},
        el("a", {href: `#/event/${encodeURIComponent(e.event_id)}`}, `${e.event_date || "undated"} ${e.sub_event_type}`),
        e.fatalities ? ` (${plural(e.fatalities, "death")})` : ""))));
  }

  function emphasise(eventId, on) {
    const marker = state.markers.get(eventId);
    if (!marker) return;
    marker.setStyle(on ? {weight: 3, color: "#000"} : {weight: 1, color: "#1b2631"});
    if (on) marker.bringToFront();
  }

  // --- timeline: events (top) and deaths (bottom) per day, week, month or year -----------------

  const UNITS = [
    {name: "day", days: 1, fits: 92},
    {name: "week", days: 7, fits: 730},
    {name: "month", days: 31, fits: 365 * 12},
    {name: "year", days: 366, fits: Infinity},
  ];

  function binStart(day, unit) {
    const d = new Date(day);
    if (unit === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    if (unit === "month" || unit === "year") d.setUTCDate(1);
    if (unit === "year") d.setUTCMonth(0);
    return d;
  }

  function nextBin(start, unit) {
    const d = new Date(start);
    if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
    if (unit === "week") d.setUTCDate(d.getUTCDate() + 7);
    if (unit === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    if (unit === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
    return d;
  }

  function binLabel(start, unit) {
    const iso = start.toISOString().slice(0, 10);
    return unit === "year" ? iso.slice(0, 4) : unit === "month" ? iso.slice(0, 7) : iso;
  }

  function timelineBins() {
    const dated = state.events.filter((e) => e.event_date);
    if (!dated.length) return {unit: null, bins: [], undated: state.events.length};
    const days = dated.map((e) => Date.parse(e.event_date));
    const first = Math.min(...days), last = Math.max(...days);
    const unit = UNITS.find((u) => (last - first) / 864e5 <= u.fits).name;
    const bins = [];
    const index = new Map();
    for (let start = binStart(first, unit); start.getTime() <= last; start = nextBin(start, unit)) {
      index.set(start.getTime(), bins.length);
      bins.push({start, end: new Date(nextBin(start, unit).getTime() - 864e5), events: 0, deaths: 0});
    }
    for (const event of dated) {
      const bin = bins[index.get(binStart(Date.parse(event.event_date), unit).getTime())];
      bin.events += 1;
      bin.deaths += event.fatalities || 0;
    }
    return {unit, bins, undated: state.events.length - dated.length};
  }

  function renderTimeline() {
    const chart = document.getElementById("timeline");
    const {unit, bins, undated} = timelineBins();
    document.getElementById("timeline-unit").textContent =
      unit ? `per ${unit}${undated ? ` · ${undated} undated not shown` : ""}` : "no dated events";
    const width = Math.max(chart.clientWidth || chart.parentNode.clientWidth, 300);
    const height = 190, left = 44, right = 8, top = 16, panel = 58, gap = 26;
    chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
    chart.replaceChildren();
    if (!bins.length) return;
    const maxEvents = Math.max(...bins.map((b) => b.events), 1);
    const maxDeaths = Math.max(...bins.map((b) => b.deaths), 1);
    const step = (width - left - right) / bins.length;
    const deathsTop = top + panel + gap;
    chart.append(
      svg("text", {x: 4, y: top + 10, class: "axis-label"}, "events"),
      svg("text", {x: 4, y: top + 24, class: "axis-value"}, String(maxEvents)),
      svg("text", {x: 4, y: deathsTop + 10, class: "axis-label"}, "deaths"),
      svg("text", {x: 4, y: deathsTop + 24, class: "axis-value"}, String(maxDeaths)),
      svg("line", {x1: left, x2: width - right, y1: top + panel, y2: top + panel, class: "axis"}),
      svg("line", {x1: left, x2: width - right, y1: deathsTop + panel, y2: deathsTop + panel, class: "axis"}));
    const labelEvery = Math.ceil(bins.length / Math.max(1, Math.floor((width - left) / 70)));
    bins.forEach((bin, i) => {
      const x = left + i * step;
      const barWidth = Math.max(step - (step > 4 ? 2 : 0), 1);
      const eventsHeight = (bin.events / maxEvents) * panel;
      const deathsHeight = (bin.deaths / maxDeaths) * panel;
      const title = `${binLabel(bin.start, unit)}: ${plural(bin.events, "event")}, ${plural(bin.deaths, "death")}`;
      chart.append(svg("g", {class: "bin", tabindex: 0, onclick: () => filterPeriod(bin)},
        svg("title", {}, title),
        svg("rect", {x, y: top, width: step, height: deathsTop + panel - top, class: "hit"}),
        svg("rect", {x: x + 1, y: top + panel - eventsHeight, width: barWidth, height: eventsHeight, class: "events-bar"}),
        svg("rect", {x: x + 1, y: deathsTop + panel - deathsHeight, width: barWidth, height: deathsHeight, class: "deaths-bar"})));
      if (i % labelEvery === 0) {
        chart.append(svg("text", {x: x + 1, y: deathsTop + panel + 14, class: "tick"}, binLabel(bin.start, unit)));
      }
    });
    if (state.selected && state.selected.event_date) {
      const day = Date.parse(state.selected.event_date);
      const i = bins.findIndex((b) => b.start.getTime() <= day && day <= b.end.getTime());
      if (i >= 0) {
        const x = left + (i + 0.5) * step;
        chart.append(svg("line", {x1: x, x2: x, y1: top - 6, y2: deathsTop + panel, class: "selected-line"}));
      }
    }
  }

  function filterPeriod(bin) {
    const params = new URLSearchParams(state.query);
    params.set("since", bin.start.toISOString().slice(0, 10));
    params.set("until", bin.end.toISOString().slice(0, 10));
    location.hash = `#/?${params}`;
  }

  // --- table ---------------------------------------------------------------------------------

  function renderTable() {
    const {key, dir} = state.sort;
    const rows = [...state.events].sort((a, b) => {
      const x = a[key], y = b[key];
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * dir;
    });
    for (const th of document.querySelectorAll("#events th")) {
      th.classList.toggle("sorted", th.dataset.key === key);
      th.setAttribute("aria-sort", th.dataset.key === key ? (dir > 0 ? "ascending" : "descending") : "none");
    }
    document.querySelector("#events tbody").replaceChildren(...rows.map(tableRow));
    document.getElementById("empty").hidden = rows.length > 0;
  }

  function tableRow(event) {
    const open = () => { location.hash = `#/event/${encodeURIComponent(event.event_id)}`; };
    const status = event.status && event.status !== "new" ? el("span", {class: `badge ${event.status}`}, event.status) : null;
    return el("tr", {class: `event-row ${event.status || ""}`, tabindex: 0, "data-event-id": event.event_id,
                     onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); },
                     onmouseenter: () => emphasise(event.event_id, true),
                     onmouseleave: () => emphasise(event.event_id, false)},
      el("td", {class: "date"}, event.event_date || "undated"),
      el("td", {}, el("span", {class: "dot", style: `background:${colour(event)}`}), event.sub_event_type, status),
      el("td", {}, event.actor1 || ""),
      el("td", {}, event.actor2 || ""),
      el("td", {}, event.location || ""),
      el("td", {}, event.country || ""),
      el("td", {class: "num"}, String(event.fatalities ?? 0)),
      el("td", {class: "num"}, String(event.source_count ?? 0)));
  }

  function sortBy(key) {
    state.sort = {key, dir: state.sort.key === key ? -state.sort.dir : (key === "fatalities" || key === "source_count" ? -1 : 1)};
    renderTable();
  }

  // --- one event -----------------------------------------------------------------------------

  function showList() {
    state.selected = null;
    document.getElementById("event-view").hidden = true;
    document.getElementById("list-view").hidden = false;
    renderTimeline();
  }

  async function showEvent(eventId) {
    const event = await api(`/api/events/${encodeURIComponent(eventId)}`);
    state.selected = event;
    const view = document.getElementById("event-view");
    view.replaceChildren(...eventSections(event));
    view.dataset.eventId = event.event_id;
    document.getElementById("list-view").hidden = true;
    view.hidden = false;
    const pane = view.parentNode;
    pane.scrollTop = 0;
    renderTimeline();
    const marker = state.markers.get(event.event_id);
    if (hasPlace(event)) state.map.setView([event.latitude, event.longitude], Math.max(state.map.getZoom(), 7));
    if (marker) marker.openPopup();
    const firstMark = view.querySelector("mark.evidence");  // bring the evidence up when it starts below the fold
    if (firstMark && firstMark.getBoundingClientRect().top > pane.getBoundingClientRect().bottom - 80) {
      firstMark.scrollIntoView({block: "center"});
    }
  }

  function eventSections(event) {
    const place = [event.location, event.admin1, event.country].filter(Boolean).join(", ") || "an unknown place";
    const range = (min, max) => (min === null ? null : max === null ? `at least ${min}` : min === max ? String(min) : `${min}–${max}`);
    const killed = range(event.killed_min, event.killed_max);
    const injured = range(event.injured_min, event.injured_max);
    const independent = event.reports.filter((r) => r.independent).length;
    return [
      el("nav", {}, el("a", {href: `#/?${state.query || ""}`, class: "back"}, "← All events")),
      el("h2", {}, el("span", {class: "dot big", style: `background:${colour(event)}`}), event.sub_event_type),
      el("p", {class: "subtitle"}, `${place} · ${event.event_date || "undated"}`,
        event.date_text ? el("span", {class: "muted"}, ` (“${event.date_text}”)`) : null),
      el("div", {class: "facts"},
        fact("Deaths", String(event.fatalities ?? 0)), killed ? fact("Killed", killed) : null,
        injured ? fact("Injured", injured) : null, fact("Certainty", event.certainty || "—"),
        fact("Status", event.status || "—"),
        fact("Sources", `${event.reports.length} report${event.reports.length === 1 ? "" : "s"}, ${independent} independent`)),
      event.notes ? el("p", {class: "notes"}, event.notes) : null,
      fieldList(event),
      el("h3", {}, `Sources (${event.reports.length})`),
      ...event.reports.map(reportSection),
      el("h3", {}, "Why these reports are one event"),
      event.merges.length
        ? el("ul", {class: "merges"}, event.merges.map((m) => el("li", {},
            el("span", {class: `badge ${m.kind}`}, m.kind), " ", el("code", {}, m.record_id || ""), ": ", m.reason)))
        : el("p", {class: "muted"}, "One report: nothing merged."),
      event.revisions.length ? el("h3", {}, "Revisions") : null,
      event.revisions.length
        ? el("ul", {class: "revisions"}, event.revisions.map((v) => el("li", {},
            el("code", {}, v.field), `: ${JSON.stringify(v.old)} → ${JSON.stringify(v.new)} (from ${v.record_id})`)))
        : null,
    ];
  }

  function fact(name, value) {
    return el("div", {class: "fact"}, el("span", {class: "fact-name"}, name), el("span", {class: "fact-value"}, value));
  }

  // GeoNames' id, or the name of the imported source (gazetteer import --name) the place came from
  function placeSource(event) {
    return event.geo_source && event.geo_source !== "geonames"
      ? `from ${event.geo_source}` : `GeoNames ${event.geonameid ?? "—"}`;
  }

  function fieldList(event) {
    const actor = (name, kind) => (name ? `${name}${kind && !name.includes(kind) ? ` (${kind})` : ""}` : null);
    const rows = [
      ["Event type", `${event.event_type} / ${event.sub_event_type}`],
      ["PLOVER", [event.plover_event, event.plover_mode].filter(Boolean).join(" / ")],
      ["Actor 1", actor(event.actor1, event.inter1)],
      ["Associated with actor 1", event.assoc_actor_1],
      ["Actor 2", actor(event.actor2, event.inter2)],
      ["Associated with actor 2", event.assoc_actor_2],
      ["Civilians targeted", event.civilian_targeting ? "yes" : "no"],
      ["Place", hasPlace(event)
        ? `${event.location_text || event.location} → ${event.location} (${placeSource(event)}, ` +
          `${event.latitude.toFixed(3)}, ${event.longitude.toFixed(3)}, precision ${event.geo_precision ?? "—"})`
        : event.location_text],
      ["Attributed to", (event.sources || []).join("; ")],
      ["Outlets", (event.outlets || []).join("; ")],
      ["Event id", event.event_id],
    ].filter(([, value]) => value);
    return el("dl", {class: "fields"}, rows.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]));
  }

  function reportSection(report) {
    const url = safeUrl(report.url);
    const title = report.title || report.article_id;
    const record = report.record || {};
    return el("section", {class: "report"},
      el("header", {},
        el("h4", {}, url ? el("a", {href: url, rel: "noopener noreferrer", target: "_blank"}, title) : title),
        el("p", {class: "muted"},
          [report.outlet || "unknown outlet", report.published || "undated", `article ${report.article_id}`].join(" · "),
          report.rank === 0 ? el("span", {class: "badge main"}, "main event") : null,
          report.independent ? null : el("span", {class: "badge near-duplicate"}, "near-duplicate copy"))),
      el("p", {class: "record-summary"},
        `This report: ${record.sub_event_type || "?"} in ${record.location || "an unknown place"} on ` +
        `${record.event_date || "an unknown date"}, ${plural(record.fatalities || 0, "death")}` +
        `${record.certainty ? `, ${record.certainty}` : ""}.`),
      report.article_text
        ? highlighted(report.article_text, report.evidence)
        : el("p", {class: "muted"}, "The article text is not stored."));
  }

  function highlighted(text, spans) {
    const ranges = [];
    for (const span of spans || []) {
      let start = span.start, end = span.end;
      if (text.slice(start, end) !== span.text) {  // offsets into another text: find the sentence instead
        start = span.text ? text.indexOf(span.text) : -1;
        end = start + (span.text || "").length;
      }
      if (start >= 0 && end > start) ranges.push([start, end]);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    const box = el("div", {class: "article-text"});
    let at = 0;
    for (const [start, end] of merged) {
      box.append(text.slice(at, start), el("mark", {class: "evidence", title: "evidence for this event"}, text.slice(start, end)));
      at = end;
    }
    box.append(text.slice(at));
    return box;
  }

  // --- start ---------------------------------------------------------------------------------

  async function start() {
    try {
      state.config = await api("/api/config");
    } catch (error) {
      showError(error);
      return;
    }
    setUpMap();
    document.getElementById("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      location.hash = `#/?${formQuery()}`;
    });
    document.getElementById("clear").addEventListener("click", () => { location.hash = "#/?"; });
    for (const th of document.querySelectorAll("#events th")) th.addEventListener("click", () => sortBy(th.dataset.key));
    window.addEventListener("hashchange", route);
    let resizing = null;
    window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(renderTimeline, 150); });
    await route();
    document.body.dataset.ready = "true";
  }

  start();
})();
