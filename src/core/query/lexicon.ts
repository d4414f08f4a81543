// The words of one language the question reader knows: group names, sources it holds nothing from,
// places, month names with their misspellings, cue words, metric words. Read from
// data/lexicon/<language>.yaml and validated here, so a language is a data file, not code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DATA_DIR } from '../../paths.ts';
import { METRICS, type Metric } from '../vocabulary.ts';

const Words = z.array(z.string().trim().min(1)).default([]);

const CueSchema = z.object({
  claimBefore: Words,
  claimQuestion: Words,
  claimVerbs: Words,
  loseVerbs: Words,
  loseBefore: Words,
  agentVerbs: Words,
  agentBefore: Words,
  compare: Words,
  compareStart: Words,
  exclude: Words,
  own: Words,
  stated: Words,
  total: Words,
  latest: Words,
  lossTopic: Words,
  opponents: z.record(z.string(), z.string()).default({}),
});

const MetricRef = z.union([z.string().min(1), z.array(z.enum(METRICS)).min(1)]);

export const LexiconFileSchema = z
  .object({
    language: z.string().min(2).max(10),
    groups: z
      .array(z.object({ id: z.string().min(1), names: Words, parties: z.array(z.string()).default([]) }))
      .default([]),
    unheld: z.array(z.object({ name: z.string().min(1), words: Words })).default([]),
    places: Words,
    months: z.record(z.string().regex(/^(?:[1-9]|1[0-2])$/), Words),
    cues: CueSchema,
    common: Words,
    filler: Words,
    offTopic: Words,
    metrics: z.array(z.object({ words: z.array(z.string().min(1)).min(1), metrics: MetricRef })).min(1),
    /** Spellings of one part of a name, each usable for the others: [mod, ministry of defence]. */
    nameVariants: z.array(z.array(z.string().trim().min(1)).min(2)).default([]),
    metricSets: z.record(z.string(), z.array(z.enum(METRICS))).default({}),
    broader: z.record(z.string(), z.array(z.enum(METRICS))).default({}),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFileSchema>;

/** Group membership as the claimants data gives it: claimant id -> group ids. */
const ClaimantGroupsSchema = z.array(z.object({ id: z.string(), groups: z.array(z.string()).optional() }).loose());

export type CueKind = Exclude<keyof z.infer<typeof CueSchema>, 'opponents'>;

export interface MetricRule {
  re: RegExp;
  metrics: readonly Metric[];
  /** The generic "losses" words, which add nothing to a specific kind named beside them. */
  generic: boolean;
}

export interface Lexicon {
  language: string;
  file: LexiconFile;
  /** Cue phrases by kind, each a list of token lists, longest first. */
  cues: Record<CueKind, string[][]>;
  opponents: ReadonlyMap<string, string>;
  /** Every spelling of a month -> its number. */
  monthWords: ReadonlyMap<string, number>;
  metricRules: MetricRule[];
  /** The generic loss metrics ("losses", "troops"). */
  losses: readonly Metric[];
  groupMembers: ReadonlyMap<string, string[]>;
  common: ReadonlySet<string>;
  filler: ReadonlySet<string>;
  broader: Readonly<Record<string, readonly Metric[]>>;
}

function phrases(list: readonly string[]): string[][] {
  return [...new Set(list.map((p) => p.toLowerCase().trim()))]
    .map((p) => p.split(/\s+/))
    .sort((a, b) => b.length - a.length);
}

export class LexiconError extends Error {}

/** Builds the reader's lexicon from a parsed file and the claimants' group membership. */
export function buildLexicon(raw: unknown, claimantGroups: unknown = []): Lexicon {
  const parsed = LexiconFileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`lexicon: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const file = parsed.data;
  const sets = file.metricSets;
  const resolveMetrics = (ref: string | Metric[]): Metric[] => {
    if (Array.isArray(ref)) return ref;
    const set = sets[ref];
    if (!set) throw new LexiconError(`lexicon: metrics: unknown metric set "${ref}"`);
    return set;
  };
  const losses = sets.LOSSES ?? [];
  const metricRules = file.metrics.map((m) => {
    const metrics = resolveMetrics(m.metrics);
    let re: RegExp;
    try {
      re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${m.words.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    } catch (error) {
      throw new LexiconError(`lexicon: metrics: bad pattern ${m.words.join('|')}: ${(error as Error).message}`);
    }
    return { re, metrics, generic: m.metrics === 'LOSSES' };
  });
  const cues = Object.fromEntries(Object.entries(file.cues).filter(([k]) => k !== 'opponents').map(([k, v]) => [k, phrases(v as string[])])) as Record<CueKind, string[][]>;
  const monthWords = new Map<string, number>();
  for (const [month, words] of Object.entries(file.months)) for (const w of words) monthWords.set(w.toLowerCase().replace(/\.$/, ''), Number(month));
  const members = new Map<string, string[]>();
  const groups = ClaimantGroupsSchema.safeParse(claimantGroups);
  if (groups.success) for (const c of groups.data) for (const g of c.groups ?? []) members.set(g, [...(members.get(g) ?? []), c.id]);
  return {
    language: file.language,
    file,
    cues,
    opponents: new Map(Object.entries(file.cues.opponents)),
    monthWords,
    metricRules,
    losses,
    groupMembers: members,
    common: new Set([...file.common, ...file.filler].map((w) => w.toLowerCase())),
    filler: new Set(file.filler.map((w) => w.toLowerCase())),
    broader: file.broader,
  };
}

const cache = new Map<string, Lexicon>();

/** The lexicon of a language from data/lexicon/<language>.yaml, with groups from data/claimants.yaml. Cached. */
export function loadLexicon(language = 'en', dataDir = DATA_DIR): Lexicon {
  const key = `${dataDir}\0${language}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!/^[a-z]{2,3}$/.test(language)) throw new LexiconError(`lexicon: no language "${language}"`);
  const raw = parseYaml(readFileSync(join(dataDir, 'lexicon', `${language}.yaml`), 'utf8')) as unknown;
  let claimants: unknown = [];
  try {
    claimants = parseYaml(readFileSync(join(dataDir, 'claimants.yaml'), 'utf8')) as unknown;
  } catch {
    claimants = [];
  }
  const lexicon = buildLexicon(raw, claimants);
  cache.set(key, lexicon);
  return lexicon;
}
