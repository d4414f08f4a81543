// Locations inside the installed project, independent of the working directory and of whether
// this module runs from src/ (tsx, tests) or from the compiled dist/src/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let dir = start;
  // The first folder upwards holding package.json and data/ is the project; bounded by the root.
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`lossbot: no project folder (package.json and data/) above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const DATA_DIR = join(PROJECT_ROOT, 'data');
export const DEFAULT_DATABASE_PATH = join(PROJECT_ROOT, 'data', 'lossbot.db');
