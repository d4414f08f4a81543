// Compiles src/ and commands/ to dist/ with tsc (tsconfig.build.json), and writes each data/**/*.yaml
// file as JSON under dist/data-cache/ (read by src/data-file.ts; JSON parses far faster than YAML).
//   node scripts/build.mjs            build now
//   node scripts/build.mjs --if-stale build only when a source is newer than the last build
// `npm start`, `npm run cli` and `npm run ask` run the second form first, so a fresh clone or an
// edited checkout never runs stale JavaScript, and an up-to-date one pays a few stat calls.
// Plain JavaScript: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');
const sources = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'data'];
/** In data/, only the YAML files are sources (the database lives there too). */
const isSource = (path) => !path.startsWith(join(root, 'data')) || path.endsWith('.yaml');

function files(path, found = []) {
  if (!existsSync(path)) return found;
  const stat = statSync(path);
  if (stat.isDirectory()) for (const name of readdirSync(path)) files(join(path, name), found);
  else if (isSource(path)) found.push({ path, mtimeMs: stat.mtimeMs });
  return found;
}

function newestSourceTime() {
  return Math.max(0, ...sources.flatMap((s) => files(join(root, s))).map((f) => f.mtimeMs));
}

/** dist/data-cache/data/<file>.yaml.json for every data YAML file, with the readers' options. */
async function writeDataCache() {
  const { parse } = await import('yaml');
  for (const { path } of files(join(root, 'data'))) {
    const target = join(root, 'dist', 'data-cache', `${path.slice(root.length + 1)}.json`);
    mkdirSync(dirname(target), { recursive: true });
    // The same options as src/data-file.ts (YAML_OPTIONS).
    writeFileSync(target, JSON.stringify(parse(readFileSync(path, 'utf8'), { merge: true })));
  }
}

/**
 * Whether a source is newer than the last build. A production image ships dist/ without src/:
 * nothing to compare, so never stale there. Also used by `ask`, which warns instead of building.
 */
export function isStale() {
  if (!existsSync(stamp)) return true;
  if (!existsSync(join(root, 'src'))) return false;
  return statSync(stamp).mtimeMs < newestSourceTime();
}

// Run as a script (not imported for isStale): build.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await build();

async function build() {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) process.exit(0);

  let tsc;
  try {
    const manifest = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
    tsc = join(dirname(manifest), 'bin', 'tsc');
    if (!existsSync(tsc)) throw new Error('no tsc');
  } catch {
    process.stderr.write(
      existsSync(stamp)
        ? 'lossbot: the sources changed since the last build, but TypeScript is not installed (npm ci without --omit=dev builds them); running the last build.\n'
        : 'lossbot: dist/ has not been built and TypeScript is not installed: run `npm ci` (with development dependencies), then `npm run build`.\n',
    );
    process.exit(existsSync(stamp) ? 0 : 1);
  }

  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('lossbot: the build failed (see above).\n');
    process.exit(result.status ?? 1);
  }
  // Files the compiled code reads beside itself (the message catalogues, src/i18n/locales/*.ftl).
  function copyAssets(dir = join(root, 'src')) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) copyAssets(path);
      else if (path.endsWith('.ftl')) {
        const target = join(root, 'dist', path.slice(root.length + 1));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, readFileSync(path));
      }
    }
  }
  copyAssets();
  try {
    await writeDataCache();
  } catch (error) {
    // Bad YAML is reported where it is read, naming the file and field; the cache just skips it.
    process.stderr.write(`lossbot: data cache not written (${error.message}); the YAML files will be read directly.\n`);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
