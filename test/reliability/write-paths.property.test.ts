// Red team, generated: hostile strings, dates and numbers through every write path (the claims
// command line, the chat commands, the General Staff importer). Whatever is stored must be what
// every read and every digest can render: clean text, normalised URLs, dates inside the conflict
// and not in the future, figures within the model's limits. Counts what was tried, what crashed
// and what was written that should have been refused; all but the first must be zero.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCommand, type Actor } from '../../commands/index.ts';
import { ClaimsCli, UsageError } from '../../src/adapters/cli/claims-cli.ts';
import { replyToMessages } from '../../src/adapters/discord/render.ts';
import { docToHtmlMessages } from '../../src/adapters/telegram/render.ts';
import type { App } from '../../src/app.ts';
import { claimSpans } from '../../src/core/claim-doc.ts';
import { addDays } from '../../src/core/dates.ts';
import { doc, docToPlainText, paragraph } from '../../src/core/doc.ts';
import { describeClaim } from '../../src/core/format.ts';
import { claimDateProblems, dateBounds } from '../../src/core/model.ts';
import { isCleanText, normaliseUrl } from '../../src/core/text.ts';
import { ImportInputError, parseUaGeneralStaff } from '../../src/ingest/ua-general-staff.ts';
import { checkClaimRow, CLAIM_SELECT, setUnreadableClaimHandler } from '../../src/store/claims-repo.ts';
import { ImportRepo } from '../../src/store/import-repo.ts';
import { memoryApp } from '../helpers.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const TODAY = '2026-11-23';

type Figures = { tried: number; crashes: number; badWrites: number; written: number; refused: number };
const zero = (): Figures => ({ tried: 0, crashes: 0, badWrites: 0, written: 0, refused: 0 });
const byPath: Record<string, Figures> = { cli: zero(), chat: zero(), importer: zero() };
let figures: Figures = byPath.cli!;
const problems: string[] = [];
afterAll(() => {
  // The red-team figures for the report.
  for (const [path, f] of Object.entries(byPath))
    console.log(`red team, ${path}: ${f.tried} inputs tried, ${f.written} written, ${f.refused} refused, ${f.crashes} crashes, ${f.badWrites} writes that should have been refused`);
});

const CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u001b]0;title\u0007', '\u009b2J', '\u202e', '\u2066', '\u200f', '\t', '\r\n'];
const NASTY = [
  '@everyone', '<@&123456789012345678>', '<b>unclosed', '&amp; &lt;', '[Official UK MoD](https://phish.example)', '# heading', '> quote', '- list',
  "'; DROP TABLE claims; --", 'x'.repeat(3000), '   ', '', 'none', '-', '__proto__', 'constructor', 'toString', '💥🇺🇦',
];
const text = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 20 })).map(([a, c, b]) => `${a}${c}${b}`),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const date = fc.oneof(
  fc.constantFrom('0000-01-01', '1900-01-01', '1945-01-01', '1979-12-24', '2022-02-23', '2022-02-24', '2022-02-30', '2023-02-29', '2024-02-29', '2099-12-31', '9999-12-30', '2026-11-24', '2026-11-25', '2026-11-23', '20260101', '2026-1-1', ' 2025-01-01 ', '+02025-01-01'),
  fc.integer({ min: -2000, max: 2000 }).map((d) => addDays(TODAY, d)),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  text,
);
const number = fc.oneof(
  fc.constantFrom('1e13', '1e12', '1000000000001', '0x10', '-5', '1e309', 'NaN', 'Infinity', '9'.repeat(40), '45,720', '45 720', '0', '1.5', '12abc', '#12'),
  fc.integer({ min: -10, max: 2_000_000 }).map(String),
  fc.double().map(String),
  text,
);
const url = fc.oneof(
  fc.constantFrom('HTTPS://EXAMPLE.ORG/A', 'https://user:pass@example.org/?token=SECRET', 'javascript:alert(1)', 'http://[::1]/', 'https://example.org/' + 'a'.repeat(2100), 'ftp://example.org', 'https://example.org/\u202e'),
  fc.webUrl(),
  text,
);
const claimants = fc.constantFrom('NATO', 'CSIS', 'UK MoD', 'general-staff-ukraine', 'nato');
const metrics = fc.oneof(fc.constantFrom('killed', 'deserters', 'tanks', 'personnel', 'casualties'), text);
const qualifiers = fc.oneof(fc.constantFrom('exact', 'about', 'more_than', 'at_least', 'up_to', 'fewer_than', 'nearly'), text);

