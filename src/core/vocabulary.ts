// The bot's fixed vocabulary: metrics, qualifiers, claimant kinds. Parties and claimants are data
// (data/*.yaml) because moderators and reviewers extend them; these lists change only with code.

export const METRICS = [
  'personnel',
  'killed',
  'wounded',
  'killed_or_wounded',
  'killed_or_missing',
  'casualties',
  'irreversible',
  'captured',
  'deserters',
  'tanks',
  'armoured_vehicles',
  'artillery',
  'mlrs',
  'air_defence',
  'aircraft',
  'helicopters',
  'uavs',
  'cruise_missiles',
  'ships',
  'submarines',
  'vehicles',
  'special_equipment',
  'srbm_launchers',
  'ground_robots',
] as const;
export type Metric = (typeof METRICS)[number];

interface MetricInfo {
  label: string; // as a noun phrase after a number: "45,720 personnel losses"
  personnel: boolean;
}

export const METRIC_INFO: Record<Metric, MetricInfo> = {
  personnel: { label: 'personnel losses', personnel: true },
  killed: { label: 'killed', personnel: true },
  wounded: { label: 'wounded', personnel: true },
  killed_or_wounded: { label: 'killed or wounded', personnel: true },
  killed_or_missing: { label: 'killed or missing', personnel: true },
  casualties: { label: 'casualties', personnel: true },
  irreversible: { label: 'irreversible losses', personnel: true },
  captured: { label: 'captured', personnel: true },
  deserters: { label: 'deserters', personnel: true },
  tanks: { label: 'tanks', personnel: false },
  armoured_vehicles: { label: 'armoured combat vehicles', personnel: false },
  artillery: { label: 'artillery systems', personnel: false },
  mlrs: { label: 'multiple rocket launchers', personnel: false },
  air_defence: { label: 'air defence systems', personnel: false },
  aircraft: { label: 'aircraft', personnel: false },
  helicopters: { label: 'helicopters', personnel: false },
  uavs: { label: 'UAVs', personnel: false },
  cruise_missiles: { label: 'cruise missiles', personnel: false },
  ships: { label: 'ships and boats', personnel: false },
  submarines: { label: 'submarines', personnel: false },
  vehicles: { label: 'vehicles and fuel tanks', personnel: false },
  special_equipment: { label: 'special equipment', personnel: false },
  srbm_launchers: { label: 'mobile SRBM launchers', personnel: false },
  ground_robots: { label: 'ground robotic systems', personnel: false },
};

export const PERSONNEL_METRICS: readonly Metric[] = METRICS.filter((m) => METRIC_INFO[m].personnel);
export const EQUIPMENT_METRICS: readonly Metric[] = METRICS.filter((m) => !METRIC_INFO[m].personnel);

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
