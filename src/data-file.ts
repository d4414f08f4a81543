// Reading the project's YAML data files (data/**/*.yaml), once per process. `npm run build` also
// writes each one as JSON under dist/data-cache/, which parses far faster than YAML (a cold `ask`
// spent about a quarter of its time in the YAML parser); a cache entry older than its YAML file is
// ignored, so an edited data file is always read as it is now.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

/** The YAML parser, loaded only when a file has no up-to-date JSON copy (it is 24 modules to load). */
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text, YAML_OPTIONS);

const CACHE_DIR = join(PROJECT_ROOT, 'dist', 'data-cache');
const read = new Map<string, unknown>();

/** The options every reader and the build's cache use alike (merge keys on, for the claims files). */
export const YAML_OPTIONS = { merge: true } as const;

/** The parsed content of a YAML file; shared between callers, who must not change it. Throws on bad YAML. */
export function readYamlFile(path: string): unknown {
  const known = read.get(path);
  if (known !== undefined) return known;
  const value = fromCache(path) ?? parseYaml(readFileSync(path, 'utf8'));
  read.set(path, value);
  return value;
}

function fromCache(path: string): unknown {
  const rel = relative(PROJECT_ROOT, path);
  if (rel.startsWith('..')) return undefined;
  const cached = join(CACHE_DIR, `${rel}.json`);
  try {
    if (!existsSync(cached) || statSync(cached).mtimeMs < statSync(path).mtimeMs) return undefined;
    return JSON.parse(readFileSync(cached, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
