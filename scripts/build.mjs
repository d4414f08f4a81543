// Compiles src/ and commands/ to dist/ with tsc (tsconfig.build.json).
//   node scripts/build.mjs            build now
//   node scripts/build.mjs --if-stale build only when a source is newer than the last build
// `npm start`, `npm run cli` and `npm run ask` run the second form first, so a fresh clone or an
// edited checkout never runs stale JavaScript, and an up-to-date one pays a few stat calls.
// Plain JavaScript: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');
const sources = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestSourceTime() {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const s of sources) visit(join(root, s));
  return newest;
}

const ifStale = process.argv.includes('--if-stale');
const hasSources = existsSync(join(root, 'src'));
if (ifStale) {
  // A production image ships dist/ without src/: nothing to compare, nothing to build.
  if (!hasSources && existsSync(stamp)) process.exit(0);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSourceTime()) process.exit(0);
}

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
writeFileSync(stamp, `${new Date().toISOString()}\n`);
