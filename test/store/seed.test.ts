import { describe, expect, it } from 'vitest';
import { readSeedData } from '../../src/ingest/seed.ts';
import { DATA_DIR } from '../../src/paths.ts';
import { memoryApp } from '../helpers.ts';

describe('seed data', () => {
  const data = readSeedData(DATA_DIR);

  it('holds every loss figure of the five seed articles', () => {
    expect(data.claims.length).toBe(31);
    expect(new Set(data.claims.map((c) => c.file)).size).toBe(5);
  });

  it('loads into a new database and every claim round-trips field for field', () => {
    const app = memoryApp();
    const stored = app.claims.list().sort((a, b) => a.id - b.id);
    expect(stored).toHaveLength(data.claims.length);
    data.claims.forEach(({ fields }, i) => {
      const { id: _id, lineageId: _l, version, status, supersededBy, createdAt: _c, createdBy, sourceId: _s, ...roundTripped } = stored[i]!;
      expect(roundTripped).toEqual(fields);
      expect({ version, status, supersededBy, createdBy }).toEqual({ version: 1, status: 'active', supersededBy: null, createdBy: 'seed:data' });
    });
    app.close();
  });

  it('attributes figures to claimants, not to the outlets that report them', () => {
    const app = memoryApp();
    const november = app.claims.list({ claimant: 'armed-forces-ukraine' }).find((c) => c.periodStart === '2024-11-01' && c.periodEnd === '2024-11-30');
    expect(november?.low).toBe(45720);
    expect(november?.source.publisher).toBe('Newsweek');
    const uk = app.claims.list({ claimant: 'uk-ministry-of-defence' });
    expect(uk.map((c) => [c.metric, c.low, c.high, c.qualifier])).toEqual(
      expect.arrayContaining([
        ['casualties', 175000, 200000, 'exact'],
        ['killed', 40000, 60000, 'about'],
      ]),
    );
    // No publisher or URL is invented where an article shows none.
    expect(uk.every((c) => c.source.publisher === null && c.source.url === null)).toBe(true);
    app.close();
  });

  it('keeps open-ended figures open and the qualifier as said', () => {
    const app = memoryApp();
    const zelensky = app.claims.list({ claimant: 'volodymyr-zelensky' });
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0]).toMatchObject({ low: null, high: 80000, qualifier: 'fewer_than', metric: 'killed', subject: 'ukraine' });
    const nato = app.claims.list({ claimant: 'nato', metric: 'casualties' });
    expect(nato[0]).toMatchObject({ low: null, high: 40000, qualifier: 'up_to' });
    app.close();
  });

  it('does not seed a database twice', () => {
    const app = memoryApp();
    expect(app.claims.count()).toBe(31);
    app.close();
  });
});
