// The bot's vocabulary: qualifiers, claimant kinds and other closed lists that change only with
// code; and metrics, which are reference data (data/metrics.yaml) like parties and claimants.
import { join } from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../data-file.ts';
import { DATA_DIR } from '../paths.ts';

/** A metric's id, as claims store it ("tanks"); the list is reference data (data/metrics.yaml). */
export type Metric = string;

export interface MetricInfo {
  /** As a noun phrase after a number: "45,720 personnel losses". */
  label: string;
  personnel: boolean;
}

const MetricsFileSchema = z
  .array(
    z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'a metric id is lower case letters, digits and _, 2 to 40 long' }),
      label: z.string().trim().min(1).max(100),
      personnel: z.boolean(),
    }),
  )
  .min(1)
  .refine((list) => new Set(list.map((m) => m.id)).size === list.length, { message: 'a metric id is listed twice' });

export type MetricEntry = z.infer<typeof MetricsFileSchema>[number];

/** Reads and validates data/metrics.yaml (or another data folder's); throws naming the file and entry. */
export function readMetrics(dataDir: string = DATA_DIR): MetricEntry[] {
  const path = join(dataDir, 'metrics.yaml');
  const parsed = MetricsFileSchema.safeParse(readYamlFile(path));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Every metric, in the data file's order; with the two groups below, kept in step with the data by
 * useMetrics (read once at start; the lists are the same objects throughout, so any module may hold them).
 */
export const METRICS: Metric[] = [];
export const PERSONNEL_METRICS: Metric[] = [];
export const EQUIPMENT_METRICS: Metric[] = [];
const METRIC_INFO = new Map<Metric, MetricInfo>();

/** Makes `entries` the metrics lossbot knows (at start from data/metrics.yaml; a test may use another folder's). */
export function useMetrics(entries: readonly MetricEntry[]): void {
  METRIC_INFO.clear();
  for (const e of entries) METRIC_INFO.set(e.id, { label: e.label, personnel: e.personnel });
  METRICS.splice(0, METRICS.length, ...entries.map((e) => e.id));
  PERSONNEL_METRICS.splice(0, PERSONNEL_METRICS.length, ...entries.filter((e) => e.personnel).map((e) => e.id));
  EQUIPMENT_METRICS.splice(0, EQUIPMENT_METRICS.length, ...entries.filter((e) => !e.personnel).map((e) => e.id));
}
useMetrics(readMetrics());

export const isMetric = (value: string): value is Metric => METRIC_INFO.has(value);

/** What lossbot knows of a metric; an id it does not know (a row from a newer release) reads as its id. */
export function metricInfo(metric: Metric): MetricInfo {
  return METRIC_INFO.get(metric) ?? { label: metric.replaceAll('_', ' '), personnel: false };
}

/** A metric id that lossbot knows, for every schema that takes one. */
export const MetricSchema = z.string().refine(isMetric, { error: (issue) => `"${String(issue.input)}" is not a metric; one of ${METRICS.join(', ')}` });

/** The qualifier as the claimant said it. `more_than`/`at_least` leave `high` open, `up_to`/`fewer_than` leave `low` open. */
export const QUALIFIERS = ['exact', 'about', 'nearly', 'more_than', 'at_least', 'up_to', 'fewer_than'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about',
  nearly: 'nearly',
  more_than: 'more than',
  at_least: 'at least',
  up_to: 'up to',
  fewer_than: 'fewer than',
};

export const CLAIMANT_KINDS = [
  'government',
  'military',
  'intelligence',
  'think_tank',
  'alliance',
  'person',
  'media',
] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export const CLAIM_STATUSES = ['active', 'retracted', 'superseded'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** A figure is a total over its period unless the claimant gave a daily average. */
export const AGGREGATIONS = ['total', 'daily_average'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const PERIOD_KINDS = ['cumulative', 'interval'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Default conflict: the full-scale invasion of Ukraine. */
export const DEFAULT_CONFLICT = 'russia-ukraine-2022';
export const INVASION_START = '2022-02-24';
