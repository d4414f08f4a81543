// Question -> structured query. Pure and total: any string gives a query, help, or "not understood".
import { distance } from 'fastest-levenshtein';
import type { Directory } from '../directory.ts';
import { METRICS, type Metric } from '../vocabulary.ts';
import { DEFAULT_METRICS, extractMetrics, isMetricWord } from './metrics.ts';
import { extractTime } from './time.ts';
import { MAX_QUESTION_LENGTH, type ParseResult, type Query } from './types.ts';

/** Lower case, one apostrophe, punctuation that dates need (- / . , :) kept, the rest spaces. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\p{L}\p{N}'\-/.,: ]+/gu, ' ')
    .replace(/(?<=\p{L})[.,:]+(?=\s|$)/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const HELP = /^(?:\/?help|\/?start|what can you do|how do (?:i|you) (?:use|work)|commands|hi|hello|hey|\?+)(?: .{0,20})?$/;

/** Words after a party that make it the claimant's side: "Ukraine's claim", "Russia says". */
const SIDE_AFTER = /^(?:claims?|claimed|claiming|estimates?|estimated|figures?|numbers?|counts?|counted|data|tally|reports?|reported|says?|said|states?|stated|statements?|version|account|believes?|thinks?|assessments?|assesses|sources?|officials?|government|authorities|side|intelligence|military|army|view|announced|admits?|admitted|puts?|put|recorded|estimation)\b/;
/** Words before a party that make it the claimant's side: "according to Kyiv", "what does Russia say". */
const SIDE_BEFORE = /(?:according to|per|from|by|in the view of|does|do|did|has|have)(?: the)?\s*$/;
/** Words after a party that make it the agent, not the one losing: "has Ukraine destroyed". */
const AGENT_AFTER = /^(?:killed|destroyed|shot|downed|eliminated|hit|struck|captured|inflicted|neutrali[sz]ed|taken out)\b/;

const KNOWN_WORDS = new Set([
  'losses', 'killed', 'claims', 'claim', 'estimate', 'according', 'russian', 'russia', 'ukraine', 'ukrainian', 'soldiers',
  'wounded', 'injured', 'casualties', 'deaths', 'artillery', 'helicopters', 'aircraft', 'drones', 'missing', 'captured',
  'deserters', 'figures', 'numbers', 'between', 'during', 'since', 'before', 'after', 'about', 'their', 'there', 'these',
  'those', 'which', 'where', 'what', 'many', 'much', 'latest', 'recent', 'report', 'reports', 'reported', 'official',
  'officials', 'november', 'december', 'october', 'september', 'august', 'january', 'february', 'march', 'april', 'june',
  'july', 'equipment', 'vehicles', 'tanks', 'troops', 'personnel', 'military', 'ministry', 'defence', 'defense', 'general',
  'staff', 'intelligence', 'president', 'quarter', 'month', 'months', 'weeks', 'years', 'first', 'second', 'third', 'fourth',
  'invasion', 'start', 'beginning', 'total', 'overall', 'today', 'yesterday', 'people', 'armed', 'forces', 'british',
  'britain', 'american', 'america', 'soviet', 'kremlin', 'moscow', 'states', 'united', 'kingdom', 'think', 'thinks', 'believe',
]);

interface AliasEntry {
  tokens: string[];
  claimant: string;
}

interface PartyWord {
  word: string;
  party: string;
}

/** What the parser knows of names, built once per directory. */
export class QueryVocabulary {
  readonly aliases: AliasEntry[];
  readonly partyWords: Map<string, string>;
  /** "russian", "ukrainians": words that describe who lost, never who acted. */
  readonly adjectives: Set<string>;
  private readonly vocabulary: string[];
  private readonly typoCache = new Map<string, string>();

  constructor(readonly directory: Directory) {
    const aliases: AliasEntry[] = [];
    for (const c of directory.claimants) {
      for (const name of [c.name, ...c.aliases]) {
        const tokens = tokenise(normaliseQuestion(name).replace(/[-/.,:]/g, ' ')).map((t) => t.text);
        if (tokens.length) aliases.push({ tokens, claimant: c.id });
        // "the alliance" is also typed "alliance".
        if (tokens[0] === 'the' && tokens.length > 1) aliases.push({ tokens: tokens.slice(1), claimant: c.id });
      }
    }
    aliases.sort((a, b) => b.tokens.length - a.tokens.length);
    this.aliases = aliases;
    const partyWords: PartyWord[] = [];
    for (const p of directory.parties) {
      for (const name of [p.name, p.adjective, ...p.aliases]) partyWords.push({ word: normaliseQuestion(name).replace(/\./g, ''), party: p.id });
      partyWords.push({ word: `${normaliseQuestion(p.adjective)}s`, party: p.id });
    }
    this.partyWords = new Map(partyWords.map((w) => [w.word, w.party]));
    this.adjectives = new Set(directory.parties.flatMap((p) => [normaliseQuestion(p.adjective), `${normaliseQuestion(p.adjective)}s`]));
    this.vocabulary = [...new Set([...aliases.flatMap((a) => a.tokens), ...partyWords.flatMap((w) => w.word.split(' '))])].filter((w) => w.length >= 4);
  }

