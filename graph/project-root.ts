import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The folder holding the project's package.json, whether code runs from sources (ts-jest)
 * or from `dist/` once compiled: data files and the launcher are found relative to it.
 */
export const PROJECT_ROOT: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();
