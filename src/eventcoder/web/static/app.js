// The events page: totals, map and timeline of the whole filter (from /api/summary), a table of one
// page of its events sorted by the server, and one event with its sources and their history.
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
  const FILTERS = ["country", "admin1", "type", "actor", "since", "until", "near", "min_fatalities"];
  const REPEATED = new Set(["country", "admin1", "type", "actor"]);  // written with commas, sent as repeats
  const DEFAULT_SORT = "-event_date";
  const PAGE_SIZE = 100;
  const state = {config: null, map: null, places: null, selection: null, controller: null,
                 summaryKey: null, listKey: null, openedId: null, lastChanged: null,
                 seen: {countries: new Set(), regions: new Set(), types: new Set(Object.keys(TYPE_COLOURS))}};

  // --- small helpers -------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    node.append(...present(children.flat()));
    return node;
  }

  function present(nodes) { return nodes.filter((node) => node !== null && node !== undefined && node !== false); }

  async function api(path, signal) {
    const response = await fetch(path, {headers: {Accept: "application/json"}, signal});
    const body = await response.json().catch(() => ({error: response.statusText}));
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function showError(error) {
    const box = document.getElementById("error");
    box.textContent = error ? String(error.message || error) : "";
    box.hidden = !error;
  }

  function setLoading(on) {
    document.getElementById("loading").hidden = !on;
    document.querySelector("main").setAttribute("aria-busy", String(on));
  }

  function colour(event) { return TYPE_COLOURS[event.event_type] || "#34495e"; }
  function plural(n, word) { return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`; }
  function hasPlace(event) { return event.latitude !== null && event.longitude !== null; }
  function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : null; }
  function escapeHtml(text) {  // only for the operator's attribution, which Leaflet renders as HTML
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }
  function longDate(iso) {  // "2024-03-03" as "3 March 2024"
    if (!iso) return "undated";
    const day = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
    return isNaN(day) ? String(iso) : day.toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  }

  // --- the address: #/?params lists events, #/event/ID?params shows one --------------------------
  // params hold the filters, the table's sort and offset and the map's view, so a link restores all.

  function parseHash() {
    const match = location.hash.match(/^#\/(?:event\/([^?]*))?\??(.*)$/);
    return {eventId: match && match[1] ? decodeURIComponent(match[1]) : null,
            params: new URLSearchParams(match ? match[2] : "")};
  }

  function hashFor(params, eventId = null) {
    return `#/${eventId ? `event/${encodeURIComponent(eventId)}` : ""}?${params}`;
  }

  function filtersOf(params) {
    const filters = new URLSearchParams();
    for (const name of FILTERS) for (const value of params.getAll(name)) filters.append(name, value);
    return filters;
  }

  function sortOf(params) { return params.get("sort") || DEFAULT_SORT; }
  function offsetOf(params) { return Math.max(0, parseInt(params.get("offset"), 10) || 0); }

  /** Goes to the list with new filters (back to the first page, the map fitted to them). */
  function filterTo(filters) {
    filters.set("sort", sortOf(parseHash().params));
    location.hash = hashFor(filters);
  }

  function fillForm(params) {
    for (const input of document.getElementById("filters").elements) {
      if (input.name) input.value = params.getAll(input.name).join(", ");
    }
  }

  function formFilters() {
    const filters = new URLSearchParams();
    for (const input of document.getElementById("filters").elements) {
      if (!input.name || !input.value.trim()) continue;
      const values = REPEATED.has(input.name) ? input.value.split(",") : [input.value];
      for (const value of values) if (value.trim()) filters.append(input.name, value.trim());
    }
    return filters;
  }

  // --- loading: the summary when the filters change, the table page when it or its sort does -------

  /** Shows what the address asks for; a ``refresh`` (the store changed) reads the totals and the table
   *  again and leaves the map's view and an open event as the reader has them. */
  async function route(refresh = false) {
    const {eventId, params} = parseHash();
    fillForm(params);
    const filters = filtersOf(params);
    const listing = new URLSearchParams(filters);
    listing.set("sort", sortOf(params));
    listing.set("limit", PAGE_SIZE);
    listing.set("offset", offsetOf(params));
    const summaryKey = filters.toString(), listKey = listing.toString();
    if (state.controller) state.controller.abort();  // a newer address wins over one still loading
    const controller = state.controller = new AbortController();
    showError(null);
    setLoading(true);
    try {
      const [summary, page, event] = await Promise.all([
        summaryKey === state.summaryKey ? null : api(`/api/summary?${filters}`, controller.signal),
        listKey === state.listKey ? null : api(`/api/events?${listing}`, controller.signal),
        eventId && !refresh ? api(`/api/events/${encodeURIComponent(eventId)}`, controller.signal) : null]);
      if (controller.signal.aborted) return;
      if (summary) {
        state.summaryKey = summaryKey;
        showSummary(summary, filters, params.get("view"), refresh);
      }
      if (page) {
        state.listKey = listKey;
        showPage(page, listing);
      }
      if (event) showEvent(event, params);
      else if (!refresh) showList();
    } catch (error) {
      if (controller.signal.aborted) return;
      clearResults();
      showError(error);
    } finally {
      if (state.controller === controller) setLoading(false);
    }
  }

  /** After a failed request nothing of the previous filter stays on screen as if it were the answer. */
  function clearResults() {
    state.summaryKey = state.listKey = null;
    document.getElementById("summary").replaceChildren();
    document.querySelector("#events tbody").replaceChildren();
    document.getElementById("page-info").textContent = "";
    document.getElementById("previous").disabled = document.getElementById("next").disabled = true;
    document.getElementById("timeline").replaceChildren();
    document.getElementById("timeline-ticks").replaceChildren();
    for (const id of ["timeline-unit", "max-events", "max-deaths"]) document.getElementById(id).textContent = "";
    document.getElementById("downloads").hidden = true;
    state.places.clearLayers();
    showList();
  }

  function showSummary(summary, filters, view, keepView) {
    state.lastChanged = summary.last_changed;
    const changed = summary.last_changed
      ? ` · store last changed ${new Date(summary.last_changed).toLocaleString("en-GB", {dateStyle: "medium", timeStyle: "short"})}` : "";
    document.getElementById("summary").replaceChildren(
      el("strong", {id: "total", "data-total": summary.total}, plural(summary.total, "event")),
      ` · ${plural(summary.fatalities, "death")}${changed}`);
    for (const format of ["csv", "geojson"]) {
      const query = new URLSearchParams(filters);
      query.set("format", format);
      document.getElementById(`download-${format}`).href = `/api/events?${query}`;
    }
    document.getElementById("downloads").hidden = false;
    for (const place of summary.by_place) {
      if (place.country) state.seen.countries.add(place.country);
      if (place.admin1) state.seen.regions.add(place.admin1);
    }
    fillDatalists();
    showPlaces(summary.by_place, view, keepView);
    renderTimeline(summary);
  }

  // --- map: one marker per place, clustered, numbers counting events ------------------------------

  function setUpMap() {
    const map = L.map("map", {worldCopyJump: true, zoomSnap: 0.5, minZoom: 1, maxZoom: 18});
    if (state.config.tile_url) {
      const attribution = state.config.tile_attribution || new URL(state.config.tile_url.replace(/[{}]/g, "")).host;
      L.tileLayer(state.config.tile_url, {attribution: escapeHtml(attribution), maxZoom: 18}).addTo(map);
    } else {
      document.getElementById("map").classList.add("no-tiles");
      document.getElementById("map-note").hidden = false;
      map.attributionControl.addAttribution("Country outlines: Natural Earth (public domain)");
      drawOutlines(map);
    }
    map.setView([15, 20], 2);
    map.createPane("selection").style.zIndex = 650;  // the open event's ring, above the markers
    new ResizeObserver(() => map.invalidateSize()).observe(map.getContainer());  // the timeline or window resized
    state.map = map;
    state.places = L.markerClusterGroup({iconCreateFunction: clusterIcon, showCoverageOnHover: false,
                                         maxClusterRadius: 45, spiderfyOnMaxZoom: false}).addTo(map);
    state.places.on("clusterkeypress", (e) => {
      if (e.originalEvent.key === "Enter") e.layer.zoomToBounds({padding: [30, 30]});
    });
  }

  async function drawOutlines(map) {
    try {
      const outlines = await api("/static/countries-110m.geojson");
      L.geoJSON(outlines, {interactive: false, style: {color: "#9aa5ae", weight: 0.8, fillColor: "#fbfaf5", fillOpacity: 1}})
        .addTo(map).bringToBack();
    } catch (error) {
      showError(`The country outlines could not be loaded: ${error.message}`);
    }
  }

  /** A marker's text for sight (the number) and for screen readers (what it stands for). */
  function markerLabel(count, description) {
    return el("span", {"data-events": count},
      el("span", {"aria-hidden": "true"}, compact(count)), el("span", {class: "visually-hidden"}, description));
  }

  function compact(n) { return n >= 10000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n); }
  function markerSize(events) { return Math.round(22 + 7 * Math.log10(events)); }

  function placeMarker(place) {
    const size = markerSize(place.events);
    const description = `${placeName(place)}: ${plural(place.events, "event")}, ${plural(place.fatalities, "death")}`;
    const marker = L.marker([place.latitude, place.longitude], {
      icon: L.divIcon({className: `place-marker${place.fatalities ? " deadly" : ""}`, iconSize: [size, size],
                       html: markerLabel(place.events, description)}),
      title: description, events: place.events, fatalities: place.fatalities});
    marker.bindPopup(() => placePopup(place));
    if (!state.config.tile_url) {
      marker.bindTooltip(place.location || "", {permanent: true, direction: "right", offset: [size / 2, 0], className: "place-label"});
    }
    return marker;
  }

  function clusterIcon(cluster) {
    const markers = cluster.getAllChildMarkers();
    const events = markers.reduce((sum, m) => sum + m.options.events, 0);
    const deaths = markers.reduce((sum, m) => sum + m.options.fatalities, 0);
    const size = markerSize(events) + 8;
    return L.divIcon({className: `place-cluster${deaths ? " deadly" : ""}`, iconSize: [size, size],
                      html: markerLabel(events, `${plural(markers.length, "place")}: ${plural(events, "event")}, ` +
                                                `${plural(deaths, "death")}; Enter zooms in`)});
  }

  function placeName(place) { return [place.location, place.admin1, place.country].filter(Boolean).join(", ") || "unnamed place"; }

  function placePopup(place) {
    const near = `${place.latitude.toFixed(4)},${place.longitude.toFixed(4)},1`;
    return el("div", {class: "popup"},
      el("strong", {}, placeName(place)), el("br"),
      `${plural(place.events, "event")}, ${plural(place.fatalities, "death")}`, el("br"),
      el("button", {type: "button", class: "link-button", onclick: () => {
        const filters = filtersOf(parseHash().params);
        filters.set("near", near);
        filterTo(filters);
      }}, "List the events here"));
  }

  function showPlaces(places, view, keepView = false) {
    state.places.clearLayers();
    state.places.addLayers(places.filter((p) => p.latitude !== null && p.longitude !== null).map(placeMarker));
    if (keepView) return;
    const [lat, lon, zoom] = (view || "").split(",").map(Number);
    if (view && [lat, lon, zoom].every(Number.isFinite)) state.map.setView([lat, lon], zoom);
    else if (state.places.getLayers().length) {
      state.map.fitBounds(state.places.getBounds(), {padding: [30, 30], maxZoom: 7, animate: false});
    }
  }

  /** Keeps the map's view in the address (without a new history entry), so a link shows the same view. */
  function rememberView() {
    const {eventId, params} = parseHash();
    const centre = state.map.getCenter();
    params.set("view", `${centre.lat.toFixed(3)},${centre.lng.toFixed(3)},${state.map.getZoom()}`);
    history.replaceState(null, "", hashFor(params, eventId));
  }

  function selectOnMap(event) {
    if (state.selection) state.selection.remove();
    state.selection = null;
    if (!event || !hasPlace(event)) return;
    state.selection = L.circleMarker([event.latitude, event.longitude], {radius: 20, color: "#f39c12", weight: 4,
      fill: false, interactive: false, pane: "selection"}).addTo(state.map);
    state.map.setView([event.latitude, event.longitude], Math.max(state.map.getZoom(), 6));
  }

  // --- timeline: events (top) and deaths (bottom) per period, each period a button ------------------

  function nextPeriod(start, unit) {
    const d = new Date(`${start}T00:00:00Z`);
    if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
    if (unit === "week") d.setUTCDate(d.getUTCDate() + 7);
    if (unit === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    if (unit === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
    return d.toISOString().slice(0, 10);
  }

  /** The summary lists only periods with events; the timeline shows the empty ones between as well. */
  function everyPeriod(bins, unit) {
    if (!bins.length) return [];
    const counted = new Map(bins.map((bin) => [bin.start, bin]));
    const all = [];
    for (let start = bins[0].start; start <= bins[bins.length - 1].start; start = nextPeriod(start, unit)) {
      const end = new Date(Date.parse(`${nextPeriod(start, unit)}T00:00:00Z`) - 864e5).toISOString().slice(0, 10);
      all.push(counted.get(start) || {start, end, events: 0, fatalities: 0});
    }
    return all;
  }

  function periodLabel(start, unit) {
    return unit === "year" ? start.slice(0, 4) : unit === "month" ? start.slice(0, 7) : start;
  }

  function renderTimeline(summary) {
    const unit = summary.period;
    const bins = everyPeriod(summary.by_period, unit);
    const chart = document.getElementById("timeline");
    const ticks = document.getElementById("timeline-ticks");
    const undated = summary.total - bins.reduce((sum, b) => sum + b.events, 0);
    document.getElementById("timeline-unit").textContent =
      bins.length ? `per ${unit}${undated > 0 ? ` · ${plural(undated, "undated event")} not shown` : ""}` : "no dated events";
    const maxEvents = Math.max(1, ...bins.map((b) => b.events));
    const maxDeaths = Math.max(1, ...bins.map((b) => b.fatalities));
    document.getElementById("max-events").textContent = compact(maxEvents);
    document.getElementById("max-deaths").textContent = compact(maxDeaths);
    const columns = `repeat(${Math.max(bins.length, 1)}, minmax(0, 1fr))`;
    chart.style.gridTemplateColumns = ticks.style.gridTemplateColumns = columns;
    chart.replaceChildren(...bins.map((bin, i) => {
      const label = `${periodLabel(bin.start, unit)}: ${plural(bin.events, "event")}, ${plural(bin.fatalities, "death")}`;
      return el("button", {type: "button", class: "bin", tabindex: i === bins.length - 1 ? 0 : -1, title: label,
                           "aria-label": `${label}. Filter to ${bin.start} – ${bin.end}`, "data-start": bin.start,
                           "data-end": bin.end, onclick: () => filterPeriod(bin.start, bin.end)},
        el("span", {class: "half"}, el("span", {class: "events-bar", style: `height:${(100 * bin.events) / maxEvents}%`})),
        el("span", {class: "half"}, el("span", {class: "deaths-bar", style: `height:${(100 * bin.fatalities) / maxDeaths}%`})));
    }));
    const every = Math.ceil(bins.length / Math.max(1, Math.floor(chart.clientWidth / 76)));
    ticks.replaceChildren(...bins.flatMap((bin, i) => (i % every ? [] :
      [el("span", {style: `grid-column:${i + 1} / span ${every}`}, periodLabel(bin.start, unit))])));
  }

  function filterPeriod(since, until) {
    const filters = filtersOf(parseHash().params);
    filters.set("since", since);
    filters.set("until", until);
    filterTo(filters);
  }

  /** One tab stop for the whole timeline; the arrow keys, Home and End move between its bars. */
  function moveAlongTimeline(keyEvent) {
    const bars = [...document.querySelectorAll("#timeline .bin")];
    const at = bars.indexOf(document.activeElement);
    const steps = {ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: bars.length - 1};
    if (at < 0 || !(keyEvent.key in steps)) return;
    keyEvent.preventDefault();
    const next = bars[Math.min(bars.length - 1, Math.max(0, steps[keyEvent.key]))];
    for (const bar of bars) bar.tabIndex = bar === next ? 0 : -1;
    next.focus();
  }

  function markSelectedPeriod(event) {
    for (const bar of document.querySelectorAll("#timeline .bin")) {
      const day = event && event.event_date;
      bar.classList.toggle("selected", Boolean(day && bar.dataset.start <= day && day <= bar.dataset.end));
    }
  }

  // --- table: one page of the filter, sorted by the server ---------------------------------------

  function showPage(page, listing) {
    const sort = listing.get("sort");
    const offset = Number(listing.get("offset"));
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      const direction = sort === th.dataset.sort ? "ascending" : sort === `-${th.dataset.sort}` ? "descending" : "none";
      th.setAttribute("aria-sort", direction);
    }
    const params = parseHash().params;
    document.querySelector("#events tbody").replaceChildren(...page.events.map((e) => tableRow(e, params)));
    for (const event of page.events) state.seen.types.add(event.sub_event_type);
    fillDatalists();
    document.getElementById("empty").hidden = page.events.length > 0;
    document.getElementById("page-info").textContent = page.total
      ? `${(offset + 1).toLocaleString("en")}–${(offset + page.events.length).toLocaleString("en")} of ${page.total.toLocaleString("en")}` : "";
    document.getElementById("previous").disabled = offset === 0;
    document.getElementById("next").disabled = offset + page.events.length >= page.total;
  }

  /** Suggestions for the filters: every country, region and type the reader has been shown. */
  function fillDatalists() {
    for (const [id, values] of Object.entries(state.seen)) {
      document.getElementById(id).replaceChildren(...[...values].sort().map((value) => el("option", {value})));
    }
  }

  function tableRow(event, params) {
    const href = hashFor(params, event.event_id);
    const status = event.status && event.status !== "new" ? el("span", {class: `badge ${event.status}`}, event.status) : null;
    return el("tr", {class: `event-row ${event.status || ""}`, "data-event-id": event.event_id,
                     onclick: (e) => { if (!e.target.closest("a")) location.hash = href; }},
      el("td", {class: "date"}, event.event_date || "undated"),
      el("td", {}, el("span", {class: "dot", style: `background:${colour(event)}`}),
        el("a", {href, class: "open-event"}, breakable(event.sub_event_type)), status),
      el("td", {class: "col-actors"}, event.actor1 || "", event.actor2 ? el("span", {class: "muted"}, ` / ${event.actor2}`) : null),
      el("td", {}, [event.location, event.country].filter(Boolean).join(", ")),
      el("td", {class: "num"}, String(event.fatalities ?? 0)),
      el("td", {class: "num col-sources"}, String(event.source_count ?? 0)));
  }

  /** "Shelling/artillery/missile attack" may wrap after its slashes rather than inside a word. */
  function breakable(text) {
    const parts = (text || "").split("/");
    return parts.flatMap((part, i) => (i < parts.length - 1 ? [`${part}/`, el("wbr")] : [part]));
  }

  function sortBy(key) {
    const {params} = parseHash();
    const sort = sortOf(params);
    params.set("sort", sort === `-${key}` ? key : `-${key}`);  // newest and deadliest first, then the reverse
    params.delete("offset");
    location.hash = hashFor(params);
  }

  function turnPage(step) {
    const {params} = parseHash();
    params.set("offset", Math.max(0, offsetOf(params) + step * PAGE_SIZE));
    location.hash = hashFor(params);
  }

  // --- one event -----------------------------------------------------------------------------

  function showList() {
    const view = document.getElementById("event-view");
    const wasOpen = !view.hidden;
    view.hidden = true;
    document.title = "eventcoder: events";
    document.getElementById("list-view").hidden = false;
    selectOnMap(null);
    markSelectedPeriod(null);
    if (wasOpen && state.openedId) {  // back where the reader left the list
      const link = document.querySelector(`#events tr[data-event-id="${CSS.escape(state.openedId)}"] a`);
      if (link) link.focus();
    }
  }

  function showEvent(event, params) {
    const view = document.getElementById("event-view");
    view.replaceChildren(...present(eventSections(event, params)));
    view.dataset.eventId = event.event_id;
    document.title = `${event.sub_event_type}, ${event.location || "unknown place"}, ${event.event_date || "undated"}: eventcoder`;
    document.getElementById("list-view").hidden = true;
    view.hidden = false;
    state.openedId = event.event_id;
    selectOnMap(event);
    markSelectedPeriod(event);
    view.querySelector("h2").focus({preventScroll: true});
    view.scrollIntoView({block: "start"});
  }

  function eventSections(event, params) {
    const place = [event.location, event.admin1, event.country].filter(Boolean).join(", ") || "an unknown place";
    const range = (min, max) => (min === null ? null : max === null ? `at least ${min}` : min === max ? String(min) : `${min}–${max}`);
    const killed = range(event.killed_min, event.killed_max);
    const injured = range(event.injured_min, event.injured_max);
    const independent = event.reports.filter((r) => r.independent).length;
    const byRecord = new Map(event.reports.map((r) => [r.record_id, r]));
    const merged = new Set(event.merges.map((m) => m.record_id));
    const first = event.reports.find((r) => !merged.has(r.record_id));
    return [
      el("nav", {}, el("a", {href: hashFor(params), class: "back"}, "← All events")),
      el("h2", {tabindex: "-1"}, el("span", {class: "dot big", style: `background:${colour(event)}`}), event.sub_event_type),
      el("p", {class: "subtitle"}, `${place} · ${event.event_date || "undated"}`,
        event.date_text ? el("span", {class: "muted"}, ` (“${event.date_text}”)`) : null),
      el("div", {class: "facts"},
        fact("Deaths", String(event.fatalities ?? 0)), killed ? fact("Killed", killed) : null,
        injured ? fact("Injured", injured) : null, fact("Certainty", event.certainty || "—"),
        fact("Status", event.status || "—"),
        fact("Sources", `${plural(event.reports.length, "report")}, ${independent} independent`)),
      event.notes ? el("p", {class: "notes"}, event.notes) : null,
      fieldList(event),
      el("h3", {}, "How the reports became one event"),
      el("ul", {class: "merges"},
        first ? el("li", {}, el("span", {class: "badge main"}, "first"), " First reported by ", reportName(first), ".") : null,
        event.merges.map((m) => el("li", {},
          el("span", {class: `badge ${m.kind}`}, m.kind === "near-duplicate" ? "copy" : "same event"),
          " Joined by ", reportName(byRecord.get(m.record_id)), ": ", m.reason))),
      event.revisions.length ? el("h3", {}, "What later reports changed") : null,
      event.revisions.length
        ? el("ul", {class: "revisions"}, event.revisions.map((v) => el("li", {}, revisionSentence(v, byRecord.get(v.record_id)))))
        : null,
      el("h3", {}, `Sources (${event.reports.length})`),
      ...event.reports.map(reportSection),
    ];
  }

  /** A report as a reader knows it: its outlet, title and date. */
  function reportName(report) {
    if (!report) return "a report no longer stored";
    return `${report.outlet || "an unknown outlet"}, “${report.title || report.article_id}” (${longDate(report.published)})`;
  }

  const FIELD_NAMES = {
    event_date: "The date", time_precision: "The date's precision", event_type: "The event type",
    sub_event_type: "The sub-event type", actor1: "Actor 1", actor2: "Actor 2", assoc_actor_1: "Actor 1's allies",
    assoc_actor_2: "Actor 2's allies", location: "The place", country_code: "The country", latitude: "The latitude",
    longitude: "The longitude", geo_precision: "The place's precision", fatalities: "Deaths",
    killed_min: "The fewest reported killed", killed_max: "The most reported killed",
    injured_min: "The fewest reported injured", injured_max: "The most reported injured",
    civilian_targeting: "Civilian targeting", certainty: "The certainty", sources: "The attributed sources",
  };
  const COUNTS = new Set(["fatalities", "killed_min", "killed_max", "injured_min", "injured_max"]);
  const PRECISIONS = {
    time_precision: {1: "the day", 2: "the week or range", 3: "the month or more"},
    geo_precision: {1: "the place itself", 2: "near the place or its district", 3: "the province or country"},
  };

  function inWords(field, value) {
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return "none";
    if (field in PRECISIONS) return PRECISIONS[field][value] || String(value);
    if (field === "event_date") return longDate(value);
    if (typeof value === "boolean") return value ? "yes" : "no";
    return Array.isArray(value) ? value.join(", ") : String(value);
  }

  /** "Deaths rose from 11 to 13 (Reuters, 3 March 2024)." */
  function revisionSentence(revision, report) {
    const {field, old: before, new: after} = revision;
    const name = FIELD_NAMES[field] || field;
    const change = before === null ? `was set to ${inWords(field, after)}`
      : after === null ? `was cleared (it was ${inWords(field, before)})`
      : COUNTS.has(field) ? `${after > before ? "rose" : "fell"} from ${before} to ${after}`
      : Array.isArray(before) && Array.isArray(after) ? listChange(before, after)
      : `changed from ${inWords(field, before)} to ${inWords(field, after)}`;
    const credit = report ? `${report.outlet || "an unknown outlet"}, ${longDate(report.published)}` : "a report no longer stored";
    return `${name} ${change} (${credit}).`;
  }

  function listChange(before, after) {
    const added = after.filter((v) => !before.includes(v)), removed = before.filter((v) => !after.includes(v));
    return [added.length ? `now include ${added.join(", ")}` : null,
            removed.length ? `no longer include ${removed.join(", ")}` : null].filter(Boolean).join(" and ") || "were reordered";
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
          [report.outlet || "unknown outlet", longDate(report.published), `article ${report.article_id}`].join(" · "),
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

  // --- new events: a watcher adds to the store while the page is open --------------------------

  /** While the page is shown, asks whether the store changed; when it did, everything is read again
   *  without a reload, keeping the filter, sort, page, map view and open event. */
  async function poll() {
    if (document.hidden || !document.getElementById("loading").hidden) return;
    try {
      const summary = await api(`/api/summary?${filtersOf(parseHash().params)}`);
      if (summary.last_changed === state.lastChanged) return;
    } catch (error) {
      return;  // the next poll asks again
    }
    state.summaryKey = state.listKey = null;
    await route(true);
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
      filterTo(formFilters());
    });
    document.getElementById("clear").addEventListener("click", () => filterTo(new URLSearchParams()));
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.querySelector("button").addEventListener("click", () => sortBy(th.dataset.sort));
    }
    document.getElementById("previous").addEventListener("click", () => turnPage(-1));
    document.getElementById("next").addEventListener("click", () => turnPage(1));
    document.getElementById("timeline").addEventListener("keydown", moveAlongTimeline);
    window.addEventListener("hashchange", () => route());
    setInterval(poll, state.config.poll_seconds * 1000);
    document.addEventListener("visibilitychange", poll);
    await route();
    if (matchMedia("(max-width: 799px)").matches && !formFilters().toString()) {  // the map first on a phone
      document.getElementById("filter-box").open = false;
    }
    state.map.on("moveend", rememberView);  // a view fitted to the first answer is not written in the link
    document.body.dataset.ready = "true";
  }

  start();
})();
