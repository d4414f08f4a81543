import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/main.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { tempDir } from '../helpers.ts';

function cli(dbPath: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { DATABASE_PATH: dbPath });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('claims command line', () => {
  it('lists, adds, edits, retracts, shows history and exports', () => {
    const { dir, cleanup } = tempDir();
    const db = join(dir, 'cli.db');
    expect(cli(db, 'claimants', 'list').out).toMatch(/uk-ministry-of-defence: UK Ministry of Defence \(government, for United Kingdom\)/);
    const list = cli(db, 'claims', 'list', '--claimant', 'CSIS');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/between 60,000 and 70,000/);

    const added = cli(db, 'claims', 'add', '--claimant', 'NATO', '--subject', 'Russia', '--metric', 'killed', '--low', '30,000', '--high', '40,000',
      '--qualifier', 'about', '--as-of', '2022-10-01', '--stated-on', '2022-10-02', '--publisher', 'Reuters', '--url', 'https://example.org/n', '--actor', 'cli:tester');
    expect(added.code, added.err).toBe(0);
    const id = /#(\d+)/.exec(added.out)![1]!;
    const edited = cli(db, 'claims', 'edit', id, '--high', '45000', '--reason', 'typo in the high end');
    expect(edited.code, edited.err).toBe(0);
    const newId = /#(\d+)/.exec(edited.out)![1]!;
    expect(cli(db, 'claims', 'retract', newId, '--reason', 'source withdrew it').code).toBe(0);
    const history = cli(db, 'claims', 'history', id);
    expect(history.out).toMatch(/cli:tester add/);
    expect(history.out).toMatch(/edit #\d+: typo in the high end/);
    expect(history.out).toMatch(/retract #\d+: source withdrew it/);
    const exported = JSON.parse(cli(db, 'claims', 'export', '--all').out);
    expect(exported.claims).toHaveLength(33);
    expect(JSON.parse(cli(db, 'claims', 'export').out).claims).toHaveLength(31);
    cleanup();
  });

  it('names the field, exits non-zero and changes nothing on bad input', () => {
    const { dir, cleanup } = tempDir();
    const db = join(dir, 'cli.db');
    const before = cli(db, 'claims', 'export', '--all').out.replace(/"exportedAt": "[^"]+"/, '');
    const bad = cli(db, 'claims', 'add', '--claimant', 'NATO', '--subject', 'Russia', '--metric', 'killed', '--value', 'many', '--as-of', '2022-10-01');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/low: must be a number/);
    expect(cli(db, 'claims', 'edit', '1', '--low', '5').err).toMatch(/reason/);
    expect(cli(db, 'claims', 'show', 'x').code).toBe(2);
    expect(cli(db, 'claims', 'add', '--bogus', '1').code).toBe(2);
    expect(cli(db, 'claims', 'list', '--metric', 'spaceships').err).toMatch(/metric: unknown metric/);
    expect(cli(db, 'claims', 'export', '--all').out.replace(/"exportedAt": "[^"]+"/, '')).toBe(before);
    cleanup();
  });

  it('runs through npm run cli with DATABASE_PATH', () => {
    const { dir, cleanup } = tempDir();
    const env = { ...process.env, DATABASE_PATH: join(dir, 'npm.db') };
    const out = execFileSync('npm', ['run', '-s', 'cli', '--', 'claims', 'show', '1'], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
    expect(out).toMatch(/#1 Vladimir Putin: nearly 45,000 soldiers/);
    const refused = spawnSync('npm', ['run', '-s', 'cli', '--', 'claims', 'retract', '1'], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/reason: a reason is required|reason: /);
    cleanup();
  });
});
