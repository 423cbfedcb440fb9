// The dossier's behaviour: build the claims and sources tables from the JSON block, filter
// the claims, unfold a claim's support tree on click, and answer "what if a source is
// wrong": discredit sources and recompute support in the page. User text only ever goes in
// as text (textContent), never as markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  const byId = new Map(data.entities.map((e) => [e.id, e]));
  const claimText = new Map(data.claims.map((c) => [c.id, c.text]));
  const docs = new Map(data.documents.map((d) => [d.id, d]));

  function el(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function n(count, noun) { return count + " " + noun + (count === 1 ? "" : "s"); }
  function badge(cls, text) { return el("span", "badge " + cls, text); }
  function idList(ids, cls) {
    const td = el("td", "ids" + (cls ? " " + cls : ""));
    ids.forEach((id) => {
      const s = el("span", "", id);
      const e = byId.get(id);
      if (e) s.title = e.name;
      td.appendChild(s);
    });
    return td;
  }

  const VIA = { root: "", cites: "cites ", "asserted-by": "asserted by ", relays: "relays " };
  const MARK = { ground: "ground", "dead-end": "nobody asserts it and it cites nothing",
    cycle: "↺ cycle", "shown-above": "(shown above)", cut: "… cut", expanded: "",
    discredited: "✗ discredited" };
  function treeCell(claim) {
    const td = el("td");
    td.colSpan = 5;
    claim.tree.forEach(([depth, id, via, mark, choke]) => {
      const row = el("div", "tree-row");
      row.dataset.id = id;
      row.style.paddingLeft = (depth * 1.4) + "em";
      row.appendChild(el("span", "via", (depth ? "└ " : "") + VIA[via]));
      row.appendChild(el("span", "tid", id));
      const e = byId.get(id);
      let label = e ? " (" + e.name + ")" : ": " + (claimText.get(id) || "");
      if (e && e.tags.length) label += " [" + e.tags.join(", ") + "]";
      row.appendChild(el("span", "", label));
      if (MARK[mark]) {
        const text = mark === "ground" && e ? "— ground, origin " + e.origin : MARK[mark];
        row.appendChild(el("span", "mark m-" + mark, text));
      }
      if (choke) row.appendChild(el("span", "mark m-choke", "◆ chokepoint"));
      row.appendChild(el("span", "mark m-discredited off", "✗ discredited"));
      td.appendChild(row);
    });
    appearancesOf(claim, td);
    return td;
  }

  // Every edge at the claim, one line per document it was found in: who, the relation,
  // what, where, when, and the words quoted.
  function appearancesOf(claim, td) {
    if (!claim.appearances.length) return;
    td.appendChild(el("div", "app-head", "Where it was said"));
    claim.appearances.forEach((a) => {
      const row = el("div", "app-row");
      row.appendChild(el("span", "tid", a.from));
      row.appendChild(el("span", "via", " " + a.rel + " "));
      row.appendChild(el("span", "tid", a.to));
      if (a.in) {
        const d = docs.get(a.in);
        row.appendChild(el("span", "app-doc", " — in " + (d ? d.title + " (" + a.in + ")" : a.in)));
      }
      const date = a.date || (a.in && docs.get(a.in) && docs.get(a.in).published);
      if (date) row.appendChild(el("span", "app-date", ", " + date));
      if (a.quote) row.appendChild(el("span", "app-quote", " “" + a.quote + "”"));
      td.appendChild(row);
    });
  }

  // Where a claim stands, as the table shows it: its facts, or what the page recomputed
  // with sources discredited.
  function flags(c, now) {
    const out = [];
    if (now.fell) out.push(badge("b-fell", "loses its grounds"));
    else if (now.weakened) out.push(badge("b-fell", "no longer independent"));
    if (now.ungrounded) out.push(badge("b-ungrounded", "ungrounded"));
    if (c.rests_only_on.includes("intelligence") && !now.changed) out.push(badge("b-intel", "intelligence only"));
    if (now.contested) out.push(badge("b-contested", "contested"));
    if (c.interested_denial && !now.changed) out.push(badge("b-contested", "interested denial"));
    if (c.circular && !now.changed) out.push(badge("b-circular", "circular"));
    if (now.single_origin && now.grounds.length > 1) out.push(badge("b-single", "single origin"));
    if (now.independent) out.push(badge("b-independent", "independent"));
    if (c.single_relay && !now.changed) out.push(badge("b-single", "single relay"));
    return out;
  }
  function standing(f) {
    return f.independent ? "independent" : f.single_origin ? "single-origin" : "ungrounded";
  }
  // The facts of the data: the claim as the whole graph has it.
  function asData(c) {
    return { grounds: c.grounds, ungrounded: c.ungrounded, single_origin: c.single_origin,
      independent: c.independent, contested: c.contested, changed: false, fell: false,
      weakened: false };
  }

  const tbody = document.querySelector("#claims tbody");
  function render(r) {
    const { c, tr, main, groundsCell } = r;
    main.replaceChildren(el("span", "cid", c.id), el("span", "ctext", c.text));
    flags(c, r.now).forEach((b) => main.appendChild(b));
    groundsCell.replaceWith(r.groundsCell = idList(r.now.grounds));
    tr.dataset.grounds = r.now.grounds.join(",");
    tr.dataset.standing = standing(r.now);
    tr.classList.toggle("changed", r.now.changed);
  }
  const rows = data.claims.map((c) => {
    const tr = el("tr", "claim");
    tr.dataset.id = c.id;
    const main = el("td");
    tr.appendChild(main);
    tr.appendChild(idList(c.asserted_by));
    tr.appendChild(idList(c.denied_by, "deny"));
    const groundsCell = idList(c.grounds);
    tr.appendChild(groundsCell);
    const v = el("td");
    v.appendChild(badge("b-" + (c.verdict || "unreviewed"), c.verdict || "unreviewed"));
    tr.appendChild(v);
    const tree = el("tr", "tree");
    tree.hidden = true;
    tree.appendChild(treeCell(c));
    tr.addEventListener("click", () => {
      tree.hidden = !tree.hidden;
      tr.classList.toggle("open", !tree.hidden);
    });
    tbody.appendChild(tr);
    tbody.appendChild(tree);
    const r = { c, tr, tree, main, groundsCell, now: asData(c), hay: (c.id + " " + c.text).toLowerCase() };
    render(r);
    return r;
  });

  const f = (id) => document.getElementById(id);
  data.tags.forEach((t) => f("f-rests").appendChild(el("option", "", t)).value = t);
  data.verdicts.forEach((v) => f("f-verdict").appendChild(el("option", "", v)).value = v);

  function apply() {
    const text = f("f-text").value.trim().toLowerCase();
    const rests = f("f-rests").value;
    const verdict = f("f-verdict").value;
    const contested = f("f-contested").checked;
    const ungrounded = f("f-ungrounded").checked;
    const changed = f("f-changed").checked;
    let shown = 0;
    rows.forEach(({ c, tr, tree, hay, now }) => {
      const ok = (!text || text.split(/\s+/).every((w) => hay.includes(w)))
        && (!rests || restsOnlyOn(c, now, rests))
        && (!verdict || (verdict === "unreviewed" ? c.verdict === null : c.verdict === verdict))
        && (!contested || now.contested)
        && (!ungrounded || now.ungrounded)
        && (!changed || now.changed);
      tr.hidden = !ok;
      if (!ok) { tree.hidden = true; tr.classList.remove("open"); }
      if (ok) shown++;
    });
    f("count").textContent = shown + " of " + n(rows.length, "claim");
  }
  ["f-text", "f-rests", "f-verdict", "f-contested", "f-ungrounded", "f-changed"].forEach((id) => {
    f(id).addEventListener("input", apply);
    f(id).addEventListener("change", apply);
  });
  // Clear resets the form and filters again at once (a "reset" event fires before the
  // fields change).
  f("f-reset").addEventListener("click", () => { f("filters").reset(); apply(); });
  f("filters").addEventListener("submit", (e) => e.preventDefault());

  const sb = document.querySelector("#sources tbody");
  data.sources.forEach((s) => {
    const tr = el("tr");
    const name = el("td");
    name.appendChild(el("span", "ctext", s.name));
    name.appendChild(el("span", "cid", s.id));
    tr.appendChild(name);
    tr.appendChild(el("td", "", s.tags.join(", ")));
    tr.appendChild(el("td", "num", String(s.grounded)));
    tr.appendChild(el("td", "num", String(s.sole)));
    sb.appendChild(tr);
  });

  // ---- What if a source is wrong (docs/format.md §2.5) ----
  // S as the data gives it: for each claim and entity, its arcs (what it cites, or for a
  // claim citing nothing, who asserts it). A ground is an entity with no arcs. Discrediting
  // sets removes them and their arcs after the grounds are decided; support is recomputed
  // in one pass over the strongly connected components (an iterative Tarjan), the grounds
  // of each component the union of what its arcs reach.
  const records = data.claims.concat(data.entities);
  const nodes = records.map((r) => r.id);
  const at = new Map(nodes.map((id, i) => [id, i]));
  const uncut = records.map((r) => r.support.map((w) => at.get(w)));
  const isGround = records.map((r, i) => i >= data.claims.length && r.support.length === 0);
  function groundsWithout(gone) {
    const n = nodes.length;
    const arcs = uncut.map((list, v) => gone.has(v) ? [] : list.filter((w) => !gone.has(w)));
    const ground = isGround.map((g, v) => g && !gone.has(v));
    const index = new Int32Array(n).fill(-1), low = new Int32Array(n), comp = new Int32Array(n).fill(-1);
    const onStack = new Uint8Array(n), stack = [], sets = [];
    let next = 0;
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1) continue;
      const work = [[root, 0]];
      index[root] = low[root] = next++; stack.push(root); onStack[root] = 1;
      while (work.length) {
        const top = work[work.length - 1], v = top[0];
        if (top[1] < arcs[v].length) {
          const w = arcs[v][top[1]++];
          if (index[w] === -1) {
            index[w] = low[w] = next++; stack.push(w); onStack[w] = 1; work.push([w, 0]);
          } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
          continue;
        }
        work.pop();
        if (work.length) { const u = work[work.length - 1][0]; low[u] = Math.min(low[u], low[v]); }
        if (low[v] !== index[v]) continue;
        const members = [], c = sets.length;
        let w;
        do { w = stack.pop(); onStack[w] = 0; comp[w] = c; members.push(w); } while (w !== v);
        const set = new Set();
        members.forEach((m) => {
          if (ground[m]) set.add(m);
          arcs[m].forEach((x) => { if (comp[x] !== c) sets[comp[x]].forEach((g) => set.add(g)); });
        });
        sets.push(set);
      }
    }
    return (id) => [...sets[comp[at.get(id)]]].map((g) => nodes[g]).sort();
  }
  const discredited = new Set(data.discredited);
  function whatIf() {
    const gone = new Set([...discredited].map((id) => at.get(id)));
    const groundsOf = groundsWithout(gone);
    const fell = [], weakened = [];
    rows.forEach((r) => {
      if (!discredited.size) { r.now = asData(r.c); render(r); return; }
      const c = r.c, grounds = groundsOf(c.id);
      const origins = new Set(grounds.map((g) => byId.get(g).origin)).size;
      const kept = (ids) => ids.some((x) => !discredited.has(x));
      r.now = { grounds, ungrounded: grounds.length === 0, single_origin: origins === 1,
        independent: origins >= 2, contested: kept(c.asserted_by) && kept(c.denied_by) };
      r.now.fell = !c.ungrounded && r.now.ungrounded;
      r.now.weakened = c.independent && !r.now.independent && !r.now.fell;
      r.now.changed = grounds.join(",") !== c.grounds.join(",") || r.now.contested !== c.contested;
      if (r.now.fell) fell.push(c.id);
      if (r.now.weakened) weakened.push(c.id);
      render(r);
    });
    document.querySelectorAll(".tree-row").forEach((t) =>
      t.classList.toggle("discredited", discredited.has(t.dataset.id)));
    const said = f("whatif-summary");
    if (!discredited.size) {
      said.textContent = "Tick a source to see what would be left were it wrong.";
    } else {
      said.textContent = "With " + [...discredited].sort().join(", ") + " discredited: "
        + n(fell.length, "claim") + " left without grounds" + (fell.length ? " (" + fell.join(", ") + ")" : "")
        + "; " + n(weakened.length, "claim") + " no longer independent" + (weakened.length ? " (" + weakened.join(", ") + ")" : "") + ".";
    }
    apply();
  }
  function restsOnlyOn(c, now, tag) {
    if (!now.changed) return c.rests_only_on.includes(tag);
    return now.grounds.length > 0 && now.grounds.every((g) => byId.get(g).tags.includes(tag));
  }

  // The sources a reader may discredit: the grounds claims rest on, relays and deniers,
  // most claims choked first.
  const wb = document.querySelector("#whatif tbody");
  const restedOn = new Set(data.sources.filter((s) => s.grounded > 0).map((s) => s.id));
  const deniers = new Set(data.claims.flatMap((c) => c.denied_by));
  const role = (e) => e.support.length ? "relay" : restedOn.has(e.id) ? "ground" : "denier";
  data.entities
    .filter((e) => restedOn.has(e.id) || e.support.length || deniers.has(e.id))
    .sort((a, b) => b.chokes - a.chokes || (a.id < b.id ? -1 : 1))
    .forEach((e) => {
      const tr = el("tr");
      const box = el("input", "discredit");
      box.type = "checkbox";
      box.dataset.id = e.id;
      box.checked = discredited.has(e.id);
      box.setAttribute("aria-label", "discredit " + e.id);
      box.addEventListener("change", () => {
        if (box.checked) discredited.add(e.id); else discredited.delete(e.id);
        whatIf();
      });
      const cell = el("td");
      cell.appendChild(box);
      tr.appendChild(cell);
      const name = el("td");
      name.appendChild(el("span", "ctext", e.name));
      name.appendChild(el("span", "cid", e.id));
      tr.appendChild(name);
      tr.appendChild(el("td", "", role(e)));
      tr.appendChild(el("td", "", e.tags.join(", ")));
      tr.appendChild(el("td", "num", String(e.chokes)));
      wb.appendChild(tr);
    });
  f("whatif-clear").addEventListener("click", () => {
    discredited.clear();
    document.querySelectorAll("#whatif input.discredit").forEach((b) => { b.checked = false; });
    whatIf();
  });

  const count = (p) => data.claims.filter(p).length;
  f("summary").textContent = [
    n(data.claims.length, "claim"),
    data.entities.length + (data.entities.length === 1 ? " entity" : " entities"),
    count((c) => c.contested) + " contested",
    count((c) => c.ungrounded) + " ungrounded",
    count((c) => c.rests_only_on.includes("intelligence")) + " resting only on intelligence",
    count((c) => c.single_relay) + " hanging on a single relay",
  ].join(" · ");
  whatIf();
})();
