// `npm run ask -- "question"`, `--json "question"`, or `--jsonl` reading questions from stdin.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../paths.ts';
import { createInterface } from 'node:readline';
import { docToPlainText } from '../../core/doc.ts';
import { parseArgs } from 'node:util';
import { openApp } from '../../app.ts';
import { answerJson, renderAnswerText } from '../../core/answer/render-text.ts';
import { loadConfig } from '../../config.ts';

const USAGE = 'Usage: npm run ask -- [--json] [--out chart.png] "question"   |   npm run ask -- --jsonl < questions.txt';

/**
 * `npm run ask` has no pre-script (npm would start a second node for it at every question): the
 * build is made by `npm ci`, `npm start` and `npm run build`. Run from a checkout whose sources
 * changed since, it says so rather than answer silently from the old build.
 */
async function warnIfBuildIsStale(): Promise<void> {
  const script = join(PROJECT_ROOT, 'scripts', 'build.mjs');
  if (!import.meta.url.includes('/dist/') || !existsSync(join(PROJECT_ROOT, 'src')) || !existsSync(script)) return;
  const { isStale } = (await import(pathToFileURL(script).href)) as { isStale(): boolean };
  if (isStale()) process.stderr.write('lossbot: the sources changed since the last build; this answer comes from the last build (run `npm run build`).\n');
}

async function main(): Promise<number> {
  await warnIfBuildIsStale();
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, out: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!values.jsonl && !positionals.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const app = openApp({ databasePath: loadConfig().DATABASE_PATH, snapshot: true });
  try {
    if (values.jsonl) {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) process.stdout.write(`${JSON.stringify(answerJson(app.asker.ask(line)))}\n`);
      return 0;
    }
    const question = positionals.join(' ');
    if (values.json) {
      process.stdout.write(`${JSON.stringify(answerJson(app.asker.ask(question)), null, 2)}\n`);
      return 0;
    }
    // Charts, breakdowns, records and the daily card as in chat; a chart's PNG goes to --out.
    const reply = await app.views.reply(question);
    process.stdout.write(`${reply.kind === 'answer' ? renderAnswerText(reply.answer) : docToPlainText(reply.doc)}\n`);
    if (reply.kind === 'chart') {
      if (!values.out) {
        process.stderr.write('A chart: add --out chart.png to write its image.\n');
        return 0;
      }
      // Loaded only for a chart: the canvas and chart.js are most of what a plain question would load.
      const { renderChartPng } = await import('../../charts/render.ts');
      writeFileSync(values.out, await renderChartPng({ ...reply.chart, theme: 'light' }));
      process.stderr.write(`Chart written to ${values.out}\n`);
      return 0;
    }
    if (values.out) {
      process.stderr.write(`That question has no chart; nothing was written to ${values.out}. Try "chart of ..." or "trend of ...".\n`);
      return 1;
    }
    return 0;
  } finally {
    app.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
