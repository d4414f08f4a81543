// Question -> structured query. Pure and total: any string gives a query, help, or "not understood".
//
// The reader works in four steps, each on the output of the one before:
//   1. normalise and find the time (time.ts: our rules, then chrono-node);
//   2. tokens -> tagged spans: claimant names, groups, sources held nothing from, parties, places
//      (the names from the directory, every other word from the language's lexicon);
//   3. roles from the cue words around each span: who claims, who loses, who inflicts, who is
//      compared or excluded;
//   4. a Query, with the reading in one line.
import { distance } from 'fastest-levenshtein';
import { formatSpan, lastDayOfMonth, monthName, ymd } from '../dates.ts';
import type { Directory } from '../directory.ts';
import { METRICS, metricInfo, type Metric } from '../vocabulary.ts';
import { detectLocale, type Locale } from './language.ts';
import { loadLexicon, type CueKind, type Lexicon } from './lexicon.ts';
import { DEFAULT_METRICS, extractMetrics, isMetricWord } from './metrics.ts';
import { comparedPeriods, extractTime, type TimeResult } from './time.ts';
import { MAX_QUESTION_LENGTH, type ParseResult, type Query, type Role, type TaggedSpan, type TimeSpec } from './types.ts';

/** Lower case, one apostrophe, punctuation that dates need (- / . , :) kept, the rest spaces. */
export function normaliseQuestion(text: string): string {
  return (
    text
      .normalize('NFKC')
      // "US" and "U.S." name the United States; "us" is a pronoun.
      .replace(/(?<![\p{L}\p{N}.])U\.?S\.?A?\.?(?![\p{L}\p{N}])/gu, ' usa ')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/[^\p{L}\p{N}'\-/.,: ]+/gu, ' ')
      .replace(/(?<=\p{L})[.,:]+(?=\s|$)/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const HELP = /^(?:\/?help|\/?start|what (?:can|do) (?:you|u|ya) (?:do|know|answer)|what are you|who are you|how (?:do|can|should) (?:i|you|u|we) (?:use|work|ask)|(?:how|what) to ask|commands|hi|hello|hey|yo|sup|thanks|thank you|thx|ty|\?+)(?: .{0,20})?$/;

interface Token {
  /** The word as matched: lower case, corrected, and its stem in an inflected language. */
  text: string;
  /** The word as typed (lower case). */
  raw?: string;
  possessive: boolean;
  start: number;
  end: number;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) {
    let word = m[0].replace(/^[-/.,:']+|[-/.,:]+$/g, '');
    const possessive = /'s?$/.test(word) || /^(?:russias|ukraines|natos|putins|zelenskys|kyivs|kievs|moscows|britains|americas|the uks|uks)$/.test(word);
    word = word.replace(/'s?$/, '');
    if (/^(?:russias|ukraines|natos|putins|zelenskys|kyivs|kievs|moscows|britains)$/.test(word)) word = word.slice(0, -1);
    if (word) tokens.push({ text: word, possessive, start: m.index!, end: m.index! + m[0].length });
  }
  return tokens;
}

type SpanTag = 'claimant' | 'group' | 'unheld' | 'party' | 'place';

interface Entry {
  tokens: string[];
  tag: SpanTag;
  value: string;
  /** A party word that describes ("russian"), not one that names ("russia"). */
  adjective: boolean;
}

interface Span extends Entry {
  from: number;
  /** One past the last token. */
  to: number;
  possessive: boolean;
  role: Role | 'place' | null;
}

const TAG_ORDER: Record<SpanTag, number> = { claimant: 0, group: 1, unheld: 2, party: 3, place: 4 };

/** What the reader knows of names (from the directory) and words (from the lexicon), built once. */
export class QueryVocabulary {
  readonly lexicon: Lexicon;
  private readonly entries = new Map<string, Entry[]>();
  private readonly vocabulary: string[];
  private readonly typoCache = new Map<string, string>();
  private readonly cueWords: Set<string>;

  constructor(
    readonly directory: Directory,
    lexicon?: Lexicon,
    /** Where the other languages' lexicons are read from (the app's data folder). */
    private readonly dataDir?: string,
  ) {
    this.lexicon = lexicon ?? loadLexicon('en', dataDir);
    const add = (name: string, tag: SpanTag, value: string, adjective = false) => {
      const tokens = tokenise(normaliseQuestion(name).replace(/[-/.,:]/g, ' ')).map((t) => this.lexicon.stem(t.text));
      if (!tokens.length) return;
      // "us" is never a name: the United States is "US", "U.S.", "USA" or "America".
      if (tokens.length === 1 && tokens[0] === 'us') return;
      const list = this.entries.get(tokens[0]!) ?? [];
      if (!list.some((e) => e.tag === tag && e.value === value && e.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, tag, value, adjective });
      this.entries.set(tokens[0]!, list);
      // "the alliance" is also typed "alliance".
      if (tokens[0] === 'the' && tokens.length > 1) add(tokens.slice(1).join(' '), tag, value, adjective);
    };
    // "Russia's defence ministry" for "Russian defence ministry", "MoD" for "Ministry of Defence": each
    // claimant name also in the variant spellings the lexicon lists.
    const partyForms = directory.parties.map((p) => [normaliseQuestion(p.adjective), normaliseQuestion(p.name)] as const);
    for (const c of directory.claimants) {
      for (const name of [c.name, ...c.aliases]) {
        for (const variant of nameVariants(normaliseQuestion(name).replace(/[-/.,:]/g, ' '), this.lexicon.file.nameVariants)) {
          add(variant, 'claimant', c.id);
          for (const [adjective, noun] of partyForms) {
            if (variant.startsWith(`${adjective} `)) add(`${noun} ${variant.slice(adjective.length + 1)}`, 'claimant', c.id);
            if (variant.startsWith(`${noun} `)) add(`${adjective} ${variant.slice(noun.length + 1)}`, 'claimant', c.id);
          }
        }
      }
    }
    // Names in the question's language from the data files ("Генштаб", "Міноборони"), beside the English ones.
    const local = this.lexicon.localNames;
    for (const c of directory.claimants) {
      const names = local.get(c.id);
      if (!names) continue;
      for (const name of [names.name, ...names.adjectives, ...names.aliases])
        for (const variant of nameVariants(normaliseQuestion(name).replace(/[-/.,:]/g, ' '), this.lexicon.file.nameVariants)) add(variant, 'claimant', c.id);
    }
    for (const g of this.lexicon.file.groups) for (const name of g.names) add(name, 'group', g.id);
    for (const u of this.lexicon.file.unheld) for (const w of u.words) add(w, 'unheld', u.name);
    for (const p of directory.parties) {
      // "Russians" names the people, who lose; "Russia" the state, which may also claim or inflict.
      const demonyms = new Set([normaliseQuestion(p.adjective), `${normaliseQuestion(p.adjective)}s`]);
      for (const adj of demonyms) add(adj, 'party', p.id, true);
      for (const name of [p.name, ...p.aliases]) if (!demonyms.has(normaliseQuestion(name))) add(name, 'party', p.id);
    }
    for (const p of directory.parties) {
      const names = local.get(p.id);
      if (!names) continue;
      for (const adj of names.adjectives) add(adj, 'party', p.id, true);
      for (const name of [names.name, ...names.aliases]) add(name, 'party', p.id);
    }
    for (const place of this.lexicon.file.places) add(place, 'place', place);
    for (const list of this.entries.values()) list.sort((a, b) => b.tokens.length - a.tokens.length || TAG_ORDER[a.tag] - TAG_ORDER[b.tag]);
    this.cueWords = new Set(Object.values(this.lexicon.cues).flatMap((list) => list.flat()));
    this.vocabulary = [...new Set([...this.entries.values()].flatMap((list) => list.flatMap((e) => e.tokens)))].filter((w) => w.length >= 4);
  }

  private readonly others = new Map<string, QueryVocabulary>();

  /** The reader for another language, with the same directory (this one when it has no lexicon). */
  forLocale(locale: Locale): QueryVocabulary {
    if (locale === this.lexicon.language) return this;
    let other = this.others.get(locale);
    if (!other) {
      try {
        other = new QueryVocabulary(this.directory, loadLexicon(locale, this.dataDir), this.dataDir);
      } catch {
        other = this;
      }
      this.others.set(locale, other);
    }
    return other;
  }

  /** Names that begin with this token, longest first. */
  entriesAt(token: string): readonly Entry[] {
    return this.entries.get(token) ?? [];
  }

  /** How many of these words (as typed) the reader knows in its language. */
  knownCount(words: readonly string[]): number {
    return words.filter((w) => this.known(this.lexicon.stem(w))).length;
  }

  /** A word the reader knows: a name, a cue word, a common word, a metric word, a month. */
  known(token: string): boolean {
    return this.entries.has(token) || this.cueWords.has(token) || this.lexicon.common.has(token) || this.lexicon.monthWords.has(token) || isMetricWord(token, this.lexicon);
  }

  /** The name a slightly mistyped word was meant to be: "zelenksy" -> "zelensky". */
  correct(token: string): string {
    if (token.length < 5 || this.lexicon.common.has(token) || this.cueWords.has(token) || /\d/.test(token) || this.entries.has(token)) return token;
    const cached = this.typoCache.get(token);
    if (cached !== undefined) return cached;
    let result = token;
    if (!isMetricWord(token, this.lexicon)) {
      const allowance = token.length >= 7 ? 2 : 1;
      // Closest word; ties go to the same length, then the longer shared prefix ("russain" -> "russian").
      let bestScore: readonly number[] = [Number.POSITIVE_INFINITY];
      for (const word of this.vocabulary) {
        if (Math.abs(word.length - token.length) > allowance) continue;
        const s = [distance(word, token), Math.abs(word.length - token.length), -sharedPrefix(word, token)] as const;
        if (s[0] < bestScore[0]! || (s[0] === bestScore[0] && (s[1] < bestScore[1]! || (s[1] === bestScore[1] && s[2] < bestScore[2]!)))) {
          result = word;
          bestScore = s;
        }
      }
      if (bestScore[0]! > allowance) result = token;
    }
    if (this.typoCache.size < 10_000) this.typoCache.set(token, result);
    return result;
  }

  /** A misspelt or short month name written out: "febuary" -> "february", "sept" -> "september". */
  month(token: string): string | null {
    const n = this.lexicon.monthWords.get(token);
    if (n) return MONTH_NAMES[n - 1]!;
    if (token.length < 5 || this.known(token)) return null;
    for (let i = 0; i < 12; i++) {
      const name = MONTH_NAMES[i]!;
      if (name.length >= 5 && distance(name, token) <= (token.length >= 7 ? 2 : 1) && token[0] === name[0]) return name;
    }
    return null;
  }
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A name in every spelling the lexicon's variant lists allow: "ministry of defence of ukraine" -> "mod of ukraine". */
function nameVariants(name: string, lists: readonly string[][]): string[] {
  const out = new Set([name]);
  for (const forms of lists) {
    for (const current of [...out]) {
      for (const form of forms) {
        const at = ` ${current} `.indexOf(` ${form} `);
        if (at < 0) continue;
        for (const other of forms) if (other !== form) out.add(` ${current} `.replace(` ${form} `, ` ${other} `).trim());
      }
    }
  }
  return [...out].slice(0, 32);
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Month words written out so chrono-node knows them; short forms before a number or year only. */
function spellMonths(text: string, vocab: QueryVocabulary): string {
  return text.replace(/(?<![\p{L}\p{N}'])\p{L}+(?![\p{L}'])/gu, (word, offset: number, all: string) => {
    const month = vocab.month(word);
    if (!month || month === word) return word;
    // "mar", "dec", "jun" mean months only next to a day or a year: "3 mar 2025", "mar 2024".
    if (word.length <= 4) {
      const around = `${all.slice(Math.max(0, offset - 6), offset)} ${all.slice(offset + word.length, offset + word.length + 6)}`;
      if (!/\d/.test(around) && !/\b(?:in|since|of|during|from|to|until|by|last|early|late|mid)\s*$/.test(all.slice(0, offset))) return word;
    }
    return month;
  });
}

interface Context {
  tokens: Token[];
  vocab: QueryVocabulary;
  lex: Lexicon;
}

/** The cue phrase of a kind that ends just before token `i` (skipping filler words), if any. */
function cueBefore(ctx: Context, i: number, kind: CueKind, skipFiller = true): string | null {
  let j = i - 1;
  if (skipFiller) while (j >= 0 && ctx.lex.filler.has(ctx.tokens[j]!.text) && !ctx.lex.cues[kind].some((p) => p.length === 1 && p[0] === ctx.tokens[j]!.text)) j--;
  for (const phrase of ctx.lex.cues[kind]) {
    const from = j - phrase.length + 1;
    if (from < 0) continue;
    if (phrase.every((w, k) => ctx.tokens[from + k]!.text === w)) return phrase.join(' ');
  }
  return null;
}

/** The cue phrase of a kind that starts at token `k` (skipping filler words), if any. */
function cueAfter(ctx: Context, k: number, kind: CueKind): string | null {
  let j = k;
  while (j < ctx.tokens.length && ctx.lex.filler.has(ctx.tokens[j]!.text) && !ctx.lex.cues[kind].some((p) => p[0] === ctx.tokens[j]!.text)) j++;
  for (const phrase of ctx.lex.cues[kind]) {
    if (j + phrase.length > ctx.tokens.length) continue;
    if (phrase.every((w, n) => ctx.tokens[j + n]!.text === w)) return phrase.join(' ');
  }
  return null;
}

function nextWord(ctx: Context, k: number): string | null {
  let j = k;
  while (j < ctx.tokens.length && ctx.lex.filler.has(ctx.tokens[j]!.text)) j++;
  return ctx.tokens[j]?.text ?? null;
}

/** Body nouns after a side that still leave it the one losing when a loss word follows: "russian military losses". */
const BODY_NOUNS = new Set(['military', 'army', 'forces', 'side', 'troops', 'soldiers', 'government', 'navy', 'air', 'fleet']);

function roleFromCues(ctx: Context, span: Span, otherSides: boolean): Role | 'place' | null {
  const { tokens, lex } = ctx;
  if (cueBefore(ctx, span.from, 'exclude', false) || cueBefore(ctx, span.from, 'exclude')) return 'excluded';
  if (span.tag === 'unheld' || span.tag === 'group') return 'claims';
  // "знищено російських танків": in a language with cases an adjective after the verb is what was destroyed.
  if (cueBefore(ctx, span.from, 'agentBefore')) return span.tag === 'claimant' ? 'claims' : lex.rules.agentAfterVerb && span.adjective ? 'loses' : 'inflicts';
  const loseBefore = cueBefore(ctx, span.from, 'loseBefore');
  if (loseBefore && loseBefore !== 'of') return span.tag === 'claimant' ? 'claims' : 'loses';
  if (span.tag === 'claimant') return 'claims';
  const claimBefore = cueBefore(ctx, span.from, 'claimBefore');
  if (claimBefore) return 'claims';
  if (loseBefore === 'of') return 'loses';
  const after = span.to;
  const next = nextWord(ctx, after);
  const isMetric = (w: string | null) => w !== null && isMetricWord(w, lex);
  if (span.possessive) {
    // "russia's own count": the side's own figure, not its own losses.
    if (cueAfter(ctx, after, 'claimVerbs')?.startsWith('own ')) return 'claims';
    if (cueAfter(ctx, after, 'own')) return 'loses';
    if (cueAfter(ctx, after, 'claimVerbs') && !(next && BODY_NOUNS.has(next) && isMetric(nextWord(ctx, after + 1)))) return 'claims';
    return 'loses';
  }
  if (cueBefore(ctx, span.from, 'claimQuestion')) {
    if (cueAfter(ctx, after, 'loseVerbs')) return 'loses';
    if (cueAfter(ctx, after, 'agentVerbs')) return 'inflicts';
    if (cueAfter(ctx, after, 'claimVerbs')) return 'claims';
    return null;
  }
  // "how many troops has russia lost in ukraine": a side after "in" is where, not who.
  if (!span.adjective && cueBefore(ctx, span.from, 'placeBefore', false) && (!lex.rules.placeNeedsOtherSide || otherSides)) return 'place';
  if (cueAfter(ctx, after, 'loseVerbs')) return 'loses';
  if (cueAfter(ctx, after, 'agentVerbs') && !span.adjective) return 'inflicts';
  // "Kyiv on Russian losses": a side named as a state, then "on", is the one speaking.
  if (!span.adjective && /^(?:on|about|re|regarding)$/.test(tokens[after]?.text ?? '')) return 'claims';
  if (cueAfter(ctx, after, 'claimVerbs')) {
    if (next && BODY_NOUNS.has(next)) {
      const then = tokens[after + 1]?.text ?? null;
      if (isMetric(then)) return 'loses';
    }
    if (next && isMetric(next)) return 'loses';
    return 'claims';
  }
  return null;
}

/** Spans joined by "vs", "compared to", or "and"/"or" with nothing else between them. */
function linked(ctx: Context, a: Span, b: Span): 'compare' | 'list' | null {
  const between = ctx.tokens.slice(a.to, b.from).map((t) => t.text).filter((w) => !ctx.lex.filler.has(w));
  const text = between.join(' ');
  if (!text) return null;
  const compare = ctx.lex.cues.compare.map((p) => p.join(' '));
  if (compare.includes(text) || compare.some((p) => text === `${p} the`)) return text === 'and' || text === 'or' || ctx.lex.cues.conjunctions.some((p) => p.join(' ') === text) ? 'list' : 'compare';
  // "ukraine's vs nato's numbers": a possessive's figure word between
  if (between.length <= 2 && compare.includes(between[between.length - 1]!) && between.slice(0, -1).every((w) => ctx.vocab.lexicon.cues.claimVerbs.some((p) => p.join(' ') === w))) return 'compare';
  return null;
}

/** "and in 2023?", "what about september?", "а за жовтень?", "а в 2023?": a reply that only changes the period. */
const FOLLOW_UP = /^(?:(?:and|but|so|ok|okay)\s+)?(?:(?:what|how)\s+about|and|а|і|и|та|ну\s+а|а\s+що\s+(?:по|з|за)|а\s+что\s+(?:по|с|за)|а\s+як\s+щодо|а\s+как\s+насчет)(?![\p{L}])/iu;

/**
 * The question a short follow-up asks, given the asker's previous question: "а за жовтень?" after
 * "скільки танків втратила росія у 2024" is "скільки танків втратила росія за жовтень". Only a reply
 * that names a period and nothing else the reader takes (no kind of loss, side or claimant);
 * null for anything else, which is read on its own.
 */
export function followUpQuestion(previous: string, reply: string, vocab: QueryVocabulary, today: string): string | null {
  const fragment = normaliseQuestion(reply);
  const words = fragment.split(/\s+/).filter(Boolean);
  // Cheap checks first: most messages are whole questions, read once by the answer itself.
  if (!words.length || words.length > 7 || !(FOLLOW_UP.test(fragment) || words.length <= 3)) return null;
  const alone = readQuestion(reply, vocab, today);
  const namesMore = alone.kind === 'query' && (alone.claimants.length + alone.sides.length + alone.subjects.length + alone.groups.length + alone.unknown.length > 0 || alone.metricWords.some((w) => !/^(?:losses|lost|втрати|потери)$/.test(w)));
  if (namesMore || !(FOLLOW_UP.test(fragment) || alone.kind !== 'query')) return null;
  const periodOf = (question: string) => {
    const normalised = normaliseQuestion(question);
    const v = vocabularyFor(question, vocab).vocab;
    const { first, compared } = readPeriods(questionText(normalised, v), normalised, v, today);
    return { found: first.time.kind !== 'unspecified', rest: (compared.at(-1) ?? first).rest };
  };
  const asked = periodOf(fragment);
  const before = readQuestion(previous, vocab, today);
  if (!asked.found || before.kind !== 'query') return null;
  // The previous question without its period, then the new period in the reply's own words.
  const rest = periodOf(previous).rest.replace(/\s+/g, ' ').trim();
  return `${rest} ${fragment.replace(FOLLOW_UP, '').trim()}`.replace(/\s+/g, ' ').trim();
}

/**
 * The question as the answer composer takes it. A question only about sources the bot holds no
 * figures from is answered with that, and the sources it does hold, never with everyone else's figures.
 */
export function parseQuestion(input: unknown, vocab: QueryVocabulary, today: string): ParseResult {
  const read = readQuestion(input, vocab, today);
  if (read.kind === 'query' && read.unknown.length && !read.claimants.length && !read.sides.length) {
    const held = vocab.directory.claimants.map((c) => c.name);
    return { kind: 'not_understood', reason: `I hold no figures from ${listWords(read.unknown)}; I hold figures from: ${held.join(', ')}.`, reading: read };
  }
  return read;
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The lexicon a question is read with, and its language. */
function vocabularyFor(input: string, englishVocab: QueryVocabulary): { vocab: QueryVocabulary; locale: Locale } {
  let detected = detectLocale(input);
  // Cyrillic with no letter or word only one of the two languages has: the lexicon that knows more of its words.
  if (detected !== 'en' && !detectLocale.decided(input)) {
    const words = tokenise(normaliseQuestion(input)).map((t) => t.text);
    const score = (l: Locale) => englishVocab.forLocale(l).knownCount(words);
    detected = score('ru') > score('uk') ? 'ru' : 'uk';
  }
  const vocab = englishVocab.forLocale(detected);
  return { vocab, locale: vocab.lexicon.language === detected ? detected : 'en' };
}

/** The normalised question as its lexicon reads it: English with month names spelt out, another language with ё as е. */
function questionText(normalised: string, vocab: QueryVocabulary): string {
  return vocab.lexicon.language === 'en' ? spellMonths(normalised, vocab) : normalised.replace(/ё/g, 'е');
}

/**
 * The periods a question names: the first, and those compared with it ("2023 vs 2024", "у 2023 і
 * 2024 роках", "how did losses change from 2023 to 2024"). Another language's time words are first
 * rewritten in English: "у листопаді 2024" -> "in november 2024".
 */
function readPeriods(text: string, normalised: string, vocab: QueryVocabulary, today: string): { timeText: string; first: TimeResult; compared: TimeResult[] } {
  const timeText = vocab.lexicon.language === 'en' ? text : rewriteTime(text, vocab.lexicon);
  const first = extractTime(timeText, today);
  const compared = comparedPeriods(timeText, first, today);
  // "how did losses change from 2023 to 2024": the two ends compared, not their sum.
  const ends = !compared.length && GROWTH.test(normalised) && /\b(?:from|between)\b.*\b(?:to|and|until|till|through)\b/.test(timeText) ? rangeEnds(first.time) : null;
  if (ends) {
    first.time = ends[0];
    compared.push({ ...first, time: ends[1] });
  }
  return { timeText, first, compared };
}

/** The full reading of a question: every span, role and flag, before answerability is decided. */
export function readQuestion(input: unknown, englishVocab: QueryVocabulary, today: string): ParseResult {
  if (typeof input !== 'string') return { kind: 'not_understood', reason: 'A question must be text.' };
  if (input.length > MAX_QUESTION_LENGTH) return { kind: 'not_understood', reason: `That question is too long: at most ${MAX_QUESTION_LENGTH} characters, please.` };
  // The question's language picks the lexicon: English, Ukrainian or Russian.
  const { vocab, locale } = vocabularyFor(input, englishVocab);
  const lex = vocab.lexicon;
  const english = locale === 'en';
  const normalised = normaliseQuestion(input);
  const text = questionText(normalised, vocab);
  if (!text) return { kind: 'help' };
  if (english ? HELP.test(text) : isHelp(text, lex)) return { kind: 'help' };
  // Civilian deaths: every figure held is of military losses; answering with them would mislead.
  if (CIVILIANS.test(normalised)) return { kind: 'help', reason: 'I hold figures of military losses only, not of civilians.', outOfScope: 'civilians' };
  // What will happen: no figure held says that, and a figure shown beside it would read as a forecast.
  if (FORECAST.test(normalised)) return { kind: 'help', reason: 'I hold figures said so far; I do not forecast.', outOfScope: 'forecast' };
  if (OTHER_WAR.test(normalised)) return { kind: 'help', reason: 'I hold figures of the war in Ukraine only.', outOfScope: 'other_war' };
  /** Every word of the question as the lexicon matches it (its stem), for phrase look-ups. */
  const rawWords = english ? [] : tokenise(text).map((t) => t.text);
  const stems = rawWords.map((w) => lex.stem(w));

  // 1. Time.
  const { timeText, first: timeResult, compared } = readPeriods(text, normalised, vocab, today);
  const { time } = timeResult;

  // 2. Tokens -> spans.
  const tokens = tokenise((compared.at(-1) ?? timeResult).rest).map((t) => ({ ...t, raw: t.text, text: vocab.correct(lex.stem(t.text)) }));
  const ctx: Context = { tokens, vocab, lex };
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let best: Span | null = null;
    for (const e of vocab.entriesAt(tokens[i]!.text)) {
      if (i + e.tokens.length > tokens.length) continue;
      if (!e.tokens.every((t, k) => tokens[i + k]!.text === t)) continue;
      // A possessive ends a name: "ukraine's general staff" is not "ukraine's" + "general staff"... unless the alias is one.
      if (e.tokens.slice(0, -1).some((_, k) => tokens[i + k]!.possessive) && !e.tokens.some((t) => t.endsWith("'s"))) {
        // "Ukraine's General Staff" is an alias written with the possessive; accept it.
      }
      best = { ...e, from: i, to: i + e.tokens.length, possessive: tokens[i + e.tokens.length - 1]!.possessive, role: null };
      break;
    }
    if (best) {
      spans.push(best);
      i = best.to - 1;
    }
  }
  const used = new Set<number>();
  for (const s of spans) for (let k = s.from; k < s.to; k++) used.add(k);

  // Sources named in a claimant's place that the bot does not know: "according to mediazona".
  const unknownNames: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || vocab.known(tokens[i]!.text) || !/^\p{L}[\p{L}\-']{2,}$/u.test(tokens[i]!.text)) continue;
    let j = i;
    while (j + 1 < tokens.length && j - i < 2 && !used.has(j + 1) && !vocab.known(tokens[j + 1]!.text) && !tokens[j]!.possessive && /^\p{L}[\p{L}\-']{1,}$/u.test(tokens[j + 1]!.text)) j++;
    const strongBefore = cueBefore(ctx, i, 'claimBefore');
    const asked = cueBefore(ctx, i, 'claimQuestion') && /^(?:say|says|said|claim|claims|report|reports|estimate|estimates|think|count|put|tell|show)$/.test(nextWord(ctx, j + 1) ?? '');
    const says = /^(?:says|claims|reports|estimates|reckons|thinks|figure|figures|estimate|count|tally|numbers|data|stats)$/.test(nextWord(ctx, j + 1) ?? '') && (tokens[j]!.possessive || /^(?:says|claims|reports|estimates|reckons|thinks)$/.test(nextWord(ctx, j + 1) ?? ''));
    if ((strongBefore && strongBefore !== 'of' && !['from', 'by', 'says', 'say', 'said'].includes(strongBefore)) || asked || says) {
      const name = tokens.slice(i, j + 1).map((t) => (english ? t.text : (t.raw ?? t.text))).join(' ');
      unknownNames.push(name.replace(/\b\p{L}/gu, (c) => c.toUpperCase()));
      for (let k = i; k <= j; k++) used.add(k);
    }
    i = j;
  }

  // 3. Roles.
  // "ukrainian army losses": a claimant named as a side and a body, followed by a kind of loss and
  // with no cue that it claims, is the side losing.
  for (const s of spans) {
    if (s.tag !== 'claimant' || s.to - s.from !== 2 || !BODY_NOUNS.has(tokens[s.from + 1]!.text) || s.possessive) continue;
    const party = vocab.entriesAt(tokens[s.from]!.text).find((e) => e.tag === 'party' && e.tokens.length === 1);
    if (!party || cueBefore(ctx, s.from, 'claimBefore') || cueBefore(ctx, s.from, 'claimQuestion')) continue;
    const next = nextWord(ctx, s.to);
    if (next && isMetricWord(next, lex) && !cueAfter(ctx, s.to, 'claimVerbs')) Object.assign(s, { tag: 'party', value: party.value, adjective: true });
  }
  // "втрати ЗСУ", "ВСУ потеряли", "знищили ЗСУ": the armed forces named as a body are their side losing or inflicting.
  if (lex.rules.bodyLoses) {
    for (const s of spans) {
      const c = s.tag === 'claimant' ? vocab.directory.claimant(s.value) : undefined;
      if (!c?.party || c.kind !== 'military' || c.parent || cueBefore(ctx, s.from, 'claimBefore') || cueBefore(ctx, s.from, 'claimQuestion')) continue;
      const afterLose = cueAfter(ctx, s.to, 'loseVerbs') || cueAfter(ctx, s.to, 'agentVerbs');
      const nextIsName = (() => {
        let j = s.to;
        while (j < tokens.length && lex.filler.has(tokens[j]!.text)) j++;
        const cue = afterLose ? afterLose.split(' ').length : 0;
        return spans.some((o) => o !== s && o.from === j + cue);
      })();
      if (cueBefore(ctx, s.from, 'loseBefore') || cueBefore(ctx, s.from, 'agentBefore') || (afterLose && !nextIsName)) Object.assign(s, { tag: 'party', value: c.party, adjective: false });
    }
  }
  const otherSides = (s: Span) => spans.some((o) => o !== s && o.tag === 'party' && o.value !== s.value);
  for (const s of spans) s.role = roleFromCues(ctx, s, otherSides(s));
  // Names joined by "vs", "and", "or" share a role when one of them has one: "ukraine vs nato numbers".
  let compare = english ? /\b(?:vs|versus|compared?|comparing|comparison|against|side by side)\b/.test(text) : lex.cues.compareStart.some((p) => hasPhrase(stems, p));
  for (let pass = 0; pass < 2; pass++) {
    for (let n = 0; n + 1 < spans.length; n++) {
      const a = spans[n]!;
      const b = spans[n + 1]!;
      if (a.tag === 'place' || b.tag === 'place') continue;
      const link = linked(ctx, a, b);
      if (!link) continue;
      if (link === 'compare') compare = true;
      if (a.role === null && b.role !== null) a.role = b.role;
      else if (b.role === null && a.role !== null && a.role !== 'excluded') b.role = a.role;
      else if (b.role === null && a.role === 'excluded' && link === 'list') b.role = 'excluded';
    }
  }
  // "kyiv russian losses": a side named as a noun before the other side's adjective is the one claiming.
  for (let n = 0; n + 1 < spans.length; n++) {
    const a = spans[n]!;
    const b = spans[n + 1]!;
    if (a.tag === 'party' && b.tag === 'party' && a.role === null && !a.adjective && b.adjective && a.value !== b.value && b.from === a.to) a.role = 'claims';
  }
  for (const s of spans) if (s.role === null) s.role = s.tag === 'party' ? 'loses' : 'claims';

  const claimants: string[] = [];
  const sides: string[] = [];
  const subjects: string[] = [];
  const agents: string[] = [];
  const excluded: string[] = [];
  const groups: string[] = [];
  const unknown: string[] = [...unknownNames];
  const places: string[] = [];
  const dir = vocab.directory;
  const groupDef = (id: string) => lex.file.groups.find((g) => g.id === id);
  for (const s of spans) {
    if (s.tag === 'place') {
      places.push(s.value);
      continue;
    }
    if (s.tag === 'unheld') {
      if (s.role !== 'excluded') unknown.push(s.value);
      continue;
    }
    if (s.tag === 'group') {
      const def = groupDef(s.value);
      const members = [...(lex.groupMembers.get(s.value) ?? []).filter((id) => dir.claimant(id)), ...(def?.parties ?? []).flatMap((p) => dir.claimantsOf(p).map((c) => c.id))];
      if (s.role === 'excluded') excluded.push(...members);
      else {
        groups.push(s.value);
        if (def?.parties.length) sides.push(...def.parties);
        else claimants.push(...members);
      }
      continue;
    }
    if (s.tag === 'claimant') {
      if (s.role === 'excluded') excluded.push(s.value);
      else claimants.push(s.value);
      continue;
    }
    // A party.
    if (s.role === 'place') places.push(tokens.slice(s.from, s.to).map((t) => (english ? t.text : (t.raw ?? t.text))).join(' '));
    else if (s.role === 'excluded') excluded.push(...dir.claimantsOf(s.value).map((c) => c.id));
    else if (s.role === 'claims') sides.push(s.value);
    else if (s.role === 'inflicts') agents.push(s.value);
    else subjects.push(s.value);
  }

  // 4. Metrics, from the words no name took.
  const remaining = tokens.filter((_, i) => !used.has(i)).map((t) => t.text).join(' ');
  const { metrics: found, words, specificWords } = extractMetrics(` ${remaining} `, lex);
  const hasCue = (kind: CueKind) => phrasePattern(lex, kind, () => lex.cues[kind].map((p) => p.join(' '))).test(` ${remaining} `);
  // Periods set side by side ("порівняй жовтень і листопад 2024") ask about losses without saying so.
  const asksAboutLosses = hasCue('lossTopic') || hasCue('agentVerbs') || compared.length > 0;
  const offTopic = english ? phrasePattern(lex, 'offTopic', () => lex.file.offTopic).test(text) : lex.file.offTopic.some((w) => hasPhrase(stems, w.toLowerCase().split(/\s+/).map(lex.stem)));
  const namesSomething = claimants.length + sides.length + subjects.length + agents.length + unknown.length + groups.length + excluded.length > 0;
  if (!found.length && !asksAboutLosses && !claimants.length && !unknown.length && !groups.length) {
    if (offTopic || places.length || (!namesSomething && time.kind !== 'unspecified' && /\?|\b(?:who|what|where|when|why|how)\b/.test(text)))
      return { kind: 'help', reason: places.length || namesSomething ? 'That does not ask about losses in the war; I answer only that.' : 'I answer only questions about losses in the war.' };
    if (!namesSomething) return { kind: 'not_understood', reason: 'I could not find a party, a claimant or a kind of loss in that question.' };
  }
  if (!namesSomething && !found.length && !asksAboutLosses) return { kind: 'not_understood', reason: 'I could not find a party, a claimant or a kind of loss in that question.' };

  // "total deaths on both sides", "з обох сторін", "с обеих сторон": both warring sides lose.
  if (!subjects.length && BOTH_SIDES.test(normalised)) subjects.push(...lex.opponents.keys());
  // Who loses when only the one inflicting is named: the other side.
  if (!subjects.length) for (const a of agents) {
    const other = lex.opponents.get(a);
    if (other) subjects.push(other);
  }
  // The one inflicting speaks for its side unless someone else is named as claiming.
  if (!claimants.length && !sides.length && !unknown.length) sides.push(...agents);
  // "What does Russia say about its own losses?": the side is also the one losing.
  if (!subjects.length && (english ? phrasePattern(lex, 'own', () => lex.cues.own.map((p) => p.join(' '))).test(` ${text} `) : lex.cues.own.some((p) => hasPhrase(stems, p)))) {
    const owner = sides[0] ?? (claimants[0] ? dir.claimant(claimants[0])?.party : null);
    if (owner) subjects.push(owner);
  }

  // "What does CSIS claim?": a claimant with no kind of loss and nobody losing means all it holds.
  const wantsAll = !found.length && (claimants.length > 0 || groups.length > 0) && !subjects.length;
  const metricList: Metric[] = found.length ? found : wantsAll ? [...METRICS] : [...DEFAULT_METRICS];
  const metrics = METRICS.filter((m) => metricList.includes(m));
  const broader = unique(metrics.flatMap((m) => (specificWords.length ? (lex.broader[m] ?? []) : []))).filter((m) => !metrics.includes(m));

  // What was said then, rather than the losses of that period: "what did X say in April 2022".
  const timeRole: Query['timeRole'] = (time.kind === 'range' || time.kind === 'asOf') && (english ? isStated(text, lex, timeResult.index) : lex.rules.statedAnywhere ? lex.file.cues.stated.some((p) => hasPhrase(rawWords, p.toLowerCase().split(/\s+/))) : isStated(timeText, lex, timeResult.index)) ? 'stated' : 'covered';

  const query: Query = {
    kind: 'query',
    locale,
    claimants: unique(claimants).filter((c) => !excluded.includes(c)),
    sides: unique(sides),
    subjects: unique(subjects),
    metrics,
    // "lost" in "how many tanks has Russia lost" names no metric of its own.
    // A generic word beside a specific one ("tank losses") names nothing of its own.
    // Another language's words are stems: its readings name the metrics instead ("tanks", "losses").
    metricWords: english
      ? unique((specificWords.length ? specificWords : words).map((w) => w.trim()).filter((w) => !/^(?:lost|lose|losing|loses)$/.test(w) || words.length === 1))
      : specificWords.length
        ? unique(metrics.filter((m) => found.includes(m)).map((m) => metricInfo(m).label))
        : words.length
          ? ['losses']
          : [],
    time,
    ...(compared.length ? { otherTimes: compared.map((c) => c.time) } : {}),
    timeRole,
    partial: timeResult.partial && time.kind === 'range',
    excluded: unique(excluded),
    groups: unique(groups),
    agents: unique(agents),
    unknown: unique(unknown),
    places: unique(places),
    compare: compare && unique(claimants).length + unique(sides).length >= 2,
    broader,
    reading: '',
    spans: spans.map((s): TaggedSpan => ({ text: tokens.slice(s.from, s.to).map((t) => t.text).join(' '), tag: s.tag, value: s.value, ...(s.role && s.role !== 'place' && s.tag !== 'place' ? { role: s.role } : {}) })),
  };
  for (const name of unknownNames) query.spans.push({ text: name.toLowerCase(), tag: 'unknown_name', value: name, role: 'claims' });
  query.reading = describeReading(query, dir);
  return query;
}

/** Words asking how a figure changed between two periods. */
const GROWTH = /(?<![\p{L}])(?:grow|grew|grown|growth|increase[sd]?|rise|rose|risen|fell|drop(?:ped)?|decrease[sd]?|change[sd]?|differ(?:ence)?|compare[sd]?|зросл\p{L}*|зменшил\p{L}*|змінил\p{L}*|зміна|різниця|порівня\p{L}*|выросл\p{L}*|снизил\p{L}*|уменьшил\p{L}*|изменил\p{L}*|изменение|разница|сравни\p{L}*)(?![\p{L}])/iu;

/** A range from one whole year or month to another ("2023 to 2024", "March to June 2025") as its two ends; null otherwise. */
function rangeEnds(time: TimeSpec): [TimeSpec, TimeSpec] | null {
  if (time.kind !== 'range' || time.granularity !== 'span' || time.yearless) return null;
  const [sy, sm, sd] = time.start.split('-').map(Number) as [number, number, number];
  const [ey, em] = time.end.split('-').map(Number) as [number, number];
  if (sd !== 1) return null;
  if (sm === 1 && time.end === ymd(ey, 12, 31) && ey > sy) {
    const year = (y: number): TimeSpec => ({ kind: 'range', start: ymd(y, 1, 1), end: ymd(y, 12, 31), granularity: 'year', label: String(y), yearless: false });
    return [year(sy), year(ey)];
  }
  if (time.end === lastDayOfMonth(ey, em) && (ey > sy || em > sm)) {
    const month = (y: number, m: number): TimeSpec => ({ kind: 'range', start: ymd(y, m, 1), end: lastDayOfMonth(y, m), granularity: 'month', label: `${monthName(m)} ${y}`, yearless: false });
    return [month(sy, sm), month(ey, em)];
  }
  return null;
}

/** Both warring sides, in the three languages. */
const BOTH_SIDES = /(?<![\p{L}])(?:both\s+sides|either\s+side|each\s+side|both\s+armies|обох\s+сторін|обидв[іа]\s+сторон\p{L}*|обох\s+бок[іа]в|обеих\s+сторон|обе\s+стороны|обеим\s+сторонам)(?![\p{L}])/iu;

/** Other wars people ask about in the same channels (Gaza, Lebanon); Afghanistan and Chechnya stay: the data compares them. */
const OTHER_WAR = /(?<![\p{L}])(?:gaza|hamas|hezbollah|lebanon|сектор\p{L}*\s+газ\p{L}*|[ув]\s+газ[іе]|хамас\p{L}*|хезбол\p{L}*|ліван\p{L}*|ливан\p{L}*)(?![\p{L}])/iu;

/** Questions about what will happen, in the three languages. */
const FORECAST = /(?<![\p{L}])(?:who\s+(?:will|is\s+going\s+to|gonna)\s+win|(?:will|going\s+to|gonna)\s+(?:\p{L}+\s+){0,3}(?:win|end|die|collapse|be\s+killed|lose|reach|hit|pass|surpass|exceed|top)|when\s+will\s+(?:\p{L}+\s+){0,3}end|forecast|predict(?:ion|ions)?|prognosis|переможе|переможуть|закінчиться|закінчиться\s+війна|загине|загинуть|прогноз\p{L}*|передбач\p{L}*|победит|победят|закончится|погибнет|погибнут|предскаж\p{L}*|предсказ\p{L}*)(?![\p{L}])/iu;

/** Civilians, in the three languages (not "civil war", "civil servants"). */
const CIVILIANS = /(?<![\p{L}])(?:civilians?|non-?combatants?|civilian\s+(?:deaths?|casualties|victims|dead|losses)|мирн\p{L}*\s+(?:жител\p{L}*|мешкан\p{L}*|населен\p{L}*|громадян\p{L}*|люд\p{L}*)|цивільн\p{L}*|гражданск\p{L}*\s+(?:лиц\p{L}*|населен\p{L}*|жител\p{L}*)|мирн\p{L}*\s+(?:\p{L}+\s+)?(?:погиб\p{L}*|загин\p{L}*|убит\p{L}*|вбит\p{L}*)|(?:погиб\p{L}*|загин\p{L}*|убит\p{L}*|вбит\p{L}*)\s+(?:\p{L}+\s+)?мирн\p{L}*|мирняк\p{L}*)(?![\p{L}])/iu;

/** The phrase (a list of words) occurs in the words, in order. */
function hasPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (!phrase.length) return false;
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, k) => words[i + k] === w)) return true;
  return false;
}

/** A message of another language that asks what the bot does: a help phrase and at most three more words. */
function isHelp(text: string, lex: Lexicon): boolean {
  if (/^[/?]+$/.test(text) || /^\/(?:help|start)\b/.test(text)) return true;
  const words = tokenise(text).map((t) => lex.stem(t.text));
  return lex.help.some((p) => p.every((w, k) => words[k] === w) && words.length <= p.length + 3);
}

/** Another language's time words rewritten in the English forms the time reader knows. */
function rewriteTime(text: string, lex: Lexicon): string {
  let out = text;
  for (const { re, to } of lex.timeRules) {
    re.lastIndex = 0;
    out = out.replace(re, to);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Phrases of a lexicon as one pattern matching any of them as whole words; built once per lexicon, not per question. */
const phrasePatterns = new WeakMap<Lexicon, Map<string, RegExp>>();
function phrasePattern(lex: Lexicon, name: string, phrases: () => readonly string[]): RegExp {
  let byName = phrasePatterns.get(lex);
  if (!byName) phrasePatterns.set(lex, (byName = new Map()));
  let pattern = byName.get(name);
  if (!pattern) {
    const words = phrases().filter(Boolean);
    pattern = words.length ? new RegExp(`(?:^| )(?:${words.map(escape).join('|')})(?: |$)`) : /(?!)/;
    byName.set(name, pattern);
  }
  return pattern;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isStated(text: string, lex: Lexicon, timeIndex: number): boolean {
  const before = timeIndex >= 0 ? text.slice(0, timeIndex) : text;
  // "what did kyiv say the russians lost in october 2024": the time belongs to the losing, not the saying.
  if (/\b(?:lost|lose|loses|losing|killed|died|destroyed|downed|shot down|suffered)\s+(?:(?:in|during|on|for|over|throughout)\s+)?(?:the\s+)?$/.test(before)) return false;
  const stated = lex.cues.stated.map((p) => p.join(' '));
  // A cue just before the time: "said in", "update of", "report dated".
  const tail = before.trim().split(/\s+/).slice(-4).join(' ');
  if (stated.some((p) => tail.endsWith(p))) return true;
  if (/\b(?:update|report|statement|briefing|bulletin|summary|sitrep|announcement|post|tweet)s?(?: (?:of|on|from|dated|for))?\s*$/.test(before)) return true;
  // "what did X say ... in April 2022", "what was announced in"
  if (/\b(?:did|has|have|was|were)\b.*\b(?:say|said|announce|announced|report|reported|claim|claimed|state|stated|publish|published|admit|admitted|tell|told|put it at)\b/.test(before)) return true;
  if (/\b(?:update|report|statement|briefing|bulletin|announcement|post|tweet)s? (?:of|on|from|dated|for)\s*(?:the\s*)?$/.test(before)) return true;
  return false;
}

function describeTime(time: TimeSpec, partial: boolean, role: Query['timeRole']): string {
  const said = role === 'stated' ? 'stated ' : '';
  switch (time.kind) {
    case 'unspecified':
      return 'latest figures';
    case 'latest':
      return 'since the start of the war, latest figures';
    case 'asOf':
      return role === 'stated' ? `stated on ${formatSpan(time.date, time.date)}` : `running total as of ${formatSpan(time.date, time.date)}`;
    case 'range':
      return `${said}${role === 'stated' ? 'in ' : ''}${time.label}${partial ? ' (so far)' : ''}${time.yearless ? ' (no year given)' : ''}`;
  }
}

/** The question as read, in one line: "Russian helicopters lost, 2023, per any claimant". */
export function describeReading(q: Query, dir: Directory): string {
  const whose = q.subjects.map((s) => dir.party(s)?.adjective ?? s).join(' and ');
  const what = q.metricWords.length ? q.metricWords.join(', ') : q.metrics.length === METRICS.length ? 'all figures' : q.metrics.map((m) => metricInfo(m).label).join(', ');
  const by = [
    ...q.groups.map((g) => `${g} group`),
    ...q.claimants.filter(() => !q.groups.length).map((c) => dir.claimant(c)?.name ?? c),
    ...q.sides.map((s) => `the ${dir.party(s)?.adjective ?? s} side`),
  ];
  const parts = [`${whose ? `${whose} ` : ''}${what}`];
  if (q.agents.length) parts.push(`inflicted by ${q.agents.map((a) => dir.party(a)?.name ?? a).join(' and ')}`);
  parts.push([q.time, ...(q.otherTimes ?? [])].map((time) => describeTime(time, q.partial, q.timeRole)).join(' and '));
  parts.push(by.length ? `per ${by.join(q.compare ? ' vs ' : ' and ')}` : q.unknown.length ? `per ${q.unknown.join(', ')}` : 'any claimant');
  if (q.excluded.length) parts.push(`excluding ${unique(q.excluded.map((c) => dir.claimant(c)?.name ?? c)).join(', ')}`);
  if (q.unknown.length && by.length) parts.push(`also asked: ${q.unknown.join(', ')} (no figures held)`);
  return parts.join('; ');
}
