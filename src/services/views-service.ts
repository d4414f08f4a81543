// The ask command's replies beyond the plain answer: a chart, a breakdown, records, the daily card,
// an answer's sources and its other claimants, and which of these to offer as buttons under each.
// The question's view words are read by a pre-pass (core/trends/intent.ts); the rest goes to the
// ask service's reader as any question does.
import type { Locale } from '../i18n/index.ts';
import { detectLocale } from '../core/query/language.ts';
import type { Answer } from '../core/answer/compose.ts';
import { answerToDoc } from '../core/answer/to-doc.ts';
import { doc, type Doc } from '../core/doc.ts';
import type { Query } from '../core/query/types.ts';
import { readTrendIntent, type TrendIntent } from '../core/trends/intent.ts';
import { breakdownView, cardDoc, chartView, dailyCard, recordView, sourcesDoc, type TrendContext } from '../core/trends/views.ts';
import type { ChartSpecInput } from '../charts/spec.ts';
import type { SeriesLookup } from '../core/trends/series.ts';
import type { AskService } from './ask-service.ts';
import { PoolUnavailableError } from './reply-pool.ts';

/** A view of the same question a button under an answer asks for. */
export const ANSWER_ACTIONS = ['chart', 'by_month', 'others', 'sources'] as const;
export type AnswerAction = (typeof ANSWER_ACTIONS)[number];

export type ViewReply =
  | { kind: 'answer'; answer: Answer; actions: AnswerAction[] }
  | { kind: 'chart'; chart: ChartSpecInput; doc: Doc; actions: AnswerAction[] }
  | { kind: 'doc'; doc: Doc; actions: AnswerAction[] };

/** With no kind of loss named ("each month of 2025"), the General Staff's personnel series. */
const DEFAULT_WHAT = 'Russian personnel losses';

export class ViewsService {
  constructor(
    private readonly asker: Pick<AskService, 'ask' | 'answer' | 'read' | 'askOthers' | 'now' | 'workers'>,
    private readonly series: SeriesLookup,
  ) {}

  /** The newest General Staff report as one card, in the locale (English by default). */
  today(locale?: Locale | null): Doc {
    const { directory, lookup } = this.asker.read('');
    return cardDoc(dailyCard(lookup, directory, locale ?? 'en'), directory, locale ?? 'en');
  }

  /**
   * A question's reply: the view its words ask for (or the button pressed asks for), else the answer
   * with its buttons. Composed by the asker's reply workers when there are some; synchronous when
   * composed here.
   */
  reply(question: string, action?: AnswerAction, locale?: Locale | null): ViewReply | Promise<ViewReply> {
    if (!action && !readTrendIntent(question)) {
      const answer = this.asker.answer(question, locale);
      const view = (a: Answer): ViewReply => ({ kind: 'answer', answer: a, actions: actionsFor(a) });
      return answer instanceof Promise ? answer.then(view) : view(answer);
    }
    const pool = this.asker.workers;
    if (!pool) return this.replyHere(question, action, locale);
    return pool.run({ kind: 'view', question, action: action ?? null, locale: locale ?? null, now: this.asker.now().toISOString() }).catch((error: unknown) => {
      if (error instanceof PoolUnavailableError) return this.replyHere(question, action, locale);
      throw error;
    });
  }

  /** reply(), composed in this thread. */
  replyHere(question: string, action?: AnswerAction, locale?: Locale | null): ViewReply {
    if (action === 'sources') return { kind: 'doc', doc: sourcesDoc(this.asker.ask(question, locale)), actions: [] };
    if (action === 'others') {
      const asked = this.asker.ask(question, locale);
      const shown = asked.groups.map((g) => g.claimant.id);
      const answer = this.asker.askOthers(question, shown, locale ?? asked.locale);
      return { kind: 'answer', answer, actions: answer.kind === 'figures' ? ['sources'] : [] };
    }
    const asked = readTrendIntent(question);
    const intent: TrendIntent | null =
      action === 'chart'
        ? { view: 'chart', unit: asked?.unit ?? null, bar: asked?.bar ?? false, text: asked?.text ?? question }
        : action === 'by_month'
          ? { view: 'breakdown', unit: 'month', bar: false, text: asked?.text ?? question }
          : asked;
    if (!intent) return this.answer(question, locale);
    const query = this.query(intent.text);
    // The asker's language, else the question's (as the answer's); a query read with the English
    // default kind of loss ("сегодняшняя сводка" + "Russian personnel losses") says English wrongly.
    // The whole question tells Ukrainian from Russian better than what is left once the view's words are taken out.
    const written = detectLocale(question);
    const words: Locale = locale ?? (written !== 'en' && detectLocale.decided(question) ? written : query && query.locale !== 'en' ? query.locale : written);
    if (intent.view === 'card') return { kind: 'doc', doc: this.today(words), actions: [] };
    if (!query) return this.answer(question, locale);
    const { directory, lookup, today } = this.asker.read('');
    const ctx: TrendContext = { lookup, series: this.series, dir: directory, today, locale: words };
    if (intent.view === 'chart') {
      const view = chartView(query, { unit: intent.unit, bar: intent.bar, locale: words }, ctx);
      if ('none' in view) return this.fallback(view.none, intent.text, locale);
      return { kind: 'chart', chart: view.spec, doc: view.doc, actions: ['by_month'] };
    }
    const d = intent.view === 'breakdown' ? breakdownView(query, intent.unit ?? 'month', ctx) : recordView(query, intent.unit, ctx);
    if ('none' in d) return this.fallback(d.none, intent.text, locale);
    return { kind: 'doc', doc: d, actions: intent.view === 'breakdown' ? ['chart'] : ['chart', 'by_month'] };
  }

  private answer(question: string, locale?: Locale | null): ViewReply {
    const answer = this.asker.ask(question, locale);
    return { kind: 'answer', answer, actions: actionsFor(answer) };
  }

  /** No daily series to show: says so, then the plain answer. */
  private fallback(none: Doc, question: string, locale?: Locale | null): ViewReply {
    const answer = this.asker.ask(question, locale);
    return { kind: 'doc', doc: doc(null, [...none.blocks, ...answerToDoc(answer).blocks]), actions: answer.kind === 'figures' ? ['sources'] : [] };
  }

  /** The question read; with no kind of loss named, the General Staff's personnel series. */
  private query(text: string): Query | null {
    const first = this.asker.read(text).parsed;
    if (first.kind === 'query') return first;
    const again = this.asker.read(`${text} ${DEFAULT_WHAT}`).parsed;
    return again.kind === 'query' ? again : null;
  }
}

/** The buttons an answer gets: its sources and other claimants; a chart and months where a running total stands behind it. */
export function actionsFor(answer: Answer): AnswerAction[] {
  if (answer.kind !== 'figures') return [];
  const figures = answer.groups.flatMap((g) => g.figures);
  const series = figures.some((f) => f.derived !== null || f.period.kind === 'cumulative');
  return [...(series ? (['chart', 'by_month'] as const) : []), 'others', 'sources'];
}
