// Parties, conflicts and claimants: the reference data claims point at.
import { z } from 'zod';
import { ClaimantSchema, ConflictSchema, PartySchema, type Claimant, type Conflict, type Party } from '../core/model.ts';
import type { MetricEntry } from '../core/vocabulary.ts';
import type { Db } from './database.ts';

const JsonArray = z.string().transform((s, ctx) => {
  try {
    return z.array(z.string()).parse(JSON.parse(s));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'aliases are not a JSON array of strings' });
    return z.NEVER;
  }
});

const PartyRow = z
  .object({ id: z.string(), name: z.string(), adjective: z.string(), aliases: JsonArray })
  .transform((r) => PartySchema.parse(r));
const ClaimantRow = z
  .object({ id: z.string(), name: z.string(), kind: z.string(), party_id: z.string().nullable(), parent_id: z.string().nullable(), aliases: JsonArray })
  .transform((r) => ClaimantSchema.parse({ id: r.id, name: r.name, kind: r.kind, party: r.party_id, parent: r.parent_id, aliases: r.aliases }));
const MetricRow = z.object({ id: z.string(), label: z.string(), personnel: z.union([z.literal(0), z.literal(1)]).transform((p) => p === 1) });
const ConflictRow = z
  .object({ id: z.string(), name: z.string(), started_on: z.string().nullable() })
  .transform((r) => ConflictSchema.parse({ id: r.id, name: r.name, startedOn: r.started_on }));

export class ReferenceRepo {
  constructor(private readonly db: Db) {}

  upsertParty(party: Party): void {
    this.db
      .prepare(
        `INSERT INTO parties (id, name, adjective, aliases) VALUES (@id, @name, @adjective, @aliases)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, adjective = excluded.adjective, aliases = excluded.aliases`,
      )
      .run({ ...party, aliases: JSON.stringify(party.aliases) });
  }

  /** A metric from data/metrics.yaml: added, or its label and group brought up to date. */
  upsertMetric(metric: MetricEntry): void {
    this.db
      .prepare(
        `INSERT INTO metrics (id, label, personnel) VALUES (@id, @label, @personnel)
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, personnel = excluded.personnel`,
      )
      .run({ ...metric, personnel: metric.personnel ? 1 : 0 });
  }

  metrics(): MetricEntry[] {
    return this.db.prepare('SELECT id, label, personnel FROM metrics ORDER BY id').all().map((r) => MetricRow.parse(r));
  }

  upsertConflict(conflict: Conflict): void {
    this.db
      .prepare(
        `INSERT INTO conflicts (id, name, started_on) VALUES (@id, @name, @startedOn)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, started_on = excluded.started_on`,
      )
      .run(conflict);
  }

  upsertClaimant(claimant: Claimant): void {
    this.db
      .prepare(
        `INSERT INTO claimants (id, name, kind, party_id, parent_id, aliases)
         VALUES (@id, @name, @kind, @party, @parent, @aliases)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, party_id = excluded.party_id,
           parent_id = excluded.parent_id, aliases = excluded.aliases`,
      )
      .run({ ...claimant, aliases: JSON.stringify(claimant.aliases) });
  }

  parties(): Party[] {
    return this.db.prepare('SELECT * FROM parties ORDER BY id').all().map((r) => PartyRow.parse(r));
  }

  conflicts(): Conflict[] {
    return this.db.prepare('SELECT * FROM conflicts ORDER BY id').all().map((r) => ConflictRow.parse(r));
  }

  claimants(): Claimant[] {
    return this.db.prepare('SELECT * FROM claimants ORDER BY name').all().map((r) => ClaimantRow.parse(r));
  }

  claimant(id: string): Claimant | null {
    const row = this.db.prepare('SELECT * FROM claimants WHERE id = ?').get(id);
    return row ? ClaimantRow.parse(row) : null;
  }

  party(id: string): Party | null {
    const row = this.db.prepare('SELECT * FROM parties WHERE id = ?').get(id);
    return row ? PartyRow.parse(row) : null;
  }

  conflict(id: string): Conflict | null {
    const row = this.db.prepare('SELECT * FROM conflicts WHERE id = ?').get(id);
    return row ? ConflictRow.parse(row) : null;
  }
}
