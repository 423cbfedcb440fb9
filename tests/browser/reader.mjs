// What the browser scripts share: headless Chromium with its own network traffic off, a
// page that records every request leaving file: and every script error, the dossier opened
// in it, and the ids of the claim rows a reader sees.
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

// Opens `page_path`, runs `body(page, visible, result)`, closes the browser, and prints
// `result` — `{ requests, errors }` plus what `fields` and `body` add — as JSON on stdout.
export async function read(page_path, fields, body) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const result = { requests: [], errors: [], ...fields };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("request", (r) => { if (!r.url().startsWith("file:")) result.requests.push(r.url()); });
    page.on("pageerror", (e) => result.errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") result.errors.push(m.text()); });
    await page.goto(pathToFileURL(page_path).href);
    const visible = () => page.$$eval("#claims tr.claim", (rows) =>
      rows.filter((r) => !r.hidden && r.offsetParent !== null).map((r) => r.dataset.id));
    await body(page, visible, result);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result, null, 1) + "\n");
}
