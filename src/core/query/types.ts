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
  /**
   * Losses within a period: "in November", "on 11 November", "Q1 2025", "past week". `relative` is
   * set for a period counted back from now ("the past month"), which a claim may also use of itself.
   */
  | { kind: 'range'; start: string; end: string; granularity: Granularity; label: string; yearless: boolean; relative?: string };

/** What a span of the question was read as, for the reading shown to people and machines. */
export interface TaggedSpan {
  text: string;
  tag: 'claimant' | 'group' | 'unheld' | 'party' | 'place' | 'metric' | 'time' | 'unknown_name';
  /** The id (claimant, group, party) or metric it names. */
  value: string;
  role?: Role;
}

/** The part a name plays in the question. */
export type Role = 'claims' | 'loses' | 'inflicts' | 'excluded';

export interface Query {
  kind: 'query';
  /** The language the question was written in, for answers in it: en, uk or ru. */
  locale: 'en' | 'uk' | 'ru';
  /** Claimants named outright (a body or a person) or through a group, by id. */
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
  /** Further periods compared with `time` ("2023 vs 2024": 2024), each answered beside it. */
  otherTimes?: TimeSpec[];
  /** "covered": losses during `time`; "stated": what was said during `time` ("what did X say in April 2022"). */
  timeRole: 'covered' | 'stated';
  /** The period runs to the latest report: the answer says "so far, to DATE". */
  partial: boolean;
  /** Claimants whose figures are not wanted ("except NATO", "not the Russian MoD"), by id. */
  excluded: string[];
  /** Groups named ("western estimates"), by id; their members are in `claimants` or `sides`. */
  groups: string[];
  /** Parties said to inflict the losses ("has Ukraine destroyed"), by id. */
  agents: string[];
  /** Names of sources asked for that the bot holds no figures from ("mediazona", "pentagon"). */
  unknown: string[];
  /** Places named; figures are not held by place. */
  places: string[];
  /** Claimants or sides set side by side ("X vs Y", "compare X and Y"). */
  compare: boolean;
  /** Broader metrics to show, labelled as broader, where a claimant has none of those asked. */
  broader: Metric[];
  /** The question as read, in one line: "Russian helicopters lost, 2023, any claimant". */
  reading: string;
  /** The spans the reading rests on. */
  spans: TaggedSpan[];
}

export type ParseResult =
  | Query
  /** `outOfScope`: the question asks about what no figure here covers (civilian deaths). */
  | { kind: 'help'; reason?: string; outOfScope?: 'civilians' | 'forecast' | 'other_war' }
  /** `reading` is set when the question was read but cannot be answered (a source the bot holds nothing from). */
  | { kind: 'not_understood'; reason: string; reading?: Query };

export const MAX_QUESTION_LENGTH = 500;
