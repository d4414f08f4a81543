// Question in, answer out: parse, look up, compose. Shared by every adapter.
import { join } from 'node:path';
import { readYamlFile } from '../data-file.ts';
import { z } from 'zod';
import { ALL_FIGURES_WORDS, composeAnswer, type Answer } from '../core/answer/compose.ts';
import { todayUtc } from '../core/dates.ts';
import { t, type Locale } from '../i18n/index.ts';
import { followUpQuestion, parseQuestion, QueryVocabulary } from '../core/query/parse.ts';
import { withoutAverageWords } from '../core/query/average.ts';
import type { ParseResult } from '../core/query/types.ts';
import { loadLexicon } from '../core/query/lexicon.ts';
import type { Directory } from '../core/directory.ts';
import type { LookupRepo } from '../store/lookup-repo.ts';
import { DATA_DIR } from '../paths.ts';
import { PoolUnavailableError, type ReplyPool } from './reply-pool.ts';

const RepublishesSchema = z.array(z.object({ id: z.string(), republishes: z.string().optional() }).loose());

/** Who republishes whose series, from data/claimants.yaml: claimant id -> the original's id. */
export function readRepublishes(dataDir: string = DATA_DIR): Map<string, string> {
  const path = join(dataDir, 'claimants.yaml');
  const claimants = RepublishesSchema.parse(readYamlFile(path));
  const ids = new Set(claimants.map((c) => c.id));
  const map = new Map<string, string>();
  for (const c of claimants) {
    if (!c.republishes) continue;
    if (!ids.has(c.republishes)) throw new Error(`${path}: ${c.id}: republishes: unknown claimant "${c.republishes}"`);
    map.set(c.id, c.republishes);
  }
  return map;
}

/** "... (all figures)" at the end of a question asks for every figure instead of the first few. */
const ALL_FIGURES = new RegExp(`\\s*\\(?(?:\\b(?:show\\s+)?${ALL_FIGURES_WORDS.replace(' ', '\\s+')}\\b|${[t('uk', 'all-figures'), t('ru', 'all-figures')].map((w) => w.replace(/\s+/g, '\\s+')).join('|')})\\)?\\s*[?.!]*\\s*$`, 'iu');


const ANSWER_CACHE_SIZE = 1000;
/** How long a follow-up ("а за жовтень?") is read against the asker's previous question. */
const FOLLOW_UP_WINDOW_MS = 30 * 60_000;
const CONVERSATIONS_KEPT = 10_000;

/** One everyday question per language, for warmUp. */
const WARM_UP_QUESTIONS: readonly [Locale, string][] = [
  ['en', 'how many tanks has russia lost in march 2025'],
  ['uk', 'скільки танків втратила росія у березні 2025'],
  ['ru', 'сколько танков потеряла россия в марте 2025'],
];

export class AskService {
  private vocabulary: QueryVocabulary | null = null;
  private vocabularyFor: Directory | null = null;
  private readonly republishes: Map<string, string>;

  constructor(
    private readonly lookup: LookupRepo,
    private readonly directory: () => Directory,
    private readonly clock: () => Date = () => new Date(),
    private readonly dataDir: string = DATA_DIR,
    /** How many answers are kept (0: none, as the benchmark measures composing). */
    private readonly answerCacheSize: number = ANSWER_CACHE_SIZE,
  ) {
    this.republishes = readRepublishes(dataDir);
  }

  /**
   * Pays before the first asker does: builds the reader for every language and composes one answer
   * in each (lexicons, chrono, statements, number formats). A bot calls it once at start; the
   * first questions after a restart otherwise each wait tens of milliseconds.
   */
  warmUp(): void {
    const vocab = this.vocab();
    for (const [locale, question] of WARM_UP_QUESTIONS) {
      vocab.forLocale(locale);
      this.compose(question, todayUtc(this.clock()), locale);
    }
  }

  private vocab(): QueryVocabulary {
    const dir = this.directory();
    if (this.vocabularyFor !== dir) {
      this.vocabulary = new QueryVocabulary(dir, loadLexicon('en', this.dataDir), this.dataDir);
      this.vocabularyFor = dir;
    }
    return this.vocabulary!;
  }

  /**
   * The same question on the same day against the same data has the same answer: popular questions
   * ("how many tanks has russia lost") are composed once until a claim changes or the day turns.
   * Bounded; emptied whenever the data version moves.
   */
  private readonly answers = new Map<string, Answer>();
  private answersVersion = -1;
  private readonly inFlight = new Map<string, Promise<Answer>>();
  /** Each conversation's last question, oldest first (bounded). */
  private readonly lastAsked = new Map<string, { question: string; at: number }>();
  private pool: ReplyPool | null = null;

  /** The answer in `locale` when given (the asker's language), else in the question's. */
  ask(question: string, locale?: Locale | null): Answer {
    const slot = this.cacheSlot(question, locale);
    return this.cached(slot.key) ?? this.remember(slot, this.compose(question, slot.today, locale ?? undefined));
  }

