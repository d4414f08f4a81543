import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../src/adapters/cli/console-chat.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { memoryApp, tempDir } from '../helpers.ts';

describe('npm run ask', () => {
  const { dir } = tempDir();
  const env = { ...process.env, DATABASE_PATH: join(dir, 'ask.db') };
  const ask = (args: string[], input?: string) =>
    execFileSync('npm', ['run', '-s', 'ask', '--', ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8', input });

  it('prints an answer for a person', () => {
    const out = ask(["Ukraine's claim of Russian losses in November 2024"]);
    expect(out).toMatch(/^Armed Forces of Ukraine: 45,720 personnel losses, November 2024$/m);
    expect(out).toMatch(/45,720/);
    expect(out).toMatch(/Newsweek/);
  });

  it('prints one JSON object with every figure for --json, and one per line for --jsonl', () => {
    const one = JSON.parse(ask(['--json', 'UK estimate of Russian deaths']));
    expect(one.figures).toEqual([expect.objectContaining({ claimant: 'UK Ministry of Defence', low: 40000, high: 60000, qualifier: 'about', metric: 'killed', subject: 'Russia', derived: false })]);
    const lines = ask(['--jsonl'], 'How many tanks has Russia lost?\nwhat is the weather\n\nNATO estimate of Russian casualties\n').trim().split('\n');
    expect(lines).toHaveLength(4);
    const parsed = lines.map((l) => JSON.parse(l));
    // An off-topic message gets help (issue 16), as an empty line does.
    expect(parsed.map((p) => p.kind)).toEqual(['figures', 'help', 'help', 'figures']);
    // The seed's figure among the General Staff's (shipped snapshot); each with its notes as data.
    expect(parsed[0].figures).toContainEqual(expect.objectContaining({ metric: 'tanks', low: 9208, claimantId: 'ukrainian-officials', notes: expect.any(Array), derived: false }));
    expect(parsed[3].figures[0]).toMatchObject({ claimant: 'NATO', low: null, high: 40000, qualifier: 'up_to' });
  });
});

describe('console chat', () => {
  it('answers each typed question until quit', async () => {
    const app = memoryApp();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += String(d)));
    const done = runConsoleChat(app, input, output);
    input.end('UK estimate of Russian deaths\nquit\nNATO estimate of Russian casualties\n');
    await done;
    expect(text).toMatch(/^UK Ministry of Defence: /m);
    expect(text).not.toMatch(/^NATO: /m);
    app.close();
  });
});
