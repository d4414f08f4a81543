import type { Metric } from '../vocabulary.ts';

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'span';

/** The time a question asks about. Dates are calendar dates; ranges include both ends. */
export type TimeSpec =
  /** No time named: each claimant's latest figure. */
  | { kind: 'unspecified' }
  /** "latest", "so far", "since the start of the war": each claimant's newest cumulative figure. */
  | { kind: 'latest' }
  /** "as of 5 Nov 2024", "by March 2023": the newest cumulative figure covering no later than `date`. */
  | { kind: 'asOf'; date: string; yearless: boolean }
  /** Losses within a period: "in November", "on 11 November", "Q1 2025", "past week". */
  | { kind: 'range'; start: string; end: string; granularity: Granularity; label: string; yearless: boolean };

export interface Query {
  kind: 'query';
  /** Claimants named outright (a body or a person), by id. */
  claimants: string[];
  /** Whole sides whose claimants count ("Ukraine's claim", "according to Kyiv"), by party id. */
  sides: string[];
  /** Whose losses, by party id; empty means any. */
  subjects: string[];
  /** The metrics that answer the question, expanded from what was typed. */
  metrics: Metric[];
  /** The metric words as typed, normalised ("deaths", "tanks"). */
  metricWords: string[];
  time: TimeSpec;
}

export type ParseResult =
  | Query
  | { kind: 'help' }
  | { kind: 'not_understood'; reason: string };

export const MAX_QUESTION_LENGTH = 500;
