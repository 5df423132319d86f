import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLIENT = path.join(ROOT, 'web-client');
const BUILT = path.join(CLIENT, 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web client (vite build, a few seconds) when web-client/dist is missing or older
 * than its sources, so the web-page and browser tests always run against the current client.
 */
export function ensureWebClientBuilt(log: (m: string) => void): void {
  const sources = Math.max(newestMtime(path.join(CLIENT, 'src')), ...['index.html', 'vite.config.ts'].map((f) => fs.statSync(path.join(CLIENT, f)).mtimeMs));
  if (fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= sources) return;
  log('building the web client (vite build)');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web-client/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}
