// Prints the gzipped size of what index.html loads at start (JS + CSS), against the 300 KB budget.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('web-client/dist/index.html is missing: run npm run build:web first.');
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let raw = 0, gz = 0;
for (const a of assets) {
  const buf = readFileSync(join(dist, a));
  const z = gzipSync(buf, { level: 9 }).length;
  raw += buf.length; gz += z;
  console.log(`${a.padEnd(40)} ${(buf.length / 1024).toFixed(1).padStart(7)} KB  ${(z / 1024).toFixed(1).padStart(6)} KB gzipped`);
}
console.log(`initial load (JS + CSS): ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped (budget 300 KB)`);
if (gz > 300 * 1024) { console.error('over the 300 KB budget'); process.exit(1); }
