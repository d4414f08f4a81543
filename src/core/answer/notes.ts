// Notes as data: what an answer has to say about a figure or about itself, as a kind and its
// values. Only `words.ts` (or another language's renderer) turns them into sentences.
import type { Metric } from '../vocabulary.ts';
import type { StatedValue } from './derive.ts';

/** One end of a derived figure: a cumulative report, with its qualifier as stated. */
export interface FigureEndpoint extends StatedValue {
  claimId: number;
  periodEnd: string;
  statedOn: string | null;
  /** The figure when it is a single number (kept for readers of the old JSON form). */
  value: number | null;
}

/** A revision of a running total inside a derived figure's period. */
export interface CorrectionMark {
  claimId: number;
  /** The last day the correcting report covers; it was published on `statedOn`. */
  periodEnd: string;
  statedOn: string | null;
  /** The size of the correction where the source gives it. */
  delta: number | null;
  /** Where the total fell below the report before it: from and to. */
  fellFrom: number | null;
  fellTo: number | null;
}

export type FigureNote =
  /** The claim's own note, as a moderator or the importer wrote it. */
  | { kind: 'remark'; text: string }
  /** The difference of two of the claimant's cumulative reports (from null: counted from the start of the war). */
  | { kind: 'derived'; from: FigureEndpoint | null; to: FigureEndpoint }
  /** The ends' qualifiers leave the difference open both ways: no number is given. */
  | { kind: 'difference_unknown'; from: FigureEndpoint | null; to: FigureEndpoint }
  /** Corrections inside the period; `without` is the figure without them, where their sizes are known. */
  | { kind: 'correction'; corrections: CorrectionMark[]; without: StatedValue | null }
  /** The period runs past the claimant's last report: "so far, to DATE". */
  | { kind: 'partial'; to: string }
  /** The series has no report at the period's end; the figure runs to its last report inside it. */
  | { kind: 'truncated'; to: string }
  /** The claim is dated to a month or a year only; "as of" and "latest" take it as of the last day it can mean. */
  | { kind: 'precision'; precision: 'month' | 'year'; statedOn: string; lastDay: string }
  /** A daily average derived from a total over a number of days. */
  | { kind: 'daily_average'; total: StatedValue; days: number }
  /** The claimant republishes another's series: what the series gives for the same dates. */
  | {
      kind: 'republished';
      series: { id: string; name: string };
      seriesValue: StatedValue;
      perDay: boolean;
      /** This figure minus the series' one, where both are single numbers; 0 when they agree. */
      difference: number | null;
      /** The series' day before, for a one-day figure that differs (a report date read as the loss date). */
      dayBefore: StatedValue | null;
    }
  /** Asked for a narrower kind (killed) of a claimant that reports only this broader one. */
  | { kind: 'broader'; asked: Metric[] }
  /** The series stopped: its last report, the claimant's newest, and where the source counts them since. */
  | { kind: 'series_stopped'; metric: Metric; lastEnd: string; claimantLatest: string | null; continuedAs: Metric | null; reference: string | null };

export type AnswerNote =
  | { kind: 'help' }
  /** The question asks about what no figure held covers. */
  | { kind: 'out_of_scope'; what: 'civilians' | 'forecast' | 'other_war' }
  /** `unheld`: the question asks only sources no figure is held from (`held`: the claimants that are). */
  | { kind: 'not_understood'; reason: string; unheld?: string[]; held?: { id: string; name: string }[] }
  | { kind: 'no_figure'; reading: string }
  /** A date without a year: the year taken. */
  | { kind: 'year_assumed'; label: string; which: string }
  /** One of the sides asked has no figure held for the question. */
  | { kind: 'side_none'; side: string }
  /** One of the periods compared has no figure held. */
  | { kind: 'period_empty'; label: string }
  /** The period asked is after the newest report held: the same length of time up to that report is shown. */
  | { kind: 'data_ends'; asked: string; shown: string; to: string }
  | { kind: 'side_by_side' }
  /** Sources asked for that the bot holds no figures from, and those it holds. */
  | { kind: 'unheld'; names: string[] }
  /** A named body has no figure for the question; its side's other bodies do. */
  | { kind: 'same_side'; asked: string[]; others: string[] }
  /** What was stated in the period ("what did X say in April 2022"), not the losses during it. */
  | { kind: 'stated'; label: string }
  /** A claimant's reported figure and its own derived one differ. */
  | { kind: 'own_disagreement'; claimant: string; reported: string; derived: StatedValue }
  /** Figures left out of a short answer, and the question to type to see them. */
  | { kind: 'more_figures'; shown: number; hidden: number; what: string[]; followUp: string };
