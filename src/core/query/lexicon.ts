// The words of one language the question reader knows: group names, sources it holds nothing from,
// places, month names with their misspellings, cue words, metric words. Read from
// data/lexicon/<language>.yaml and validated here, so a language is a data file, not code.
import { join } from 'node:path';
import { readYamlFile } from '../../data-file.ts';
import { z } from 'zod';
import { DATA_DIR } from '../../paths.ts';
import { LocalNamesSchema, type LocalName } from '../model.ts';
import { MetricSchema, type Metric } from '../vocabulary.ts';

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
  /** Words before a side that make it where, not who: "in Ukraine". */
  placeBefore: Words,
  /** "and", "or" in another language: names joined by them are listed, not compared. */
  conjunctions: Words,
  opponents: z.record(z.string(), z.string()).default({}),
});

const MetricRef = z.union([z.string().min(1), z.array(MetricSchema).min(1)]);

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
    metricSets: z.record(z.string(), z.array(MetricSchema)).default({}),
    broader: z.record(z.string(), z.array(MetricSchema)).default({}),
    /**
     * Inflected languages: endings stripped from every word (the longest that leaves at least
     * `minStem` letters), so that names, cue words and metric words match in any grammatical case.
     * Every list of this file is stemmed the same way; `metrics[].words` patterns see stems.
     */
    stemming: z.object({ minStem: z.number().int().min(1).max(10), suffixes: z.array(z.string().min(1)).min(1) }).strict().optional(),
    /**
     * Time expressions rewritten into the English forms the time reader knows, in order, before it
     * runs: "у листопаді 2024" -> "in november 2024". `from` is a regular-expression fragment matched on
     * whole words of the lower-cased question; `to` may use $1.. for its groups.
     */
    timePhrases: z.array(z.object({ from: z.string().min(1), to: z.string() }).strict()).default([]),
    /** Messages that ask what the bot does ("привіт", "що ти вмієш"), answered with help. */
    help: Words,
    /** What a metric is called in this language, for answers: tanks -> танки. */
    metricNames: z.record(MetricSchema, z.string().min(1)).default({}),
    /** Word-order rules of languages whose cases, not positions, carry roles. All off for English. */
    rules: z
      .object({
        /** A body with a side (ЗСУ, ВСУ) after "losses of" or before "lost" is the side losing. */
        bodyLoses: z.boolean().default(false),
        /** A body or side after a verb of destroying ("знищили ЗСУ") inflicts; an adjective after one ("знищено російських") is what was destroyed. */
        agentAfterVerb: z.boolean().default(false),
        /** "в Україні" is a place only when another side is named too ("у росії" also means "Russia has"). */
        placeNeedsOtherSide: z.boolean().default(false),
        /** What was said then: any of the `stated` words anywhere in the question with a time. */
        statedAnywhere: z.boolean().default(false),
      })
      .strict()
      .default({ bodyLoses: false, agentAfterVerb: false, placeNeedsOtherSide: false, statedAnywhere: false }),
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
  /** A word as this language's lists are matched: its stem (English: the word itself). */
  stem: (word: string) => string;
  /** Time expressions rewritten into English ones before the time reader runs. */
  timeRules: { re: RegExp; to: string }[];
  /** Help phrases, stemmed word lists. */
  help: string[][];
  rules: LexiconFile['rules'];
  /** Claimant and party names in this language from the data files, by id. */
  localNames: ReadonlyMap<string, LocalName>;
}

/** A stemmer from a lexicon's endings; the identity where it has none. */
export function makeStemmer(config: LexiconFile['stemming']): (word: string) => string {
  if (!config) return (word) => word;
  const suffixes = [...new Set(config.suffixes)].sort((a, b) => b.length - a.length);
  const { minStem } = config;
  const cache = new Map<string, string>();
  return (word) => {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    let w = word.replace(/ё/g, 'е').replace(/ґ/g, 'г').replace(/(?<=\p{L})['ʼ](?=\p{L})/gu, '');
    if (!/\d/.test(w) && w.length > minStem && /\p{Script=Cyrillic}/u.test(w)) {
      for (const s of suffixes) {
        if (w.endsWith(s) && w.length - s.length >= minStem) {
          w = w.slice(0, -s.length);
          break;
        }
      }
    }
    if (cache.size < 50_000) cache.set(word, w);
    return w;
  };
}

function phrases(list: readonly string[], stem: (word: string) => string = (w) => w): string[][] {
  return [...new Map(list.map((p) => p.toLowerCase().trim().split(/\s+/).map(stem)).map((p) => [p.join(' '), p])).values()].sort((a, b) => b.length - a.length);
}

export class LexiconError extends Error {}

/** Builds the reader's lexicon from a parsed file and the claimants' group membership. */
export function buildLexicon(raw: unknown, claimantGroups: unknown = [], partyData: unknown = []): Lexicon {
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
  const stem = makeStemmer(file.stemming);
  const cues = Object.fromEntries(Object.entries(file.cues).filter(([k]) => k !== 'opponents').map(([k, v]) => [k, phrases(v as string[], stem)])) as Record<CueKind, string[][]>;
  const timeRules = file.timePhrases.map((t) => {
    try {
      // Whole words: it neither starts nor ends inside a word (a pattern may end in a space before one).
      return { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${t.from})(?!(?<=[\\p{L}\\p{N}])[\\p{L}\\p{N}])`, 'gu'), to: t.to };
    } catch (error) {
      throw new LexiconError(`lexicon: timePhrases: bad pattern ${t.from}: ${(error as Error).message}`);
    }
  });
  const localNames = new Map<string, LocalName>();
  for (const list of [claimantGroups, partyData]) {
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      const names = z.object({ id: z.string(), names: LocalNamesSchema.optional() }).loose().safeParse(item);
      const local = names.success ? names.data.names?.[file.language] : undefined;
      if (names.success && local) localNames.set(names.data.id, local);
    }
  }
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
    common: new Set([...file.common, ...file.filler].map((w) => stem(w.toLowerCase()))),
    filler: new Set(file.filler.map((w) => stem(w.toLowerCase()))),
    broader: file.broader,
    stem,
    timeRules,
    help: phrases(file.help, stem),
    rules: file.rules,
    localNames,
  };
}

const cache = new Map<string, Lexicon>();

/** The lexicon of a language from data/lexicon/<language>.yaml, with groups from data/claimants.yaml. Cached. */
export function loadLexicon(language = 'en', dataDir = DATA_DIR): Lexicon {
  const key = `${dataDir}\0${language}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!/^[a-z]{2,3}$/.test(language)) throw new LexiconError(`lexicon: no language "${language}"`);
  const raw = readYamlFile(join(dataDir, 'lexicon', `${language}.yaml`));
  const readData = (file: string): unknown => {
    try {
      return readYamlFile(join(dataDir, file));
    } catch {
      return [];
    }
  };
  const lexicon = buildLexicon(raw, readData('claimants.yaml'), readData('parties.yaml'));
  cache.set(key, lexicon);
  return lexicon;
}