  /** The name a slightly mistyped word was meant to be: "zelenksy" -> "zelensky". */
  correct(token: string): string {
    if (token.length < 5 || KNOWN_WORDS.has(token) || /\d/.test(token) || isMetricWord(token)) return token;
    const cached = this.typoCache.get(token);
    if (cached !== undefined) return cached;
    const allowance = token.length >= 7 ? 2 : 1;
    // Closest word; ties go to the same length, then the longer shared prefix ("russain" -> "russian").
    const score = (word: string) => [distance(word, token), Math.abs(word.length - token.length), -sharedPrefix(word, token)] as const;
    let best = token;
    let bestScore: readonly number[] = [Number.POSITIVE_INFINITY];
    for (const word of this.vocabulary) {
      if (Math.abs(word.length - token.length) > allowance) continue;
      const s = score(word);
      if (s[0]! < bestScore[0]! || (s[0] === bestScore[0] && (s[1]! < bestScore[1]! || (s[1] === bestScore[1] && s[2]! < bestScore[2]!)))) {
        best = word;
        bestScore = s;
      }
    }
    const bestDistance = bestScore[0]!;
    const result = bestDistance <= allowance ? best : token;
    if (this.typoCache.size < 10_000) this.typoCache.set(token, result);
    return result;
  }
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

interface Token {
  text: string;
  possessive: boolean;
  start: number;
  end: number;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) {
    let word = m[0].replace(/^[-/.,:']+|[-/.,:]+$/g, '');
    const possessive = /'s?$/.test(word);
    word = word.replace(/'s?$/, '');
    if (word) tokens.push({ text: word, possessive, start: m.index!, end: m.index! + m[0].length });
  }
  return tokens;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

export function parseQuestion(input: unknown, vocab: QueryVocabulary, today: string): ParseResult {
  if (typeof input !== 'string') return { kind: 'not_understood', reason: 'A question must be text.' };
  if (input.length > MAX_QUESTION_LENGTH) return { kind: 'not_understood', reason: `That question is too long: at most ${MAX_QUESTION_LENGTH} characters, please.` };
  const text = normaliseQuestion(input);
  if (!text) return { kind: 'help' };
  if (HELP.test(text)) return { kind: 'help' };

  const { time, rest: afterTime } = extractTime(text, today);
  const tokens = tokenise(afterTime).map((t) => ({ ...t, text: vocab.correct(t.text) }));

  // Claimants named outright, longest alias first; their words are then set aside.
  const claimants: string[] = [];
  const used = new Set<number>();
  for (const alias of vocab.aliases) {
    for (let i = 0; i + alias.tokens.length <= tokens.length; i++) {
      if (alias.tokens.some((t, k) => used.has(i + k) || tokens[i + k]!.text !== t)) continue;
      claimants.push(alias.claimant);
      for (let k = 0; k < alias.tokens.length; k++) used.add(i + k);
    }
  }
  // The free words next to a token, stopping at a word already taken by a name.
  const wordsAfter = (from: number, count: number) => {
    const out: string[] = [];
    for (let k = from; k < tokens.length && out.length < count && !used.has(k); k++) out.push(tokens[k]!.text);
    return out.join(' ');
  };
  const wordsBefore = (to: number, count: number) => {
    const out: string[] = [];
    for (let k = to - 1; k >= 0 && out.length < count && !used.has(k); k--) out.unshift(tokens[k]!.text);
    return out.join(' ');
  };

  // Parties: the claimant's side or the one losing, told apart by the words around them.
  const sides: string[] = [];
  const subjects: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const two = i + 1 < tokens.length && !used.has(i + 1) ? `${tokens[i]!.text} ${tokens[i + 1]!.text}` : null;
    let party = two ? vocab.partyWords.get(two) : undefined;
    const width = party ? 2 : 1;
    party ??= vocab.partyWords.get(tokens[i]!.text);
    if (!party) continue;
    const after = wordsAfter(i + width, 3);
    const before = wordsBefore(i, 4);
    const atStartWithOn = i === 0 && /^on\b/.test(after);
    const agent = AGENT_AFTER.test(after) && !vocab.adjectives.has(tokens[i]!.text);
    if (SIDE_AFTER.test(after) || SIDE_BEFORE.test(before) || agent || atStartWithOn) {
      // "has Russia lost" is the loser, even after "has".
      if (/^(?:lost|suffered)\b/.test(after)) subjects.push(party);
      else sides.push(party);
    } else subjects.push(party);
    for (let k = 0; k < width; k++) used.add(i + k);
    i += width - 1;
  }

  const remaining = tokens.filter((_, i) => !used.has(i)).map((t) => t.text).join(' ');
  const { metrics: found, words } = extractMetrics(` ${remaining} `);
  const asksAboutLosses = /\b(?:how many|number of|toll|tally|figures?|numbers?|statistics|stats|claims?|estimates?)\b/.test(remaining);
  const named = claimants.length + sides.length + subjects.length;
  if (!named && !found.length && !asksAboutLosses) {
    return { kind: 'not_understood', reason: 'I could not find a party, a claimant or a kind of loss in that question.' };
  }
  const metrics: Metric[] = found.length ? found : named && !subjects.length && !words.length && claimants.length ? [...METRICS] : [...DEFAULT_METRICS];
  // "What does Russia say about its own losses?": the side is also the one losing.
  if (!subjects.length && /\b(?:its|their|his|her) own\b/.test(afterTime)) {
    const owner = sides[0] ?? (claimants[0] ? vocab.directory.claimant(claimants[0])?.party : null);
    if (owner) subjects.push(owner);
  }
  const query: Query = {
    kind: 'query',
    claimants: unique(claimants),
    sides: unique(sides),
    subjects: unique(subjects),
    metrics: METRICS.filter((m) => metrics.includes(m)),
    // "lost" in "how many tanks has Russia lost" names no metric of its own.
    metricWords: unique(words.map((w) => w.trim()).filter((w) => !/^(?:lost|lose|losing)$/.test(w) || words.length === 1)),
    time,
  };
  return query;
}
