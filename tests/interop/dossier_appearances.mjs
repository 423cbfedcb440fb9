// Opens a dossier page in jsdom with its own script, unfolds every claim (a click on its row,
// as a reader does) and prints, per claim id, the lines of its "Where it was said" list.
// usage: node dossier_appearances.mjs PAGE.html
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM(readFileSync(process.argv[2], 'utf8'), { runScripts: 'dangerously' });
const doc = dom.window.document;
const out = {};
for (const tr of doc.querySelectorAll('tr.claim')) {
  tr.dispatchEvent(new dom.window.Event('click'));
  const tree = tr.nextElementSibling;
  out[tr.dataset.id] = {
    shown: !tree.hidden,
    appearances: [...tree.querySelectorAll('.app-row')].map((r) => r.textContent),
  };
}
console.log(JSON.stringify(out));
