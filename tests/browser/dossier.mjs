// Opens an HTML dossier in headless Chromium, applies filters through the page's own
// controls, and prints what a reader would see as JSON on stdout (tests/cli/html.rs checks
// it against the command line). Usage: node dossier.mjs PAGE.html SCREENSHOT.png
import { read } from "./reader.mjs";

const [page_path, shot] = process.argv.slice(2);
await read(page_path, {}, async (page, visible, result) => {
  const count = () => page.textContent("#count");

  result.all = await visible();
  result.tags = await page.$$eval("#f-rests option", (os) => os.map((o) => o.value).filter(Boolean));
  const intel = result.tags.includes("intelligence");
  if (intel) {
    await page.selectOption("#f-rests", "intelligence");
    result.rests_intelligence = await visible();
    result.rests_count = await count();
    await page.check("#f-contested");
    result.rests_and_contested = await visible();
    await page.click("#f-reset");
  }
  await page.check("#f-contested");
  result.contested = await visible();
  await page.click("#f-reset");
  await page.check("#f-ungrounded");
  result.ungrounded = await visible();
  await page.click("#f-reset");
  await page.selectOption("#f-verdict", "unreviewed");
  result.unreviewed = await visible();
  await page.click("#f-reset");
  await page.fill("#f-text", "BALLISTIC");
  result.search = await visible();
  await page.click("#f-reset");
  result.after_reset = await visible();

  // Unfold one support tree, as a reader would, and read it (an intelligence-only claim
  // when there is one), and leave the page so for the screenshot.
  if (intel) await page.selectOption("#f-rests", "intelligence");
  const first = (result.rests_intelligence || result.all)[0];
  if (first) {
    await page.click(`tr.claim[data-id="${first}"]`);
    result.tree = await page.$eval(`tr.claim[data-id="${first}"] + tr.tree`, (t) =>
      t.hidden ? null : t.innerText);
  }
  result.svg = await page.$$eval("#picture svg g.node", (ns) => ns.length);
  result.title = await page.title();
  result.pwned = await page.evaluate(() => window.pwned === true);
  if (shot) await page.screenshot({ path: shot, fullPage: false });
});
