// Parses Mermaid files with the official mermaid package (headless, on a jsdom window) and
// prints, per file, whether it parsed and the labels of the flowchart's vertices as Mermaid
// read them, with its entity codes (#34;) turned back into characters as it does on render.
// usage: node mermaid_parse.mjs FILE...
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, maxTextSize: 10_000_000, maxEdges: 100_000 });

// Mermaid keeps `#34;` as `ﬂ°°34¶ß` (and `#quot;` as `ﬂ°quot¶ß`) until it renders.
const decode = (t) => t
  .replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n)))
  .replace(/ﬂ°(\w+)¶ß/g, (_, name) => `&${name};`);

const out = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  try {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const labels = {};
    for (const [id, v] of diagram.db.getVertices()) labels[id] = decode(v.text);
    out[file] = { ok: true, type: diagram.type, labels, edges: diagram.db.getEdges().length };
  } catch (e) {
    out[file] = { ok: false, error: String(e.message ?? e).split('\n').slice(0, 3).join(' ') };
  }
}
console.log(JSON.stringify(out));