  /**
   * As ask(), composed by the reply workers when the application has them, so the event loop only
   * waits; the same question asked again while it is being composed waits for the same answer.
   * Synchronous when nothing is composed elsewhere (no workers, or the answer is cached).
   */
  answer(question: string, locale?: Locale | null): Answer | Promise<Answer> {
    const pool = this.pool;
    if (!pool) return this.ask(question, locale);
    const slot = this.cacheSlot(question, locale);
    const hit = this.cached(slot.key);
    if (hit) return hit;
    const flightKey = `${slot.version}\u0000${slot.key}`;
    const flying = this.inFlight.get(flightKey);
    if (flying) return flying;
    const composing = pool
      .run({ kind: 'answer', question, locale: locale ?? null, now: slot.now.toISOString() })
      .catch((error: unknown) => {
        if (error instanceof PoolUnavailableError) return this.compose(question, slot.today, locale ?? undefined);
        throw error;
      })
      .then((answer) => this.remember(slot, answer))
      .finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, composing);
    return composing;
  }

  /**
   * The question a message asks in a conversation (`key`: one person in one chat): a short
   * follow-up that only names a period ("а за жовтень?", "what about 2023?") is completed from
   * that person's previous question, within half an hour. Remembers what it returns.
   */
  inConversation(key: string, question: string): string {
    const now = this.clock().getTime();
    const previous = this.lastAsked.get(key);
    const asked = previous && now - previous.at <= FOLLOW_UP_WINDOW_MS ? (followUpQuestion(previous.question, question, this.vocab(), todayUtc(this.clock())) ?? question) : question;
    this.lastAsked.delete(key);
    if (this.lastAsked.size >= CONVERSATIONS_KEPT) this.lastAsked.delete(this.lastAsked.keys().next().value!);
    this.lastAsked.set(key, { question: asked, at: now });
    return asked;
  }

  /** Composes on these workers from now on (null: in this thread again). */
  useWorkers(pool: ReplyPool | null): void {
    this.pool = pool;
  }

  /** The workers answers are composed on, if any. */
  get workers(): ReplyPool | null {
    return this.pool;
  }

  /** The asker's clock: what "today" is for every answer and view. */
  now(): Date {
    return this.clock();
  }

  /** Where `question` is cached today against the data as it stands; empties the cache when the data moved. */
  private cacheSlot(question: string, locale: Locale | null | undefined): { key: string; today: string; now: Date; version: number } {
    const now = this.clock();
    const today = todayUtc(now);
    const version = this.lookup.dataVersion();
    if (version !== this.answersVersion) {
      this.answers.clear();
      this.answersVersion = version;
    }
    return { key: `${today}\u0000${locale ?? ''}\u0000${question}`, today, now, version };
  }

  private cached(key: string): Answer | undefined {
    const cached = this.answers.get(key);
    if (cached) {
      // Most recently used last, so the oldest entry is the one evicted.
      this.answers.delete(key);
      this.answers.set(key, cached);
    }
    return cached;
  }

  /** Keeps `answer` unless the data moved while it was composed (a later ask already emptied the cache). */
  private remember(slot: { key: string; version: number }, answer: Answer): Answer {
    if (!this.answerCacheSize || slot.version !== this.answersVersion) return answer;
    if (this.answers.size >= this.answerCacheSize) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(slot.key, answer);
    return answer;
  }

  /**
   * The question as the reader reads it today (the words the composer reads itself taken out), for
   * views built beside the answer: charts, breakdowns, records (src/core/trends).
   */
  read(question: string): { parsed: ParseResult; directory: Directory; today: string; lookup: LookupRepo } {
    const today = todayUtc(this.clock());
    const vocab = this.vocab();
    const text = withoutAverageWords(question.replace(ALL_FIGURES, ''));
    return { parsed: parseQuestion(text, vocab, today), directory: vocab.directory, today, lookup: this.lookup };
  }

  /** The same question with the claimants of `shown` left out and every other claimant in scope: the "Other claimants" view. */
  askOthers(question: string, shown: readonly string[], locale?: Locale | null): Answer {
    const { parsed, directory, today } = this.read(question);
    const widened: ParseResult = parsed.kind === 'query' ? { ...parsed, claimants: [], sides: [], excluded: [...new Set([...parsed.excluded, ...shown])] } : parsed;
    return this.lookup.snapshot(() => composeAnswer(question, widened, this.lookup, directory, today, { republishes: this.republishes, ...(locale ? { locale } : {}) }));
  }

  private compose(question: string, today: string, locale?: Locale): Answer {
    const vocab = this.vocab();
    const all = ALL_FIGURES.test(question);
    // "average", "per day": the composer reads them from the question; the reader needs only the rest.
    const text = withoutAverageWords(all ? question.replace(ALL_FIGURES, '') : question);
    const parsed = parseQuestion(text, vocab, today);
    return this.lookup.snapshot(() => composeAnswer(question, parsed, this.lookup, vocab.directory, today, { republishes: this.republishes, limit: all ? null : undefined, ...(locale ? { locale } : {}) }));
  }
}
