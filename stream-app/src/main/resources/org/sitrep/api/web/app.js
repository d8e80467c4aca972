// Sitrep's incident page: the list and the map from GET /incidents, kept current by the server-sent events of
// GET /incidents/stream, and a side panel with an incident's claims and sources. Plain DOM, no library.
"use strict";

(() => {
  const SVG = "http://www.w3.org/2000/svg";
  // The region Sitrep follows: Mauritania to Somalia, the Sahara's edge to the Gulf of Guinea (lon, lat degrees).
  const REGION = { x: -18, y: -24, w: 71, h: 26 };
  // ISO 3166-1 alpha-2 -> numeric (world-atlas ids) for the countries the pipeline covers and their neighbours.
  const NUMERIC = {
    ML: "466", BF: "854", NE: "562", NG: "566", TD: "148", CM: "120", SO: "706", MR: "478", SN: "686",
    GN: "324", CI: "384", GH: "288", TG: "768", BJ: "204", DZ: "012", LY: "434", SD: "729", SS: "728",
    CF: "140", ET: "231", KE: "404", DJ: "262", ER: "232", UG: "800"
  };
  const LABELLED = new Set(Object.values(NUMERIC));
  const PARTIES = ["state_forces", "foreign_forces", "militants", "civilians", "unknown"];

  const incidents = new Map(); // id -> incident JSON (the current version)
  const rows = new Map();      // id -> <tr>
  const circles = new Map();   // id -> <circle>
  let selected = null;
  let view = { ...REGION };
  let loaded = false;
  let pending = [];            // events that arrived before the first list

  const $ = id => document.getElementById(id);
  const svg = $("map");

  // ---- small helpers ----------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v; else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function svgEl(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  const words = s => (s || "").replace(/_/g, " ");
  const num = v => (v === null || v === undefined ? "–" : String(v));

  function located(i) {
    return (i.places || []).find(p => typeof p.lat === "number" && typeof p.lon === "number") || null;
  }

  /** Best killed estimate summed over parties (a party with only partisan claims adds 0), as the API's min_killed. */
  function bestKilled(i) {
    let sum = 0;
    for (const c of Object.values(i.casualties || {})) {
      if (c && c.killed && typeof c.killed.best === "number") sum += c.killed.best;
    }
    return sum;
  }

  function parties(i) {
    const cas = i.casualties || {};
    return Object.keys(cas).sort((a, b) => PARTIES.indexOf(a) - PARTIES.indexOf(b));
  }

  function placeText(i) {
    const p = located(i) || (i.places || [])[0];
    const region = [i.admin1, i.country].filter(Boolean).join(", ");
    return p && p.name !== i.admin1 ? p.name + " · " + region : region;
  }

  function dateText(i) {
    return i.event_date_last && i.event_date_last !== i.event_date
      ? i.event_date + " – " + i.event_date_last.slice(5) : i.event_date;
  }

  function sourcesText(i) {
    const a = (i.articles || []).length, o = (i.outlets || []).length;
    return a + (a === 1 ? " article" : " articles") + " · " + o + (o === 1 ? " outlet" : " outlets");
  }

  function newestFirst(a, b) {
    return (b.event_date || "").localeCompare(a.event_date || "")
      || (b.updated_at || "").localeCompare(a.updated_at || "")
      || a.incident_id.localeCompare(b.incident_id);
  }

  // ---- map -------------------------------------------------------------------------------------------------
  function setView(v) {
    view = v;
    svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map(n => n.toFixed(3)).join(" "));
    resizeCircles();
  }

  /** Map units per screen pixel (the viewBox is fitted inside the element, keeping its aspect). */
  function unitsPerPixel() {
    const w = svg.clientWidth || 1000, h = svg.clientHeight || 500;
    return 1 / Math.min(w / view.w, h / view.h);
  }

  function radiusPx(i) {
    return Math.min(44, 4 + 2.6 * Math.sqrt(bestKilled(i)));
  }

  function resizeCircles() {
    const u = unitsPerPixel();
    for (const [id, c] of circles) {
      c.setAttribute("r", (radiusPx(incidents.get(id)) * u).toFixed(3));
    }
    for (const t of document.querySelectorAll("#labels text")) {
      t.setAttribute("font-size", (11 * u).toFixed(3));
    }
  }

  async function loadMap() {
    const r = await fetch("/web/countries-110m.json");
    if (!r.ok) throw new Error("map: HTTP " + r.status);
    const topology = await r.json();
    const features = SitrepTopo.features(topology, "countries");
    const g = $("countries"), labels = $("labels");
    for (const f of features) {
      const path = svgEl("path", { d: SitrepTopo.pathData(f.polygons), class: "country", "data-id": f.id || "" });
      if (LABELLED.has(f.id)) path.classList.add("region");
      const title = svgEl("title");
      title.textContent = f.name;
      path.appendChild(title);
      g.appendChild(path);
      if (LABELLED.has(f.id)) {
        const [lon, lat] = SitrepTopo.labelPoint(f.polygons);
        const [x, y] = SitrepTopo.project(lon, lat);
        const t = svgEl("text", { x: x.toFixed(2), y: y.toFixed(2), "text-anchor": "middle" });
        t.textContent = f.name;
        labels.appendChild(t);
      }
    }
    document.body.dataset.countries = String(features.length);
    markCountries();
    resizeCircles();
  }

  function markCountries() {
    const hit = new Set([...incidents.values()].map(i => NUMERIC[i.country]).filter(Boolean));
    for (const p of document.querySelectorAll("#countries path")) {
      p.classList.toggle("affected", hit.has(p.getAttribute("data-id")));
    }
  }

  function drawCircle(i) {
    const p = located(i);
    let c = circles.get(i.incident_id);
    if (!p) {
      if (c) { c.remove(); circles.delete(i.incident_id); }
      return;
    }
    if (!c) {
      c = svgEl("circle", { class: "incident", "data-id": i.incident_id });
      c.addEventListener("click", e => { e.stopPropagation(); select(i.incident_id); });
      c.addEventListener("pointerenter", e => showTip(e, c.getAttribute("data-id")));
      c.addEventListener("pointermove", e => moveTip(e));
      c.addEventListener("pointerleave", hideTip);
      circles.set(i.incident_id, c);
      $("incidents").appendChild(c);
    }
    const [x, y] = SitrepTopo.project(p.lon, p.lat);
    c.setAttribute("cx", x.toFixed(3));
    c.setAttribute("cy", y.toFixed(3));
    c.setAttribute("r", (radiusPx(i) * unitsPerPixel()).toFixed(3));
    c.setAttribute("data-killed", String(bestKilled(i)));
    c.classList.toggle("contested", !!i.contested);
    c.classList.toggle("selected", i.incident_id === selected);
  }

  /** Larger circles below smaller ones, so every circle can be pointed at. */
  function stackCircles() {
    const g = $("incidents");
    [...circles.entries()]
      .sort((a, b) => bestKilled(incidents.get(b[0])) - bestKilled(incidents.get(a[0])))
      .forEach(([, c]) => g.appendChild(c));
  }

  // ---- tooltip ---------------------------------------------------------------------------------------------
  function showTip(e, id) {
    const i = incidents.get(id);
    if (!i) return;
    const tip = $("tooltip");
    tip.replaceChildren(
      el("strong", {}, i.incident_id),
      el("div", {}, dateText(i) + " · " + words(i.event_type)),
      el("div", {}, placeText(i)),
      el("div", {}, "killed (best): " + bestKilled(i) + (i.contested ? " · contested" : "")),
      el("div", { class: "muted" }, sourcesText(i)));
    tip.hidden = false;
    moveTip(e);
  }

  function moveTip(e) {
    const tip = $("tooltip"), box = $("map-area").getBoundingClientRect();
    let x = e.clientX - box.left + 14, y = e.clientY - box.top + 14;
    if (x + tip.offsetWidth > box.width) x -= tip.offsetWidth + 28;
    if (y + tip.offsetHeight > box.height) y -= tip.offsetHeight + 28;
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  function hideTip() {
    $("tooltip").hidden = true;
  }

  // ---- zoom and pan ----------------------------------------------------------------------------------------
  function zoom(factor, cx, cy) {
    const w = Math.min(400, Math.max(2, view.w / factor));
    const h = view.h * (w / view.w);
    const fx = cx === undefined ? 0.5 : (cx - view.x) / view.w;
    const fy = cy === undefined ? 0.5 : (cy - view.y) / view.h;
    const px = cx === undefined ? view.x + view.w / 2 : cx, py = cy === undefined ? view.y + view.h / 2 : cy;
    setView({ x: px - fx * w, y: py - fy * h, w, h });
  }

  function toMap(e) {
    const m = svg.getScreenCTM();
    if (!m) return [undefined, undefined];
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return [p.x, p.y];
  }

  function wireMap() {
    svg.addEventListener("wheel", e => {
      e.preventDefault();
      const [x, y] = toMap(e);
      zoom(e.deltaY < 0 ? 1.25 : 0.8, x, y);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", e => {
      if (e.target.classList.contains("incident")) return;
      drag = { x: e.clientX, y: e.clientY, view: { ...view } };
      svg.setPointerCapture(e.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", e => {
      if (!drag) return;
      const u = unitsPerPixel();
      setView({ ...drag.view, x: drag.view.x - (e.clientX - drag.x) * u, y: drag.view.y - (e.clientY - drag.y) * u });
    });
    const end = () => { drag = null; svg.classList.remove("dragging"); };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    $("zoom-in").addEventListener("click", () => zoom(1.5));
    $("zoom-out").addEventListener("click", () => zoom(1 / 1.5));
    $("zoom-reset").addEventListener("click", () => setView({ ...REGION }));
    window.addEventListener("resize", resizeCircles);
  }

  // ---- list ------------------------------------------------------------------------------------------------
  function killedCell(i) {
    const cell = el("td", { class: "killed" });
    const ps = parties(i).filter(p => i.casualties[p] && i.casualties[p].killed);
    if (ps.length === 0) cell.appendChild(el("span", { class: "muted" }, "–"));
    for (const p of ps) {
      const c = i.casualties[p];
      cell.appendChild(el("div", { class: "party-line", title: words(p) + ": low/best/high "
          + num(c.killed.low) + "/" + num(c.killed.best) + "/" + num(c.killed.high) + (c.contested ? ", contested" : "") },
        el("span", { class: "party party-" + p }, words(p)), " ",
        el("b", {}, num(c.killed.best)), c.contested ? el("span", { class: "contested-mark", title: "contested" }, "*") : null));
    }
    return cell;
  }

  function drawRow(i) {
    let tr = rows.get(i.incident_id);
    if (!tr) {
      tr = el("tr", { "data-id": i.incident_id, tabindex: "0" });
      tr.addEventListener("click", () => select(tr.getAttribute("data-id")));
      tr.addEventListener("keydown", e => { if (e.key === "Enter") select(tr.getAttribute("data-id")); });
      rows.set(i.incident_id, tr);
    }
    tr.replaceChildren(
      el("td", { class: "id" }, i.incident_id,
        i.status === "closed" ? el("span", { class: "tag", title: "takes no more reports (quiet period over)" }, "closed") : null),
      el("td", { class: "date" }, dateText(i)),
      el("td", { class: "place" }, placeText(i)),
      el("td", { class: "type" }, words(i.event_type)),
      killedCell(i),
      el("td", { class: "sources" }, sourcesText(i)));
    tr.classList.toggle("selected", i.incident_id === selected);
  }

  function orderRows() {
    const body = $("rows");
    [...incidents.values()].sort(newestFirst).forEach(i => body.appendChild(rows.get(i.incident_id)));
    $("empty").hidden = incidents.size > 0;
    $("count").textContent = incidents.size + (incidents.size === 1 ? " incident" : " incidents")
      + " · " + circles.size + " on the map" + (document.body.dataset.truncated === "true" ? " · more on the server" : "");
    document.body.dataset.incidents = String(incidents.size);
  }

  function flash(id) {
    for (const e of [rows.get(id), circles.get(id)]) {
      if (!e) continue;
      e.classList.remove("updated");
      void e.getBoundingClientRect(); // restart the animation
      e.classList.add("updated");
    }
  }

  // ---- data ------------------------------------------------------------------------------------------------
  /** Applies one incident version; older versions than the one shown are ignored. Returns whether it changed. */
  function upsert(i) {
    const id = i.incident_id;
    const old = incidents.get(id);
    if (old && old.version > i.version) return false;
    if (i.status === "merged") { // folded into i.merged_into, which carries its reports from now on
      incidents.delete(id);
      rows.get(id)?.remove(); rows.delete(id);
      circles.get(id)?.remove(); circles.delete(id);
      if (selected === id) closePanel();
      return true;
    }
    incidents.set(id, i);
    drawRow(i);
    drawCircle(i);
    return true;
  }

  function refreshAll() {
    stackCircles();
    orderRows();
    markCountries();
    if (selected && incidents.has(selected)) renderPanel(incidents.get(selected));
  }

  async function loadIncidents() {
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await fetch("/incidents?limit=1000", { headers: { Accept: "application/json" } });
        if (r.ok) {
          const body = await r.json();
          body.incidents.forEach(upsert);
          document.body.dataset.truncated = String(!!body.truncated);
          break;
        }
        setStatus("waiting", "waiting for the app (HTTP " + r.status + ")");
      } catch (e) {
        setStatus("waiting", "waiting for the app");
      }
      await new Promise(res => setTimeout(res, Math.min(5000, 500 * (attempt + 1))));
    }
    loaded = true;
    pending.forEach(upsert);
    pending = [];
    refreshAll();
    document.body.dataset.loaded = "true";
  }

  function setStatus(state, text) {
    const s = $("status");
    s.dataset.state = state;
    s.textContent = text;
  }

  function connect() {
    if (!window.EventSource) {
      setStatus("off", "no live updates in this browser");
      return;
    }
    const es = new EventSource("/incidents/stream");
    let broken = false;
    es.addEventListener("open", () => {
      setStatus("live", "live");
      if (broken) { broken = false; loadIncidents(); } // catch up on what was missed while disconnected
    });
    es.addEventListener("error", () => { broken = true; setStatus("waiting", "reconnecting…"); });
    es.addEventListener("incident", e => {
      let i;
      try { i = JSON.parse(e.data); } catch (err) { return; }
      if (!loaded) { pending.push(i); return; }
      if (upsert(i)) {
        refreshAll();
        flash(i.incident_id);
        document.body.dataset.events = String(Number(document.body.dataset.events || 0) + 1);
      }
    });
  }

  // ---- side panel ------------------------------------------------------------------------------------------
  function select(id) {
    selected = id;
    for (const [k, tr] of rows) tr.classList.toggle("selected", k === id);
    for (const [k, c] of circles) c.classList.toggle("selected", k === id);
    const i = incidents.get(id);
    if (!i) return;
    renderPanel(i);
    rows.get(id)?.scrollIntoView({ block: "nearest" });
    // the list holds the current version; ask for it again in case a newer one is not streamed to us yet
    fetch("/incidents/" + encodeURIComponent(id)).then(r => (r.ok ? r.json() : null)).then(fresh => {
      if (fresh && upsert(fresh)) refreshAll();
    }).catch(() => { });
  }

  function closePanel() {
    selected = null;
    $("panel").hidden = true;
    for (const e of [...rows.values(), ...circles.values()]) e.classList.remove("selected");
  }

  function estimate(e) {
    return e ? num(e.low) + " / " + num(e.best) + " / " + num(e.high) : "–";
  }

  /** A claim's figures, each in bold: "14 killed, 11 injured, 5 missing". */
  function figures(c) {
    const out = [];
    for (const k of ["killed", "injured", "missing"]) {
      if (c[k] === null || c[k] === undefined) continue;
      if (out.length) out.push(", ");
      out.push(el("b", {}, c[k] + " " + k));
    }
    return out;
  }

  function renderPanel(i) {
    const body = $("panel-body");
    const cas = i.casualties || {};
    // the missing column only when some party has missing (or captured) figures
    const missing = parties(i).some(p => cas[p].missing);
    const casualties = el("table", { class: "casualties" },
      el("thead", {}, el("tr", {}, el("th", {}, "party"), el("th", {}, "killed low / best / high"),
        el("th", {}, "injured low / best / high"), missing ? el("th", {}, "missing low / best / high") : null)),
      el("tbody", {}, parties(i).map(p => el("tr", { class: cas[p].contested ? "contested" : null },
        el("td", {}, el("span", { class: "party party-" + p }, words(p)), cas[p].contested ? " *" : ""),
        el("td", {}, estimate(cas[p].killed)), el("td", {}, estimate(cas[p].injured)),
        missing ? el("td", {}, estimate(cas[p].missing)) : null))));
    const claims = (i.claims || []).slice().sort((a, b) => (a.published_at || "").localeCompare(b.published_at || ""));
    const claimList = el("ol", { class: "claims" }, claims.map(c => el("li", { class: c.partisan ? "partisan" : null },
      el("div", { class: "claim-head" },
        el("b", {}, c.claimant || "unnamed"), " ", el("span", { class: "kind" }, words(c.claimant_kind)), " → ",
        el("span", { class: "party party-" + c.party }, words(c.party)), ": ",
        figures(c),
        " ", el("span", { class: "qualifier" }, words(c.qualifier)),
        c.partisan ? el("span", { class: "badge", title: "a party's claim about its enemy's losses" }, "partisan") : null),
      el("blockquote", {}, c.sentence || ""),
      el("div", { class: "muted" }, "article ", el("code", {}, c.article_id || "?"), " · ", c.outlet || "?",
        c.published_at ? " · " + c.published_at.replace("T", " ").replace(/:\d\dZ$/, "Z") : ""))));
    const placeNames = (i.places || []).map(p => p.name).filter(Boolean);
    body.replaceChildren(
      el("h2", {}, i.incident_id),
      el("p", { class: "meta" }, words(i.event_type), " · ", dateText(i), " · ", placeText(i),
        " · version ", String(i.version), i.status !== "open" ? " · " + i.status : ""),
      placeNames.length ? el("p", { class: "muted" }, "places: " + placeNames.join(", ")) : null,
      (i.actors || []).length ? el("p", { class: "muted" }, "actors: " + i.actors.join(", ")) : null,
      el("h3", {}, "Casualties", i.contested ? el("span", { class: "badge" }, "contested") : null),
      parties(i).length ? casualties : el("p", { class: "muted" }, "no casualty claims"),
      el("h3", {}, "Claims (" + claims.length + ")"),
      claims.length ? claimList : el("p", { class: "muted" }, "none"),
      el("h3", {}, "Sources"),
      el("p", {}, sourcesText(i)),
      el("div", { class: "sources-lists" },
        el("div", {}, el("h4", {}, "Outlets"), el("ul", {}, (i.outlets || []).map(o => el("li", {}, o)))),
        el("div", {}, el("h4", {}, "Articles"), el("ul", {}, (i.articles || []).map(a => el("li", {}, el("code", {}, a)))))),
      el("p", { class: "muted" }, "first reported " + (i.first_reported_at || "?") + " · updated " + (i.updated_at || "?")));
    $("panel").hidden = false;
    $("panel").dataset.id = i.incident_id;
  }

  // ---- start -----------------------------------------------------------------------------------------------
  $("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", e => { if (e.key === "Escape") closePanel(); });
  wireMap();
  setView({ ...REGION });
  connect();
  loadMap().catch(e => { document.body.dataset.mapError = e.message; });
  loadIncidents();
})();
