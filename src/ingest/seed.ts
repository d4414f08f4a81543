// The shipped claims in data/: reviewable YAML, validated with zod, loaded into a new database.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlFile } from '../data-file.ts';
import { z } from 'zod';
import { ClaimantSchema, ClaimFieldsObject, ConflictSchema, describeZodError, PartySchema, SourceSchema, claimFieldProblems, type ClaimFields } from '../core/model.ts';
import { checkPlausibility } from '../core/plausibility.ts';
import { readMetrics, useMetrics, type MetricEntry } from '../core/vocabulary.ts';
import type { ClaimsRepo } from '../store/claims-repo.ts';
import type { ReferenceRepo } from '../store/reference-repo.ts';

export const SEED_ACTOR = 'seed:data';

const SeedClaimSchema = ClaimFieldsObject.omit({ source: true }).strict();

export const SeedFileSchema = z
  .object({
    article: z.string().min(1),
    source: SourceSchema.strict(),
    claims: z.array(SeedClaimSchema).min(1),
  })
  .strict();

export interface SeedData {
  metrics: MetricEntry[];
  parties: z.infer<typeof PartySchema>[];
  conflicts: z.infer<typeof ConflictSchema>[];
  claimants: z.infer<typeof ClaimantSchema>[];
  claims: { file: string; index: number; fields: ClaimFields }[];
}

export class SeedError extends Error {}

function readYaml(path: string): unknown {
  try {
    return readYamlFile(path);
  } catch (error) {
    throw new SeedError(`${path}: not valid YAML: ${(error as Error).message}`);
  }
}

function parseFile<T>(path: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(readYaml(path));
  if (!result.success) throw new SeedError(`${path}:\n${describeZodError(result.error)}`);
  return result.data;
}

/** Reads and validates every seed file; throws a SeedError naming the file, record and field. */
export function readSeedData(dataDir: string): SeedData {
  // First: the claims below are checked against these metrics.
  const metrics = readMetrics(dataDir);
  useMetrics(metrics);
  const parties = parseFile(join(dataDir, 'parties.yaml'), z.array(PartySchema.strict()));
  const conflicts = parseFile(join(dataDir, 'conflicts.yaml'), z.array(ConflictSchema.strict()));
  const claimants = parseFile(join(dataDir, 'claimants.yaml'), z.array(ClaimantSchema.strict()));
  const claimsDir = join(dataDir, 'claims');
  const claims: SeedData['claims'] = [];
  for (const name of readdirSync(claimsDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const path = join(claimsDir, name);
    const file = parseFile(path, SeedFileSchema);
    file.claims.forEach((claim, index) => {
      const fields: ClaimFields = { ...claim, source: file.source };
      const problems = claimFieldProblems(fields);
      if (problems.length) throw new SeedError(`${path}: claims[${index}]: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      claims.push({ file: name, index, fields });
    });
  }
  const partyIds = new Set(parties.map((p) => p.id));
  const claimantIds = new Set(claimants.map((c) => c.id));
  for (const c of claimants) {
    if (c.party && !partyIds.has(c.party)) throw new SeedError(`claimants.yaml: ${c.id}: party: unknown party "${c.party}"`);
    if (c.parent && !claimantIds.has(c.parent)) throw new SeedError(`claimants.yaml: ${c.id}: parent: unknown claimant "${c.parent}"`);
  }
  for (const { file, index, fields } of claims) {
    if (!claimantIds.has(fields.claimant)) throw new SeedError(`${file}: claims[${index}]: claimant: unknown claimant "${fields.claimant}"`);
    if (!partyIds.has(fields.subject)) throw new SeedError(`${file}: claims[${index}]: subject: unknown party "${fields.subject}"`);
    if (!conflicts.some((c) => c.id === fields.conflict)) throw new SeedError(`${file}: claims[${index}]: conflict: unknown conflict "${fields.conflict}"`);
  }
  return { metrics, parties, conflicts, claimants, claims };
}

/** JSON with keys in one order, for comparing what is stored with what is shipped. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** True when the database's parties, conflicts and claimants are not exactly the shipped ones. */
export function referenceDataDiffers(reference: ReferenceRepo, data: SeedData): boolean {
  // Compared on the fields the store keeps: a shipped field it does not keep cannot be written anyway.
  const differs = <T extends { id: string }>(stored: readonly T[], shipped: readonly T[]) => {
    if (!stored.length) return shipped.length > 0;
    const kept = new Set(Object.keys(stored[0]!));
    const project = (row: T) => Object.fromEntries(Object.entries(row).filter(([k]) => kept.has(k)));
    return canonical(byId(stored)) !== canonical(byId(shipped).map(project));
  };
  try {
    return (
      differs(reference.metrics(), data.metrics) ||
      differs(reference.parties(), data.parties) ||
      differs(reference.conflicts(), data.conflicts) ||
      differs(reference.claimants(), data.claimants)
    );
  } catch {
    return true;
  }
}

/**
 * Reference data is refreshed on start, so a release's new claimants reach old databases; only
 * when it changed, so that opening a database to read never takes the write lock (a reader never
 * waits on an import) and works on a read-only copy. Returns whether it wrote.
 */
export function applyReferenceData(reference: ReferenceRepo, claims: ClaimsRepo, data: SeedData): boolean {
  if (!referenceDataDiffers(reference, data)) return false;
  claims.transaction(() => {
    for (const m of data.metrics) reference.upsertMetric(m);
    for (const p of data.parties) reference.upsertParty(p);
    for (const c of data.conflicts) reference.upsertConflict(c);
    // Parents first, so the foreign key to a parent always finds it.
    const ordered = [...data.claimants].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
    for (const c of ordered) reference.upsertClaimant(c);
  });
  return true;
}

/** Loads the seed claims into a database that has none; returns how many were added. */
export function seedClaimsIfEmpty(claims: ClaimsRepo, data: SeedData): number {
  // Checked before taking the write lock: a database with claims is opened without writing.
  if (claims.count(true) > 0) return 0;
  return claims.transaction(() => {
    if (claims.count(true) > 0) return 0;
    for (const { file, index, fields } of data.claims) {
      const verdict = checkPlausibility(fields, claims.seriesContext(fields));
      if (verdict.errors.length) throw new SeedError(`${file}: claims[${index}]: ${verdict.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
      claims.insertInTransaction(fields, {
        actor: SEED_ACTOR,
        reason: `seed file ${file}`,
        action: 'import',
        confirmedWarnings: verdict.warnings.map((w) => w.message),
      });
    }
    return data.claims.length;
  });
}
