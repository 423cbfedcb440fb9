// Opens an HTML dossier in headless Chromium and, for each set of sources given, ticks them
// in the "what if a source is wrong" panel through the page's own checkboxes, then prints
// what a reader would see as JSON on stdout: each claim's grounds and standing, the claims
// the "ungrounded" and "changed" filters show, and the summary (tests/cli/html.rs checks it
// against `claims --discredit`). Usage: node whatif.mjs PAGE.html SET... (SET: ids,by,commas)
import { read } from "./reader.mjs";

const [page_path, ...sets] = process.argv.slice(2);
await read(page_path, { sets: {} }, async (page, visible, result) => {
  const claims = () => page.$$eval("#claims tr.claim", (rows) => Object.fromEntries(rows.map((r) =>
    [r.dataset.id, { grounds: r.dataset.grounds ? r.dataset.grounds.split(",") : [],
      standing: r.dataset.standing, badges: [...r.querySelectorAll(".badge")].map((b) => b.textContent) }])));
  const boxes = () => page.$$eval("#whatif input.discredit", (bs) => bs.map((b) => b.dataset.id));

  result.offered = await boxes();
  result.before = await claims();
  for (const set of sets) {
    const ids = set.split(",");
    for (const id of ids) await page.check(`#whatif input.discredit[data-id="${id}"]`);
    const seen = { claims: await claims(), summary: await page.textContent("#whatif-summary") };
    await page.check("#f-ungrounded");
    seen.ungrounded = await visible();
    await page.click("#f-reset");
    await page.check("#f-changed");
    seen.changed = await visible();
    await page.click("#f-reset");
    // Unfold the first changed claim: a discredited source in its tree is struck through.
    if (seen.changed.length) {
      await page.click(`tr.claim[data-id="${seen.changed[0]}"]`);
      seen.struck = await page.$$eval(`tr.claim[data-id="${seen.changed[0]}"] + tr.tree .tree-row.discredited`,
        (rs) => rs.map((r) => r.dataset.id));
      await page.click(`tr.claim[data-id="${seen.changed[0]}"]`);
    }
    await page.click("#whatif-clear");
    result.sets[set] = seen;
  }
  result.after_clear = await claims();
  result.chokepoint_marks = await page.$$eval(".m-choke", (ms) => ms.length);
});
