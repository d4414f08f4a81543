// `npm run eval`: reads every question of the issue-16 corpora (English, Ukrainian, Russian) and
// prints, per language and kind, the share read right (and, for questions whose figures the shipped
// data holds, the share answered with them). `npm run eval -- uk` limits it to one language.
import { Directory } from '../src/core/directory.ts';
import { readQuestion, QueryVocabulary } from '../src/core/query/parse.ts';
import { readSeedData } from '../src/ingest/seed.ts';
import { DATA_DIR } from '../src/paths.ts';
import { checkFigures, checkReading, corpusFile, CORPUS_LANGUAGES, CORPUS_TODAY, readCorpus } from '../test/corpus/corpus.ts';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const seed = readSeedData(DATA_DIR);
const vocab = new QueryVocabulary(new Directory(seed.parties, seed.claimants));
const only = CORPUS_LANGUAGES.filter((l) => process.argv.includes(l));
const cases = (only.length ? only : CORPUS_LANGUAGES).flatMap((l) => readCorpus(corpusFile(l)));

type Ask = (q: string) => { low: number | null; high: number | null }[];
let ask: Ask | null = null;
let askProblem = '';
try {
  const { memoryApp } = await import('../test/helpers.ts');
  const { answerFigures } = await import('../src/core/answer/compose.ts');
  const app = memoryApp(new Date(`${CORPUS_TODAY}T12:00:00Z`));
  ask = (q) => answerFigures(app.asker.ask(q));
} catch (error) {
  askProblem = (error as Error).message.split('\n')[0]!;
}

const kinds = new Map<string, { n: number; read: number; figN: number; fig: number; failures: string[] }>();
for (const c of cases) {
  const key = `${c.language} ${c.kind}`;
  const k = kinds.get(key) ?? { n: 0, read: 0, figN: 0, fig: 0, failures: [] };
  kinds.set(key, k);
  k.n++;
  let problems: string[];
  try {
    problems = checkReading(c, readQuestion(c.question, vocab, CORPUS_TODAY));
  } catch (error) {
    problems = [`threw: ${(error as Error).message}`];
  }
  if (!problems.length) k.read++;
  else k.failures.push(`  line ${c.line}: "${c.question}": ${problems.join('; ')}`);
  if (c.expect.fig !== undefined && ask) {
    k.figN++;
    let figProblems: string[];
    try {
      figProblems = checkFigures(c, ask(c.question));
    } catch (error) {
      figProblems = [`threw: ${(error as Error).message}`];
    }
    if (!figProblems.length) k.fig++;
    else k.failures.push(`  line ${c.line}: "${c.question}": ${figProblems.join('; ')}`);
  }
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
const rows = [['language kind', 'questions', 'read right', 'share', 'with figures', 'figures right', 'share']];
type Sum = { n: number; read: number; figN: number; fig: number };
const add = (a: Sum, b: Sum): Sum => ({ n: a.n + b.n, read: a.read + b.read, figN: a.figN + b.figN, fig: a.fig + b.fig });
const row = (label: string, k: Sum) => [label, String(k.n), String(k.read), pct(k.read, k.n), String(k.figN), String(k.fig), pct(k.fig, k.figN)];
let total: Sum = { n: 0, read: 0, figN: 0, fig: 0 };
for (const language of CORPUS_LANGUAGES) {
  let sum: Sum = { n: 0, read: 0, figN: 0, fig: 0 };
  for (const [key, k] of kinds) {
    if (!key.startsWith(`${language} `)) continue;
    rows.push(row(key, k));
    sum = add(sum, k);
  }
  if (!sum.n) continue;
  rows.push(row(`${language} all`, sum));
  total = add(total, sum);
}
rows.push(row('all', total));
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '));
if (!ask) console.log(`\nfigures not checked: the answer pipeline did not load (${askProblem})`);
if (verbose) for (const [kind, k] of kinds) if (k.failures.length) console.log(`\n${kind}:\n${k.failures.join('\n')}`);
else if (!verbose && total.read < total.n) console.log('\n(npm run eval -- --verbose lists each miss)');