/** Raw fields as a moderator might type them: mostly plausible, each field hostile one time in nine; any may be missing. */
const either = <T, U>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: hostile, weight: 1 });
const rawFields = fc.record(
  {
    claimant: either(claimants, text),
    subject: either(fc.constantFrom('Russia', 'Ukraine'), text),
    metric: either(fc.constantFrom('killed', 'deserters', 'tanks', 'personnel', 'casualties'), text),
    value: either(fc.integer({ min: 0, max: 2_000_000 }).map(String), number),
    low: either(fc.integer({ min: 0, max: 2_000_000 }).map(String), number),
    high: either(fc.integer({ min: 0, max: 2_000_000 }).map(String), number),
    qualifier: either(fc.constantFrom('exact', 'about', 'more_than', 'at_least', 'up_to', 'fewer_than', 'nearly'), text),
    words: either(fc.constantFrom('about 1,000', 'more than 45,000'), text),
    asOf: either(fc.integer({ min: 0, max: 1730 }).map((d) => addDays('2022-02-25', d)), date),
    from: either(fc.integer({ min: 0, max: 1730 }).map((d) => addDays('2022-02-25', d)), date),
    to: either(fc.integer({ min: 0, max: 1730 }).map((d) => addDays('2022-02-25', d)), date),
    statedOn: either(fc.integer({ min: 0, max: 1730 }).map((d) => addDays('2022-02-25', d)), date),
    publishedOn: either(fc.integer({ min: 0, max: 1730 }).map((d) => addDays('2022-02-25', d)), date),
    periodLabel: either(fc.constantFrom('since the invasion', 'the past month'), text),
    url: either(fc.constantFrom('https://example.org/report', 'https://news.example/a?b=1'), url),
    publisher: either(fc.constantFrom('Reuters', 'The Associated Press'), text),
    title: either(fc.constantFrom('A headline', 'Another headline'), text),
    note: either(fc.constantFrom('a note', 'as said in the briefing'), text),
    isCorrection: fc.boolean(),
  },
  { requiredKeys: ['claimant', 'subject', 'metric'] },
).map((raw) => {
  // Plausible values kept in a plausible order (low <= high, from <= to, stated after the start),
  // so that many inputs get as far as the store; hostile values stay as they are.
  const r: Record<string, unknown> = { ...raw };
  const digits = (v: unknown) => typeof v === 'string' && /^[0-9]+$/.test(v);
  const iso = (v: unknown) => typeof v === 'string' && /^20[0-9]{2}-[0-9]{2}-[0-9]{2}$/.test(v);
  if (digits(r.low) && digits(r.high) && Number(r.low) > Number(r.high)) [r.low, r.high] = [r.high, r.low];
  if (iso(r.from) && iso(r.to) && String(r.from) > String(r.to)) [r.from, r.to] = [r.to, r.from];
  const start = iso(r.from) ? String(r.from) : '2022-02-24';
  if (iso(r.statedOn) && String(r.statedOn) < start) r.statedOn = r.to ?? r.asOf ?? start;
  return r as typeof raw;
});

const mod: Actor = { platform: 'telegram', id: '1', name: 'mod', isModerator: true, chatId: '-100' };
const command = (name: string) => COMMANDS.find((c) => c.path.join('_') === name || c.path.join(' ') === name.replace('_', ' '))!;

