// `npm run ask -- "question"`, `--json "question"`, or `--jsonl` reading questions from stdin.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openApp } from '../../app.ts';
import { answerJson, renderAnswerText } from '../../core/answer/render-text.ts';
import { loadConfig } from '../../config.ts';

const USAGE = 'Usage: npm run ask -- [--json] "question"   |   npm run ask -- --jsonl < questions.txt';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' } }, allowPositionals: true });
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
    const answer = app.asker.ask(positionals.join(' '));
    process.stdout.write(`${values.json ? JSON.stringify(answerJson(answer), null, 2) : renderAnswerText(answer)}\n`);
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
