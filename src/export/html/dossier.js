// The dossier's behaviour: build the claims and sources tables from the JSON block, filter
// the claims, and unfold a claim's support tree on click. User text only ever goes in as
// text (textContent), never as markup.
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
    cycle: "↺ cycle", "shown-above": "(shown above)", cut: "… cut", expanded: "" };
  function treeCell(claim) {
    const td = el("td");
    td.colSpan = 5;
    claim.tree.forEach(([depth, id, via, mark]) => {
      const row = el("div", "tree-row");
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

  function flags(c) {
    const out = [];
    if (c.ungrounded) out.push(badge("b-ungrounded", "ungrounded"));
    if (c.rests_only_on.includes("intelligence")) out.push(badge("b-intel", "intelligence only"));
    if (c.contested) out.push(badge("b-contested", "contested"));
    if (c.interested_denial) out.push(badge("b-contested", "interested denial"));
    if (c.circular) out.push(badge("b-circular", "circular"));
    if (c.single_origin && c.grounds.length > 1) out.push(badge("b-single", "single origin"));
    if (c.independent) out.push(badge("b-independent", "independent"));
    return out;
  }

  const tbody = document.querySelector("#claims tbody");
  const rows = data.claims.map((c) => {
    const tr = el("tr", "claim");
    tr.dataset.id = c.id;
    const main = el("td");
    main.appendChild(el("span", "cid", c.id));
    main.appendChild(el("span", "ctext", c.text));
    flags(c).forEach((b) => main.appendChild(b));
    tr.appendChild(main);
    tr.appendChild(idList(c.asserted_by));
    tr.appendChild(idList(c.denied_by, "deny"));
    tr.appendChild(idList(c.grounds));
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
    return { c, tr, tree, hay: (c.id + " " + c.text).toLowerCase() };
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
    let shown = 0;
    rows.forEach(({ c, tr, tree, hay }) => {
      const ok = (!text || text.split(/\s+/).every((w) => hay.includes(w)))
        && (!rests || c.rests_only_on.includes(rests))
        && (!verdict || (verdict === "unreviewed" ? c.verdict === null : c.verdict === verdict))
        && (!contested || c.contested)
        && (!ungrounded || c.ungrounded);
      tr.hidden = !ok;
      if (!ok) { tree.hidden = true; tr.classList.remove("open"); }
      if (ok) shown++;
    });
    f("count").textContent = shown + " of " + n(rows.length, "claim");
  }
  ["f-text", "f-rests", "f-verdict", "f-contested", "f-ungrounded"].forEach((id) => {
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

  const count = (p) => data.claims.filter(p).length;
  f("summary").textContent = [
    n(data.claims.length, "claim"),
    data.entities.length + (data.entities.length === 1 ? " entity" : " entities"),
    count((c) => c.contested) + " contested",
    count((c) => c.ungrounded) + " ungrounded",
    count((c) => c.rests_only_on.includes("intelligence")) + " resting only on intelligence",
  ].join(" · ");
  apply();
})();
