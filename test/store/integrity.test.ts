import { describe, expect, it } from 'vitest';
import type { RawClaimInput } from '../../src/core/claim-input.ts';
import { dumpDatabase, memoryApp } from '../helpers.ts';

const valid: RawClaimInput = {
  claimant: 'UK MoD',
  subject: 'Russia',
  metric: 'killed',
  value: '50,000',
  qualifier: 'about',
  asOf: '2023-06-01',
  statedOn: '2023-06-02',
  publisher: 'Reuters',
  url: 'https://example.org/uk-estimate',
};

describe('validation refuses bad input, names the field, and writes nothing', () => {
  const cases: [string, RawClaimInput, string, RegExp][] = [
    ['figure not a number', { ...valid, value: 'lots' }, 'low', /must be a number/],
    ['negative figure', { ...valid, value: '-5' }, 'low', /must not be negative/],
    ['low above high', { ...valid, value: undefined, low: '70000', high: '60000' }, 'low', /must not be greater than high/],
    ['unknown claimant', { ...valid, claimant: 'Ministry of Silly Walks' }, 'claimant', /unknown claimant/],
    ['unknown subject', { ...valid, subject: 'Atlantis' }, 'subject', /unknown party/],
    ['unknown metric', { ...valid, metric: 'spaceships' }, 'metric', /is not a metric; one of/],
    ['malformed date', { ...valid, asOf: '2023-02-30' }, 'periodEnd', /YYYY-MM-DD/],
    ['malformed url', { ...valid, url: 'javascript:alert(1)' }, 'source.url', /http\(s\) URL/],
    ['interval ending before it starts', { ...valid, asOf: undefined, from: '2024-11-30', to: '2024-11-01' }, 'periodEnd', /ends .* before it starts/],
    ['open high with a closed qualifier', { ...valid, value: undefined, low: '5', high: 'none', qualifier: 'about' }, 'high', /open only for/],
    ['bad qualifier', { ...valid, qualifier: 'perhaps' }, 'qualifier', /Invalid option|expected one of/],
    ['missing metric', { ...valid, metric: undefined }, 'metric', /./],
  ];

  it.each(cases)('%s', (_name, input, field, message) => {
    const app = memoryApp();
    const before = dumpDatabase(app.db);
    const outcome = app.service.add(input, { actor: 'test:moderator' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.kind === 'needs_confirmation') throw new Error('expected a refusal');
    const problem = outcome.problems.find((p) => p.field === field);
    expect(problem, JSON.stringify(outcome.problems)).toBeDefined();
    expect(problem!.message).toMatch(message);
    expect(dumpDatabase(app.db)).toBe(before);
    app.close();
  });

  it('accepts the valid claim those cases start from', () => {
    const app = memoryApp();
    const outcome = app.service.add(valid, { actor: 'test:moderator' });
    expect(outcome.ok).toBe(true);
    app.close();
  });
});

describe('CHECK constraints make impossible claims unstorable even without validation', () => {
  const base = {
    id: 1000, lineage: 1000, claimant: 'nato', subject: 'russia', metric: 'killed', low: 1, high: 2, qualifier: 'exact',
    kind: 'cumulative', start: '2022-02-24', end: '2022-03-01', label: null as string | null,
  };
  const insert = `INSERT INTO claims (id, lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high,
      qualifier, words, period_kind, period_start, period_end, period_label, created_at, created_by)
    VALUES (@id, @lineage, 1, @claimant, 1, @subject, 'russia-ukraine-2022', @metric, @low, @high, @qualifier, 'w', @kind, @start, @end, @label, 'now', 'test')`;
  const cases: [string, Partial<typeof base>, RegExp][] = [
    ['low > high', { low: 5, high: 4 }, /CHECK constraint/],
    ['negative figure', { low: -1 }, /CHECK constraint/],
    ['interval ending before it starts', { kind: 'interval', start: '2024-02-01', end: '2024-01-01' }, /CHECK constraint/],
    ['no figure at all', { low: null, high: null } as never, /CHECK constraint/],
    ['not a date', { end: '2024-02-30' }, /CHECK constraint/],
    ['unknown metric', { metric: 'spaceships' }, /FOREIGN KEY/],
    ['unknown claimant', { claimant: 'nobody' }, /FOREIGN KEY/],
  ];
  it.each(cases)('%s', (_name, change, message) => {
    const app = memoryApp();
    const before = dumpDatabase(app.db);
    expect(() => app.db.prepare(insert).run({ ...base, ...change })).toThrow(message);
    expect(dumpDatabase(app.db)).toBe(before);
    expect(() => app.db.prepare(insert).run(base)).not.toThrow();
    app.close();
  });

  it('claims can be neither rewritten nor deleted, and the audit log is append-only', () => {
    const app = memoryApp();
    expect(() => app.db.prepare('UPDATE claims SET low = 1 WHERE id = 1').run()).toThrow(/immutable/);
    expect(() => app.db.prepare('DELETE FROM claims WHERE id = 1').run()).toThrow(/never deleted/);
    expect(() => app.db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    app.close();
  });
});

describe('edits and retractions keep history', () => {
  it('an edit adds a version, marks the old one superseded, and audits before and after', () => {
    const app = memoryApp();
    const added = app.service.add(valid, { actor: 'test:alice' });
    if (!added.ok) throw new Error('add failed');
    const edited = app.service.edit(added.claim.id, { value: '52,000' }, 'the ministry revised it', { actor: 'test:bob' });
    if (!edited.ok) throw new Error(JSON.stringify(edited));
    expect(edited.claim).toMatchObject({ low: 52000, high: 52000, version: 2, lineageId: added.claim.id, status: 'active' });
    const old = app.claims.get(added.claim.id)!;
    expect(old).toMatchObject({ low: 50000, status: 'superseded', supersededBy: edited.claim.id });
    const history = app.claims.history(edited.claim.id)!;
    expect(history.versions.map((v) => v.low)).toEqual([50000, 52000]);
    expect(history.audit.map((a) => [a.action, a.actor, a.reason])).toEqual([
      ['add', 'test:alice', null],
      ['edit', 'test:bob', 'the ministry revised it'],
    ]);
    expect(history.audit[1]!.before).toMatchObject({ low: 50000 });
    expect(history.audit[1]!.after).toMatchObject({ low: 52000 });
    app.close();
  });

  it('a retraction keeps the claim, marks it retracted and audits why', () => {
    const app = memoryApp();
    const before = app.claims.count();
    const outcome = app.service.retract(1, 'the article misquoted the speaker', { actor: 'test:carol' });
    expect(outcome.ok).toBe(true);
    expect(app.claims.count()).toBe(before - 1);
    expect(app.claims.count(true)).toBe(31);
    expect(app.claims.get(1)!.status).toBe('retracted');
    const history = app.claims.history(1)!;
    expect(history.audit.at(-1)).toMatchObject({ action: 'retract', actor: 'test:carol', reason: 'the article misquoted the speaker' });
    // A retracted claim cannot be edited or retracted again.
    expect(app.service.retract(1, 'again', { actor: 'test:carol' })).toMatchObject({ ok: false, kind: 'invalid' });
    app.close();
  });

  it('edit and retract require a reason and an existing claim', () => {
    const app = memoryApp();
    const before = dumpDatabase(app.db);
    expect(app.service.edit(1, { value: '5' }, '', { actor: 't' })).toMatchObject({ ok: false, problems: [{ field: 'reason' }] });
    expect(app.service.retract(999, 'no such claim', { actor: 't' })).toMatchObject({ ok: false, kind: 'not_found' });
    expect(app.service.retract('abc', 'bad id', { actor: 't' })).toMatchObject({ ok: false, problems: [{ field: 'id' }] });
    expect(dumpDatabase(app.db)).toBe(before);
    app.close();
  });
});

describe('plausibility', () => {
  const series = (asOf: string, value: number): RawClaimInput => ({
    claimant: 'general-staff-ukraine', subject: 'russia', metric: 'personnel', value: String(value), qualifier: 'about', asOf,
  });

  it('refuses a cumulative figure lower than the claimant\'s earlier one unless marked a correction', () => {
    const app = memoryApp();
    expect(app.service.add(series('2024-11-01', 700000), { actor: 't' }).ok).toBe(true);
    const before = dumpDatabase(app.db);
    const lower = app.service.add(series('2024-11-02', 690000), { actor: 't' });
    expect(lower).toMatchObject({ ok: false, kind: 'invalid' });
    expect(dumpDatabase(app.db)).toBe(before);
    expect(app.service.add({ ...series('2024-11-02', 690000), isCorrection: true }, { actor: 't' }).ok).toBe(true);
    app.close();
  });

  it('flags a daily figure that contradicts the claimant\'s cumulative series until a moderator confirms', () => {
    const app = memoryApp();
    app.service.add(series('2024-11-10', 710660), { actor: 't' });
    app.service.add(series('2024-11-11', 712610), { actor: 't' });
    const day = { claimant: 'general-staff-ukraine', subject: 'russia', metric: 'personnel', value: '1500', from: '2024-11-11', to: '2024-11-11' };
    const before = dumpDatabase(app.db);
    const flagged = app.service.add(day, { actor: 't' });
    expect(flagged).toMatchObject({ ok: false, kind: 'needs_confirmation' });
    if (flagged.ok || flagged.kind !== 'needs_confirmation') throw new Error('unreachable');
    expect(flagged.warnings[0]!.message).toMatch(/1,950/);
    expect(dumpDatabase(app.db)).toBe(before);
    const confirmed = app.service.add(day, { actor: 't', confirm: true });
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) throw new Error('unreachable');
    expect(app.claims.history(confirmed.claim.id)!.audit[0]!.confirmedWarnings[0]).toMatch(/1,950/);
    // The matching figure passes without a flag.
    expect(app.service.add({ ...day, value: '1950' }, { actor: 't' }).ok).toBe(true);
    app.close();
  });

  it('flags a change far outside the series\' usual range', () => {
    const app = memoryApp();
    for (let d = 1; d <= 10; d++) app.service.add(series(`2024-10-${String(d).padStart(2, '0')}`, 650000 + d * 1300), { actor: 't' });
    expect(app.service.add(series('2024-10-11', 650000 + 10 * 1300 + 1400), { actor: 't' }).ok).toBe(true);
    const jump = app.service.add(series('2024-10-12', 650000 + 11 * 1300 + 100 + 90000), { actor: 't' });
    expect(jump).toMatchObject({ ok: false, kind: 'needs_confirmation' });
    app.close();
  });
});