/** Everything stored since `fromId` obeys the model, and every read and the digest render it. */
function checkStored(app: App, fromId: number, input: unknown): void {
  const conflicts = new Map(app.reference.conflicts().map((c) => [c.id, c.startedOn]));
  const bad = (why: string) => {
    figures.badWrites++;
    if (problems.length < 10) problems.push(`${why}: ${JSON.stringify(input).slice(0, 400)}`);
  };
  const rows = app.db.prepare(`${CLAIM_SELECT} WHERE c.id > ? ORDER BY c.id`).all(fromId) as Record<string, unknown>[];
  for (const row of rows) {
    const read = checkClaimRow(row);
    if (!read.ok) {
      bad(`unreadable row #${String(row.id)}: ${read.unreadable.problems}`);
      continue;
    }
    const c = read.claim;
    for (const column of ['words', 'note', 'period_label', 'publisher', 'title', 'created_by'] as const) {
      const value = row[column];
      if (typeof value === 'string' && (!isCleanText(value) || value !== value.trim())) bad(`${column} stored with control characters or padding`);
    }
    if (typeof row.url === 'string' && normaliseUrl(row.url) !== row.url) bad(`url stored unnormalised: ${row.url}`);
    if (claimDateProblems(c, dateBounds(NOW, conflicts.get(c.conflict) ?? null)).length) bad(`dates out of bounds on #${c.id}`);
    try {
      const dir = app.service.directory();
      const shown = doc(null, [paragraph(...claimSpans(c, dir))]);
      docToHtmlMessages(shown);
      replyToMessages({ kind: 'doc', private: false, doc: shown });
      describeClaim(c, dir.claimant(c.claimant)?.name ?? c.claimant, dir.party(c.subject)?.name ?? c.subject);
    } catch (error) {
      bad(`claim #${c.id} does not render: ${(error as Error).message}`);
    }
  }
  const audit = app.db.prepare('SELECT actor, reason FROM audit_log WHERE claim_id > ?').all(fromId) as { actor: string; reason: string | null }[];
  for (const a of audit) if (!isCleanText(a.actor) || (a.reason !== null && !isCleanText(a.reason))) bad('audit row with control characters');
}

function checkReadsAndDigest(app: App, subId: number): void {
  try {
    for (const q of ['Russian losses', 'NATO: how many Russian soldiers were killed?', 'How many tanks has Russia lost?']) docToPlainText(doc(null, [])) + JSON.stringify(app.asker.ask(q));
    app.claims.list({ includeInactive: true });
    const digest = app.digests.preview(app.digests.repo.get(subId)!);
    docToHtmlMessages(digest);
    replyToMessages({ kind: 'doc', private: false, doc: digest });
  } catch (error) {
    figures.badWrites++;
    if (problems.length < 10) problems.push(`a read or the digest failed: ${(error as Error).stack}`);
  }
}

function setup() {
  const app = memoryApp(NOW);
  const sub = app.digests.repo.subscribe({ platform: 'telegram', chatId: '-7', frequency: 'daily', weekday: null, localTime: '09:00', timezone: 'UTC', claimants: [], parties: [], metrics: [], postEmpty: true, createdBy: 't' }, NOW);
  return { app, subId: sub.id };
}
const maxId = (app: App) => (app.db.prepare('SELECT ifnull(max(id), 0) AS n FROM claims').get() as { n: number }).n;
const RUNS = 400;

