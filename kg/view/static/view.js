// kg view: a timeline of offices and calls, and a call network, drawn from the JSON in #kg-data.
// All text from the graph goes into the page through textContent or SVG text nodes, never as markup.
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  const SVGNS = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const LABEL_W = 250, ROW_H = 22, AXIS_H = 22, LANE_H = 40, OPEN_W = 18;
  const MAX_MARKS = 2500;     // single call marks drawn at most; beyond, a histogram of calls per column
  const TOP_EDGES = 300;      // pairs drawn in the network at most
  const PAIR = 2 ** 24;       // a pair of people as one number: first * PAIR + second
  const SLICE_MS = 25;        // the layout gives the page back after this long
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                   "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39"];
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ small helpers
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c instanceof Node ? c : String(c));
    return node;
  }
  function sv(tag, attrs, parent) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }
  function svText(parent, attrs, text) { const t = sv("text", attrs, parent); t.textContent = text; return t; }
  function svTitle(parent, text) { const t = sv("title", {}, parent); t.textContent = text; return t; }
  const iso = (d) => (d === null || d === undefined) ? "" : new Date(d * DAY).toISOString().slice(0, 10);
  const fromIso = (s) => { const t = Date.parse(s); return isNaN(t) ? null : Math.floor(t / DAY); };
  const countryOf = (p) => p >= 0 && D.people[p][1] >= 0 ? D.countries[D.people[p][1]] : "";
  const colorCache = new Map();
  function color(countryIndex) {
    if (countryIndex < 0) return "#aaaaaa";
    if (!colorCache.has(countryIndex)) {
      colorCache.set(countryIndex, countryIndex < PALETTE.length ? PALETTE[countryIndex]
        : `hsl(${(countryIndex * 47) % 360} 55% 50%)`);
    }
    return colorCache.get(countryIndex);
  }
  function link(text, onClick) {
    const a = el("span", { class: "link", role: "button", tabindex: "0" }, text);
    a.addEventListener("click", onClick);
    a.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onClick(); } });
    return a;
  }
  const personName = (p) => p >= 0 ? D.people[p][0] : "(unknown)";

  // ------------------------------------------------------------------ state and filters
  const extent = (() => {
    let lo = Infinity, hi = -Infinity;
    for (const c of D.calls) if (c[1] !== null) { lo = Math.min(lo, c[1]); hi = Math.max(hi, c[2]); }
    for (const t of D.terms) for (const d of [t[3], t[4], t[6], t[7], t[8], t[9]]) {
      if (d !== null) { lo = Math.min(lo, d); hi = Math.max(hi, d); }
    }
    if (!isFinite(lo)) { const today = Math.floor(Date.now() / DAY); return [today - 365, today]; }
    const pad = Math.max(15, Math.round((hi - lo) * 0.03));
    return [lo - pad, hi + pad];
  })();
  const state = { lo: extent[0], hi: extent[1], country: -1, search: "", matches: null, selected: null };
  const callIndex = new Map(); // person -> calls they took part in
  D.calls.forEach((c, i) => c[5].forEach((p) => { if (!callIndex.has(p)) callIndex.set(p, []); callIndex.get(p).push(i); }));
  const termsOf = new Map();
  D.terms.forEach((t, i) => { if (!termsOf.has(t[1])) termsOf.set(t[1], []); termsOf.get(t[1]).push(i); });

  function personMatches(p) { return state.matches === null || state.matches.has(p); }
  function computeMatches() {
    const q = state.search.trim().toLowerCase();
    if (!q) { state.matches = null; return; }
    state.matches = new Set();
    D.people.forEach((p, i) => { if ((p[0] + "\n" + p[2]).toLowerCase().includes(q)) state.matches.add(i); });
  }
  function callVisible(c) {
    if (state.country >= 0 && !c[5].some((p) => p >= 0 && D.people[p][1] === state.country)) return false;
    if (state.matches !== null && !c[5].some((p) => state.matches.has(p))) return false;
    return true;
  }
  function callInWindow(c) { return c[1] !== null && c[2] >= state.lo && c[1] <= state.hi; }

  // ------------------------------------------------------------------ timeline
  const head = $("tl-head"), rowsSvg = $("tl-rows"), scroller = $("tl-scroll");
  let rows = [];          // office indices shown, in order
  let width = 1000;
  let visibleCalls = [];  // calls in the window after the filters

  const x = (d) => LABEL_W + (d - state.lo) / (state.hi - state.lo) * (width - LABEL_W - 8);
  const dayAt = (px) => state.lo + (px - LABEL_W) / (width - LABEL_W - 8) * (state.hi - state.lo);

  function computeRows() {
    const has = new Map();
    D.terms.forEach((t) => {
      if (t[0] < 0) return;
      const ok = personMatches(t[1]);
      has.set(t[0], (has.get(t[0]) || false) || ok);
    });
    rows = [...has.entries()].filter(([o, ok]) => ok && (state.country < 0 || D.offices[o][2] === state.country))
      .map(([o]) => o);
    rows.sort((a, b) => {
      const ca = D.countries[D.offices[a][2]] || "~", cb = D.countries[D.offices[b][2]] || "~";
      return ca < cb ? -1 : ca > cb ? 1 : D.offices[a][0].localeCompare(D.offices[b][0]);
    });
  }
  const termsByOffice = new Map();
  D.terms.forEach((t, i) => { if (!termsByOffice.has(t[0])) termsByOffice.set(t[0], []); termsByOffice.get(t[0]).push(i); });

  function drawHead() {
    width = head.clientWidth || 1000;
    head.replaceChildren();
    head.setAttribute("height", AXIS_H + LANE_H);
    const defs = sv("defs", {}, head);
    const hatch = sv("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
                                  patternTransform: "rotate(45)" }, defs);
    sv("rect", { width: 6, height: 6, fill: "#ffffffaa" }, hatch);
    sv("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#555", "stroke-width": 2 }, hatch);
    drawAxis(head);
    svText(head, { x: 4, y: AXIS_H + LANE_H / 2 + 4, class: "lane-label" }, "calls");
    visibleCalls = [];
    D.calls.forEach((c, i) => { if (callInWindow(c) && callVisible(c)) visibleCalls.push(i); });
    if (visibleCalls.length <= MAX_MARKS) drawCallMarks(); else drawCallBins();
    const undated = D.calls.filter((c) => c[1] === null).length;
    $("tl-note").textContent = `${visibleCalls.length} of ${D.calls.length} calls in this window` +
      (visibleCalls.length > MAX_MARKS ? " (shown as calls per column: zoom in to click single calls)" : "") +
      (undated ? `; ${undated} undated calls are in the network only` : "") +
      `. Bars: a holder's term; hatched: a bound known only to the month or year, or between two days;` +
      ` dashed: a bound the articles do not give (open).`;
  }

  function drawAxis(svg) {
    const g = sv("g", { class: "axis" }, svg);
    const span = state.hi - state.lo;
    const stepMonths = span > 3650 * 2 ? 60 : span > 3650 ? 24 : span > 1460 ? 12 : span > 540 ? 3 : span > 120 ? 1 : 0;
    const start = new Date(state.lo * DAY);
    let d = new Date(Date.UTC(start.getUTCFullYear(), stepMonths ? 0 : start.getUTCMonth(), 1));
    const end = state.hi * DAY;
    let guard = 0;
    while (d.getTime() <= end && guard++ < 500) {
      const day = Math.floor(d.getTime() / DAY);
      if (day >= state.lo) {
        const px = x(day);
        sv("line", { x1: px, x2: px, y1: 0, y2: AXIS_H + LANE_H }, g);
        const label = stepMonths >= 12 || (stepMonths && d.getUTCMonth() === 0) ? String(d.getUTCFullYear())
          : d.toISOString().slice(0, stepMonths ? 7 : 10);
        svText(g, { x: px + 2, y: 12 }, label);
      }
      if (stepMonths) d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + stepMonths, 1));
      else d = new Date(d.getTime() + 7 * DAY);
    }
  }

  function drawCallMarks() {
    const g = sv("g", { class: "calls" }, head);
    const ranged = (i) => D.calls[i][2] > D.calls[i][1];
    for (const i of [...visibleCalls.filter(ranged), ...visibleCalls.filter((i) => !ranged(i))]) {
      const c = D.calls[i];
      const x0 = x(c[1]), x1 = x(c[2] + 1);
      const range = c[2] > c[1];
      const attrs = { x: range ? x0 : x0 - 1, y: AXIS_H + 6, width: Math.max(range ? x1 - x0 : 2, 2), height: LANE_H - 12,
                      class: "call" + (range ? " range" : "") + (state.selected === "c" + i ? " selected" : ""),
                      "data-call": i };
      attrs["aria-label"] = `${c[0] || iso(c[1])}: ${c[5].map(personName).join(", ")}`;
      sv("rect", attrs, g);
    }
    // one listener for all marks, and a tooltip made only for the mark pointed at
    g.addEventListener("click", (e) => { const i = e.target.dataset.call; if (i !== undefined) showCall(Number(i)); });
    g.addEventListener("mouseover", (e) => {
      const r = e.target;
      if (r.dataset.call !== undefined && !r.firstChild) svTitle(r, r.getAttribute("aria-label"));
    });
  }

  function drawCallBins() {
    const g = sv("g", { class: "bins" }, head);
    const BIN = 3, bins = new Map();
    for (const i of visibleCalls) {
      const c = D.calls[i];
      const b = Math.floor(x((c[1] + c[2]) / 2) / BIN);
      if (!bins.has(b)) bins.set(b, []);
      bins.get(b).push(i);
    }
    let most = 1;
    for (const list of bins.values()) most = Math.max(most, list.length);
    for (const [b, list] of bins) {
      const h = Math.max(2, (LANE_H - 8) * Math.log1p(list.length) / Math.log1p(most));
      const r = sv("rect", { x: b * BIN, y: AXIS_H + LANE_H - 4 - h, width: BIN - 0.5, height: h, class: "bin" }, g);
      svTitle(r, `${list.length} calls, ${iso(Math.floor(dayAt(b * BIN)))} to ${iso(Math.floor(dayAt(b * BIN + BIN)))}`);
      r.addEventListener("click", () => showCallList(list, `${list.length} calls around ${iso(Math.floor(dayAt(b * BIN)))}`));
    }
  }

  let drawn = "";  // the rows on the page: redrawn on scrolling only when others come into view
  function drawRows(onScroll) {
    rowsSvg.setAttribute("height", Math.max(rows.length * ROW_H, 20));
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_H) - 10);
    const last = Math.min(rows.length, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW_H) + 10);
    if (onScroll === true && drawn === `${first}:${last}`) return;
    drawn = `${first}:${last}`;
    rowsSvg.replaceChildren();
    if (!rows.length) { svText(rowsSvg, { x: 4, y: 14, class: "row-label" }, "No office matches the filters."); return; }
    for (let r = first; r < last; r++) drawRow(rows[r], r);
  }

  function drawRow(o, r) {
    const office = D.offices[o];
    const g = sv("g", { class: "row", "data-office": office[1], transform: `translate(0,${r * ROW_H})` }, rowsSvg);
    sv("rect", { class: "row-bg", x: 0, y: 0, width: width, height: ROW_H }, g);
    const country = office[2] >= 0 ? D.countries[office[2]] : "";
    const label = svText(g, { x: 4, y: ROW_H / 2 + 4, class: "row-label" },
                         (country ? country + " · " : "") + clip(office[0], 42));
    svTitle(label, office[0] + (office[1] ? ` (${office[1]})` : ""));
    const undated = [];
    for (const t of termsByOffice.get(o) || []) if (!drawTerm(g, t)) undated.push(t);
    let at = LABEL_W + 4;
    for (const t of undated) {  // a term no article dates: the holder's name at the start of the row
      const name = personName(D.terms[t][1]);
      const cls = "term undated" + (state.matches !== null && state.matches.has(D.terms[t][1]) ? " match" : "");
      const u = sv("g", { class: cls, "data-term": t, "data-holder": name }, g);
      svText(u, { x: at, y: ROW_H / 2 + 4 }, name + " (no dates)");
      svTitle(u, `${name}: the articles give no date for this term`);
      u.addEventListener("click", () => showTerm(t));
      at += 6.5 * (name.length + 11);
    }
  }

  const clip = (s, n) => s.length > n ? s.slice(0, n - 1) + "…" : s;

  function termSpan(t) {
    // the core: from the latest start (or the first day attested) to the earliest end (or the last day attested)
    let from = t[4] ?? t[8] ?? t[6], to = t[6] ?? t[9] ?? t[4];
    if (from === null || to === null) return null;
    if (to < from) [from, to] = [to, from];
    return [from, to];
  }

  function drawTerm(row, ti) {
    const t = D.terms[ti];
    const span = termSpan(t);
    if (span === null) return false;
    const [from, to] = span;
    const early = t[3] ?? from, late = t[7] ?? to;
    if (late < state.lo || early > state.hi) return true;
    const y = 3, h = ROW_H - 6;
    const cls = "term" + (state.matches !== null && state.matches.has(t[1]) ? " match" : "")
      + (state.selected === "t" + ti ? " selected" : "");
    const g = sv("g", { class: cls, "data-term": ti, "data-holder": personName(t[1]) }, row);
    const fill = color(t[1] >= 0 ? D.people[t[1]][1] : -1);
    const lo = (px) => Math.max(LABEL_W, px), hi = (px) => Math.min(width, px);
    const box = (x0, x1, c, extra) => {
      const a = lo(x0), b = hi(x1);
      if (b > a) sv("rect", Object.assign({ x: a, y: y, width: Math.max(b - a, 1), height: h, class: c }, extra || {}), g);
    };
    const x0 = x(from), x1 = Math.max(x(to + 1), x0 + 3);
    if (t[3] === null) box(x0 - OPEN_W, x0, "open");
    else if (t[3] < from) box(x(t[3]), x0, "uncertain");
    box(x0, x1, "core", { fill: fill });
    if (t[7] === null) box(x1, x1 + OPEN_W, "open");
    else if (t[7] > to) box(x1, x(t[7] + 1), "uncertain");
    const name = personName(t[1]);
    const room = hi(x1) - lo(x0);
    if (room > 30) svText(g, { x: lo(x0) + 3, y: y + h - 4 }, clip(name, Math.floor(room / 6)));
    svTitle(g, `${name}: ${termWords(t)}`);
    g.addEventListener("click", () => showTerm(ti));
    return true;
  }

  function termWords(t) {
    const start = t[2] || (t[3] !== null ? iso(t[3]) : "start unknown");
    const end = t[5] || (t[7] !== null ? iso(t[7]) : (t[9] !== null ? `still in office on ${iso(t[9])}` : "end unknown"));
    return `${start} – ${end}`;
  }

  // zoom with the wheel, move by dragging the date strip
  function setWindow(lo, hi) {
    lo = Math.round(lo); hi = Math.round(hi);
    if (hi - lo < 7) { const mid = (lo + hi) / 2; lo = Math.round(mid - 3.5); hi = lo + 7; }
    state.lo = lo; state.hi = hi;
    $("from").value = iso(lo); $("to").value = iso(hi);
    redraw();
  }
  function onWheel(e) {
    e.preventDefault();
    const rect = head.getBoundingClientRect();
    const at = dayAt(Math.max(LABEL_W, e.clientX - rect.left));
    const k = e.deltaY > 0 ? 1.25 : 0.8;
    setWindow(at - (at - state.lo) * k, at + (state.hi - at) * k);
  }
  head.addEventListener("wheel", onWheel, { passive: false });
  rowsSvg.addEventListener("wheel", (e) => { if (e.ctrlKey || e.shiftKey) onWheel(e); }, { passive: false });
  let drag = null;
  head.addEventListener("mousedown", (e) => { drag = { x: e.clientX, lo: state.lo, hi: state.hi, moved: false }; });
  window.addEventListener("mousemove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    if (Math.abs(dx) < 4 && !drag.moved) return;
    drag.moved = true;
    const days = dx / (width - LABEL_W - 8) * (drag.hi - drag.lo);
    setWindow(drag.lo - days, drag.hi - days);
  });
  window.addEventListener("mouseup", () => { drag = null; });
  let pending = false;
  scroller.addEventListener("scroll", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; drawRows(true); });
  });

  // ------------------------------------------------------------------ network
  const net = $("network");
  let layout = null;  // {nodes: [{p, x, y, calls}], edges: [{a, b, calls: [..]}]}
  let layoutRun = 0;

  let netRun = 0;
  function computeNetwork(done) {
    // counts of calls per pair of people, gathered in slices so that the page answers meanwhile
    const run = ++netRun, pairs = new Map(), degree = new Map();
    let shownCalls = 0, i = 0;
    function slice() {
      if (run !== netRun) return;
      const start = performance.now();
      for (; i < D.calls.length; i++) {
        if ((i & 1023) === 0 && performance.now() - start > SLICE_MS) { setTimeout(slice, 0); return; }
        const c = D.calls[i];
        if (!inNetwork(c)) continue;
        const who = c[5];
        shownCalls++;
        for (const p of who) degree.set(p, (degree.get(p) || 0) + 1);
        for (let a = 0; a < who.length; a++) for (let b = a + 1; b < who.length; b++) {
          const key = who[a] < who[b] ? who[a] * PAIR + who[b] : who[b] * PAIR + who[a];
          pairs.set(key, (pairs.get(key) || 0) + 1);
        }
      }
      done(finish());
    }
    function finish() {
      const kept = mostFrequent(pairs, TOP_EDGES);
      const index = new Map(), nodes = [];
      const node = (p) => {
        if (!index.has(p)) { index.set(p, nodes.length); nodes.push({ p: p, calls: degree.get(p) || 0 }); }
        return index.get(p);
      };
      const edges = kept.map(([key, count]) => ({ a: node(Math.floor(key / PAIR)), b: node(key % PAIR), count: count }));
      placeInitially(nodes);
      $("net-note").textContent = pairs.size > TOP_EDGES
        ? `The ${TOP_EDGES} most frequent of ${pairs.size} pairs (${shownCalls} calls after the filters); narrow the dates, a country or a name to see the others.`
        : `${pairs.size} pairs, ${nodes.length} people, ${shownCalls} calls after the filters.`;
      return { nodes: nodes, edges: edges };
    }
    slice();
  }
  function mostFrequent(counts, n) {
    // the n entries with the highest counts (ties: first counted first), without sorting them all
    const histogram = [];
    for (const c of counts.values()) histogram[c] = (histogram[c] || 0) + 1;
    let threshold = histogram.length - 1, above = 0;
    while (threshold > 0 && above + (histogram[threshold] || 0) <= n) above += histogram[threshold--] || 0;
    const kept = [], ties = [];
    for (const [key, c] of counts) {
      if (c > threshold) kept.push([key, c]);
      else if (c === threshold && ties.length < n - above) ties.push([key, c]);
    }
    return kept.sort((u, v) => v[1] - u[1] || u[0] - v[0]).concat(ties);
  }
  function inNetwork(c) {
    return c[5].length > 1 && callVisible(c) && (c[1] === null ? !windowNarrowed() : callInWindow(c));
  }
  function pairCalls(a, b) {
    return (callIndex.get(a) || []).filter((i) => D.calls[i][5].includes(b) && inNetwork(D.calls[i]));
  }
  const windowNarrowed = () => state.lo > extent[0] || state.hi < extent[1];

  function placeInitially(nodes) {
    // countries on a circle, each person near their country's place; deterministic
    const countries = D.countries.length + 1;
    nodes.forEach((n, i) => {
      const c = n.p >= 0 ? D.people[n.p][1] : -1;
      const angle = 2 * Math.PI * ((c + 1) / countries);
      const jitter = ((n.p * 2654435761) % 1000) / 1000;
      n.x = Math.cos(angle) * 200 + Math.cos(jitter * 6.283) * 40 + (i % 7);
      n.y = Math.sin(angle) * 200 + Math.sin(jitter * 6.283) * 40 + (i % 5);
    });
  }

  function runLayout(model, done) {
    // a plain force layout, run in slices so the page stays responsive
    const run = ++layoutRun, nodes = model.nodes, edges = model.edges;
    const ITER = nodes.length > 400 ? 120 : 250;
    let it = 0;
    function step() {
      if (run !== layoutRun) return;
      const start = performance.now();
      for (; it < ITER && performance.now() - start < SLICE_MS; it++) {
        const temp = 8 * (1 - it / ITER) + 0.5;
        for (const n of nodes) { n.dx = -n.x * 0.01; n.dy = -n.y * 0.01; }
        for (let a = 0; a < nodes.length; a++) {
          const u = nodes[a];
          for (let b = a + 1; b < nodes.length; b++) {
            const v = nodes[b];
            let dx = u.x - v.x, dy = u.y - v.y;
            const d2 = dx * dx + dy * dy + 0.01;
            if (d2 > 90000) continue;
            const f = 900 / d2;
            dx *= f; dy *= f;
            u.dx += dx; u.dy += dy; v.dx -= dx; v.dy -= dy;
          }
        }
        for (const e of edges) {
          const u = nodes[e.a], v = nodes[e.b];
          const dx = v.x - u.x, dy = v.y - u.y;
          const d = Math.sqrt(dx * dx + dy * dy) + 0.01;
          const f = (d - 60) / d * 0.05;
          u.dx += dx * f; u.dy += dy * f; v.dx -= dx * f; v.dy -= dy * f;
        }
        for (const n of nodes) {
          const m = Math.sqrt(n.dx * n.dx + n.dy * n.dy) + 1e-9;
          const s = Math.min(m, temp) / m;
          n.x += n.dx * s; n.y += n.dy * s;
        }
      }
      if (it < ITER) requestAnimationFrame(step); else done();
    }
    step();
  }

  function drawNetwork() {
    net.replaceChildren();
    if (!layout || !layout.nodes.length) {
      svText(net, { x: 10, y: 20, class: "node-label" }, "No call between two known people matches the filters.");
      return;
    }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of layout.nodes) { x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y); }
    const pad = Math.max(40, 0.06 * Math.max(x1 - x0, y1 - y0)), w = x1 - x0 + 2 * pad, h = y1 - y0 + 2 * pad;
    net.setAttribute("viewBox", `${x0 - pad} ${y0 - pad} ${w} ${h}`);
    // sizes in screen pixels whatever the layout's extent
    const k = 1 / Math.min((net.clientWidth || 800) / w, (net.clientHeight || 500) / h);
    net.style.setProperty("--k", k);
    const ge = sv("g", {}, net), gn = sv("g", {}, net), gl = sv("g", {}, net);
    layout.edges.forEach((e, j) => {
      const u = layout.nodes[e.a], v = layout.nodes[e.b];
      const line = sv("line", { x1: u.x, y1: u.y, x2: v.x, y2: v.y, class: "edge" + (state.selected === "e" + j ? " selected" : ""),
                                "stroke-width": (1 + Math.log2(e.count) * 1.5) * k, "data-edge": j }, ge);
      svTitle(line, `${personName(u.p)} – ${personName(v.p)}: ${e.count} call${e.count > 1 ? "s" : ""}`);
      line.addEventListener("click", () => {
        state.selected = "e" + j;
        showCallList(pairCalls(u.p, v.p), `Calls between ${personName(u.p)} and ${personName(v.p)}`);
      });
    });
    const most = Math.max(1, ...layout.nodes.map((n) => n.calls));
    const radius = (n) => (3 + 9 * Math.sqrt(n.calls / most)) * k;
    const labelled = new Set([...layout.nodes].sort((a, b) => b.calls - a.calls).slice(0, 40).map((n) => n.p));
    for (const n of layout.nodes) {
      const cls = "node" + (state.matches !== null && state.matches.has(n.p) ? " match" : "")
        + (state.selected === "p" + n.p ? " selected" : "");
      const c = sv("circle", { cx: n.x, cy: n.y, r: radius(n), "stroke-width": k, fill: color(n.p >= 0 ? D.people[n.p][1] : -1),
                               class: cls, "data-person": n.p }, gn);
      svTitle(c, `${personName(n.p)} (${countryOf(n.p) || "country unknown"}): ${n.calls} call${n.calls > 1 ? "s" : ""}`);
      c.addEventListener("click", () => showPerson(n.p));
      if (labelled.has(n.p) || (state.matches !== null && state.matches.has(n.p))) {
        svText(gl, { x: n.x + radius(n) + 2 * k, y: n.y + 3.5 * k, class: "node-label",
                      style: `font-size:${11 * k}px;stroke-width:${3 * k}px` }, personName(n.p));
      }
    }
  }

  // ------------------------------------------------------------------ details
  const details = $("details");
  function showDetails(title, ...parts) {
    details.replaceChildren(el("h2", {}, title), ...parts);
    details.scrollTop = 0;
  }
  function sources(evidence) {
    const box = el("div", { class: "sources" });
    if (!evidence.length) box.append(el("p", { class: "note" }, "No source sentence recorded."));
    const seen = new Set();
    for (const e of evidence) {
      const [s, qs, ql, a] = D.evidence[e];
      const key = s + ":" + a;
      if (seen.has(key)) continue;
      seen.add(key);
      const sentence = D.sentences[s];
      const quote = el("blockquote", { class: "sentence" });
      if (qs >= 0 && ql > 0 && ql < sentence.length) {
        quote.append(sentence.slice(0, qs), el("mark", {}, sentence.slice(qs, qs + ql)), sentence.slice(qs + ql));
      } else quote.append(sentence);
      box.append(quote, articleLine(a));
    }
    return box;
  }
  function articleLine(a) {
    const line = el("div", { class: "source" });
    if (a < 0) { line.append("article unknown"); return line; }
    const [file, url, published] = D.articles[a];
    line.append("— ", el("b", {}, file), published ? `, published ${published}` : "");
    if (/^https?:\/\//i.test(url)) {
      line.append(" · ", el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, url));
    } else if (url) line.append(" · ", url);
    return line;
  }
  function dl(pairs) {
    const list = el("dl");
    for (const [k, v] of pairs) if (v !== null && v !== "" && v !== undefined) list.append(el("dt", {}, k), el("dd", {}, v));
    return list;
  }
  function people(list, initiators) {
    const span = el("span");
    list.forEach((p, k) => {
      if (k) span.append(", ");
      span.append(link(personName(p), () => showPerson(p)));
      if (countryOf(p)) span.append(` (${countryOf(p)})`);
      if (initiators && initiators.includes(p)) span.append(" — initiator");
    });
    return span;
  }
  function select(key) {
    state.selected = key;
    for (const n of document.querySelectorAll(".selected")) n.classList.remove("selected");
    const [kind, id] = [key[0], key.slice(1)];
    const q = kind === "c" ? `.call[data-call="${id}"]` : kind === "t" ? `.term[data-term="${id}"]`
      : kind === "p" ? `.node[data-person="${id}"]` : `.edge[data-edge="${id}"]`;
    for (const n of document.querySelectorAll(q)) n.classList.add("selected");
  }
  function callWhen(c) {
    if (c[1] === null) return c[0] || "date unknown";
    if (c[1] === c[2]) return iso(c[1]);
    return `${c[0] ? c[0] + ": " : ""}between ${iso(c[1])} and ${iso(c[2])}`;
  }
  function showCall(i) {
    const c = D.calls[i];
    select("c" + i);
    showDetails(`Call, ${c[0] || callWhen(c)}`,
      dl([["date", callWhen(c)], ["participants", people(c[5], c[6])],
          ["initiator", c[6].length ? c[6].map(personName).join(", ") : "not stated"],
          ["medium", c[3]], ["topics", c[4]]]),
      el("h3", {}, "Sources"), sources(c[7]));
  }
  function showTerm(ti) {
    const t = D.terms[ti];
    select("t" + ti);
    const office = t[0] >= 0 ? D.offices[t[0]] : ["(unknown office)", "", -1];
    const bound = (written, early, late, open) => written ? (early !== late && early !== null ? `${written} (${iso(early)} to ${iso(late)})` : written)
      : (early !== null ? `${iso(early)} to ${iso(late)}` : open);
    showDetails(`${personName(t[1])}, ${office[0]}`,
      dl([["holder", people([t[1]])], ["office", office[0] + (office[1] ? ` (${office[1]})` : "")],
          ["start", bound(t[2], t[3], t[4], "not given (open)")], ["end", bound(t[5], t[6], t[7], "not given (open)")],
          ["attested", t[8] !== null ? (t[8] === t[9] ? iso(t[8]) : `${iso(t[8])} to ${iso(t[9])}`) : ""]]),
      el("h3", {}, "Sources"), sources(t[10]));
  }
  function showPerson(p) {
    select("p" + p);
    const calls = (callIndex.get(p) || []).slice().reverse();
    const held = el("ul");
    for (const ti of termsOf.get(p) || []) {
      const t = D.terms[ti];
      held.append(el("li", {}, link(t[0] >= 0 ? D.offices[t[0]][0] : "(unknown office)", () => showTerm(ti)), ` ${termWords(t)}`));
    }
    showDetails(personName(p),
      dl([["country", countryOf(p) || "unknown"], ["other names", D.people[p][2]], ["calls", String(calls.length)]]),
      el("h3", {}, "Posts"), held.childNodes.length ? held : el("p", { class: "note" }, "none known"),
      el("h3", {}, "Calls"), callItems(calls));
  }
  function callItems(list) {
    const ul = el("ul");
    for (const i of list.slice(0, 200)) {
      const c = D.calls[i];
      ul.append(el("li", {}, link(callWhen(c), () => showCall(i)), ": " + c[5].map(personName).join(", ")));
    }
    if (list.length > 200) ul.append(el("li", { class: "note" }, `… and ${list.length - 200} more`));
    return ul;
  }
  function showCallList(list, title) {
    showDetails(title, callItems(list));
    if (state.selected && state.selected[0] === "e") select(state.selected);
  }

  // ------------------------------------------------------------------ controls
  function legend() {
    const box = $("legend");
    box.replaceChildren();
    const counts = new Map();
    D.people.forEach((p) => counts.set(p[1], (counts.get(p[1]) || 0) + 1));
    const order = [...counts.keys()].filter((c) => c >= 0).sort((a, b) => counts.get(b) - counts.get(a)).slice(0, 24);
    for (const c of order) {
      const chip = el("span", { title: "show only this country" }, el("i", { style: `background:${color(c)}` }), D.countries[c]);
      chip.addEventListener("click", () => { $("country").value = String(c); applyFilters(); });
      box.append(chip);
    }
  }
  function fillCountries() {
    const select = $("country");
    D.countries.map((c, i) => [c, i]).sort().forEach(([c, i]) => select.append(el("option", { value: String(i) }, c)));
  }
  let searchTimer = null;
  function applyFilters() {
    state.search = $("search").value;
    state.country = $("country").value === "" ? -1 : Number($("country").value);
    const lo = fromIso($("from").value), hi = fromIso($("to").value);
    if (lo !== null) state.lo = lo;
    if (hi !== null) state.hi = hi;
    if (state.hi <= state.lo) state.hi = state.lo + 7;
    computeMatches();
    redraw(true);
  }
  function redraw(rows) {
    if (rows !== false) computeRows();
    drawHead();
    drawRows();
    scheduleNetwork();
  }
  let netTimer = null;
  function scheduleNetwork() {
    clearTimeout(netTimer);
    document.body.dataset.network = "running";
    netTimer = setTimeout(() => computeNetwork((model) => {
      layout = model;
      runLayout(layout, () => { drawNetwork(); document.body.dataset.network = "ready"; });
    }), 150);
  }
  $("search").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(applyFilters, 200); });
  $("country").addEventListener("change", applyFilters);
  $("from").addEventListener("change", applyFilters);
  $("to").addEventListener("change", applyFilters);
  $("reset").addEventListener("click", () => {
    $("search").value = ""; $("country").value = "";
    $("from").value = iso(extent[0]); $("to").value = iso(extent[1]);
    applyFilters();
  });
  let resizeTimer = null;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(() => redraw(false), 150); });

  // ------------------------------------------------------------------ start
  $("summary").textContent = `${D.people.length} people · ${D.offices.length} offices · ${D.terms.length} terms · ` +
    `${D.calls.length} calls · ${D.articles.length} articles`;
  fillCountries();
  legend();
  $("from").value = iso(state.lo); $("to").value = iso(state.hi);
  computeRows();
  drawHead();
  drawRows();
  performance.mark("kg-timeline");
  document.body.dataset.timeline = "ready";
  document.body.dataset.network = "running";
  setTimeout(() => {  // in a task of its own: the timeline answers clicks before the network is laid out
    computeNetwork((model) => {
      layout = model;
      runLayout(layout, () => { drawNetwork(); document.body.dataset.network = "ready"; performance.mark("kg-network"); });
    });
  }, 0);
  // for tests and the benchmark: where a call's mark is, and what is shown
  window.kgView = { showCall: showCall, showTerm: showTerm, setWindow: setWindow, applyFilters: applyFilters,
                    visibleCalls: () => visibleCalls.slice(), rows: () => rows.slice() };
})();