describe('every write path, hostile input: nothing stored that a read or a digest cannot render', () => {
  setUnreadableClaimHandler(() => undefined);

  it('the claims command line: add and edit', () => {
    figures = byPath.cli!;
    const { app, subId } = setup();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    const toArgs = (raw: Record<string, unknown>) =>
      Object.entries(raw).flatMap(([k, v]) => (k === 'isCorrection' ? (v ? ['--correction'] : []) : [`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(v)]));
    fc.assert(
      fc.property(rawFields, fc.boolean(), fc.boolean(), (raw, edit, confirm) => {
        figures.tried++;
        const from = maxId(app);
        const target = app.claims.list({ limit: 5 }).at(-1)!;
        const args = edit ? ['claims', 'edit', String(target.id), ...toArgs(raw), '--reason', 'property test'] : ['claims', 'add', ...toArgs(raw)];
        if (confirm) args.push('--confirm');
        try {
          const code = new ClaimsCli(app, io).run(args);
          if (code === 0) figures.written++;
          else figures.refused++;
        } catch (error) {
          if (error instanceof UsageError) figures.refused++;
          else {
            figures.crashes++;
            problems.push(`CLI crashed: ${(error as Error).stack}`);
          }
        }
        checkStored(app, from, args);
      }),
      { numRuns: RUNS },
    );
    checkReadsAndDigest(app, subId);
    expect(problems).toEqual([]);
    expect(figures.crashes + figures.badWrites).toBe(0);
  }, 120_000);

  it('the chat commands: claim add (confirmed) and claim edit', () => {
    figures = byPath.chat!;
    const { app, subId } = setup();
    const add = command('claim_add');
    const edit = command('claim_edit');
    const EDITABLE = ['claimant', 'subject', 'metric', 'value', 'low', 'high', 'qualifier', 'words', 'as_of', 'from', 'to', 'stated_on', 'url', 'publisher', 'title', 'note'];
    fc.assert(
      fc.property(rawFields, fc.constantFrom(...EDITABLE), fc.oneof(text, date, number, url), fc.boolean(), text, (raw, field, value, isEdit, name) => {
        figures.tried++;
        const from = maxId(app);
        const target = app.claims.list({ limit: 5 }).at(-1)!;
        const options: Record<string, unknown> = isEdit
          ? { id: target.id, field, value, reason: 'property test' }
          : { claimant: raw.claimant, subject: raw.subject, metric: raw.metric, value: raw.value, low: raw.low, high: raw.high, qualifier: raw.qualifier, as_of: raw.asOf, from: raw.from, to: raw.to, stated_on: raw.statedOn, url: raw.url, publisher: raw.publisher, title: raw.title, words: raw.words, note: raw.note, correction: raw.isCorrection };
        for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
        // The display name is the platform's, as hostile as any other text.
        const reply = runCommand(isEdit ? edit : add, options, { ...mod, name }, app, { confirmed: true });
        const said = reply.kind === 'refusal' || reply.kind === 'preview' || reply.kind === 'doc' ? docToPlainText(reply.doc) : '';
        if (/Something went wrong/.test(said)) {
          figures.crashes++;
          problems.push(`command crashed: ${JSON.stringify(options).slice(0, 300)}`);
        } else if (reply.kind === 'doc') figures.written++;
        else figures.refused++;
        checkStored(app, from, options);
      }),
      { numRuns: RUNS },
    );
    checkReadsAndDigest(app, subId);
    expect(problems).toEqual([]);
    expect(figures.crashes + figures.badWrites).toBe(0);
  }, 120_000);

  it('the General Staff importer: hostile records, keys, dates and figures', () => {
    figures = byPath.importer!;
    const { app, subId } = setup();
    const key = fc.oneof(fc.constantFrom('date', 'day', 'personnel', 'personnel*', 'POW', 'tank', 'APC', 'drone', 'military auto', 'fuel tank', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'), text);
    const value = fc.oneof(date, fc.integer({ min: -5, max: 2e12 }), fc.double(), fc.constantFrom(1e13, 1e300, -0, 'about', 'more', null), text);
    const record = fc.tuple(date, fc.dictionary(key, value, { maxKeys: 6 })).map(([d, r]) => ({ date: d, ...r }));
    // Mostly a plausible series (dates after the invasion, increasing; whole figures), with a
    // hostile field, key, date or figure mixed into some records.
    const plausible = fc
      .tuple(fc.integer({ min: 1, max: 1700 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.dictionary(fc.constantFrom('personnel', 'POW', 'tank', 'APC', 'drone', 'military auto', 'fuel tank'), fc.integer({ min: 0, max: 2_000_000 }), { minKeys: 1, maxKeys: 4 }), fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.tuple(key, value), weight: 1 })), { minLength: 1, maxLength: 6 }))
      .map(([start, steps]) => {
        let day = start;
        return JSON.stringify(
          steps.map(([step, figures, hostile]) => {
            day += step;
            const r: Record<string, unknown> = { date: addDays('2022-02-24', day), personnel: 1000 + day, ...figures };
            if (hostile) Object.defineProperty(r, hostile[0], { value: hostile[1], enumerable: true, configurable: true, writable: true });
            return r;
          }),
        );
      });
    const file = fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: fc.array(record, { maxLength: 5 }).map((r) => JSON.stringify(r)), weight: 1 }, { arbitrary: text, weight: 1 });
    fc.assert(
      fc.property(file, file, fc.option(file, { nil: undefined }), (personnel, equipment, corrections) => {
        figures.tried++;
        const from = maxId(app);
        try {
          const parsed = parseUaGeneralStaff({ personnel: { name: 'p.json', text: personnel }, equipment: { name: 'e.json', text: equipment }, corrections: corrections === undefined ? undefined : { name: 'c.json', text: corrections }, now: NOW });
          const summary = new ImportRepo(app.db, () => NOW).importSeries(parsed.claims, { importer: 'ua-general-staff', actor: 'property', inputs: {} });
          if (summary.added + summary.changed) figures.written++;
          else figures.refused++;
        } catch (error) {
          if (error instanceof ImportInputError && /^(?:p|e|c)\.json/.test(error.message)) figures.refused++;
          else {
            figures.crashes++;
            problems.push(`importer crashed: ${(error as Error).stack}`);
          }
        }
        checkStored(app, from, [personnel, equipment, corrections]);
      }),
      { numRuns: RUNS * 2 },
    );
    checkReadsAndDigest(app, subId);
    expect(problems).toEqual([]);
    expect(figures.crashes + figures.badWrites).toBe(0);
  }, 120_000);
});
