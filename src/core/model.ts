// The domain model as zod schemas; the types are inferred from them so they cannot drift apart.
import { z } from 'zod';
import { addDays, isIsoDate, toIsoDate } from './dates.ts';
import { cleanText, normaliseUrl } from './text.ts';
import {
  AGGREGATIONS,
  CLAIMANT_KINDS,
  CLAIM_STATUSES,
  DATE_PRECISIONS,
  DEFAULT_CONFLICT,
  MetricSchema,
  PERIOD_KINDS,
  QUALIFIERS,
} from './vocabulary.ts';

export const IsoDateSchema = z
  .string()
  .trim()
  .refine(isIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' });

export const SlugSchema = z
  .string()
  .trim()
  .min(2, { message: 'must be at least 2 characters' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lower-case letters, digits and dashes' });

/**
 * Free text from outside: control characters, terminal escapes and bidi overrides removed (they
 * could hide or reorder what a terminal or a chat shows), then trimmed and limited.
 */
export function textSchema(max: number) {
  return z.string().overwrite(cleanText).trim().max(max, { message: `must be at most ${max} characters` });
}

const NameSchema = textSchema(200).min(1, { message: 'must not be empty' });

/**
 * A name in another language (`names: {uk: {...}, ru: {...}}` in the data files): the name shown,
 * its adjectives and demonyms (parties), and other spellings people type. Read by the question reader.
 */
export const LocalNameSchema = z.object({
  name: NameSchema,
  adjectives: z.array(NameSchema).default([]),
  aliases: z.array(NameSchema).default([]),
});
export const LocalNamesSchema = z.record(z.string().regex(/^[a-z]{2,3}$/), LocalNameSchema);
export type LocalName = z.infer<typeof LocalNameSchema>;

export const PartySchema = z.object({
  id: SlugSchema,
  name: NameSchema,
  adjective: NameSchema,
  aliases: z.array(NameSchema).default([]),
  /** The party's names in other languages, by language code. */
  names: LocalNamesSchema.optional(),
});
export type Party = z.infer<typeof PartySchema>;

export const ConflictSchema = z.object({
  id: SlugSchema,
  name: NameSchema,
  startedOn: IsoDateSchema.nullable(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const ClaimantSchema = z.object({
  id: SlugSchema,
  name: NameSchema,
  kind: z.enum(CLAIMANT_KINDS),
  party: SlugSchema.nullable().default(null),
  parent: SlugSchema.nullable().default(null),
  aliases: z.array(NameSchema).default([]),
  /** Groups people name ("western estimates"); the words for each are in data/lexicon/<language>.yaml. */
  groups: z.array(SlugSchema).optional(),
  /** The claimant whose series this one republishes (Ukraine's MoD quoting the General Staff); answers compare the two. */
  republishes: SlugSchema.optional(),
  /** The claimant's names in other languages, by language code. */
  names: LocalNamesSchema.optional(),
});
export type Claimant = z.infer<typeof ClaimantSchema>;

/** One form for every URL: lower-case scheme and host, no credentials or secret query parameters. */
export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000, { message: 'must be at most 2000 characters' })
  .overwrite((value) => normaliseUrl(value) ?? value)
  .refine((value) => normaliseUrl(value) === value, { message: 'must be a full http(s) URL, like https://example.org/article' })
  .max(2000, { message: 'must be at most 2000 characters' });

/** Where a figure was reported. Any part the article does not show stays null rather than guessed. */
export const SourceSchema = z.object({
  publisher: NameSchema.nullable().default(null),
  title: textSchema(500).nullable().default(null),
  url: HttpUrlSchema.nullable().default(null),
  publishedOn: IsoDateSchema.nullable().default(null),
});
export type Source = z.infer<typeof SourceSchema>;

const FigureSchema = z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).nonnegative({ message: 'must not be negative' }).max(1e12, { message: 'is implausibly large' });

/**
 * The fields of a claim that a moderator sets. Cross-field rules (low <= high, open sides that fit
 * the qualifier, periods that end after they start) are checked in `checkClaimFields`, so that the
 * same rules apply to a new claim and to an edited one.
 */
export const ClaimFieldsObject = z.object({
  claimant: SlugSchema,
  subject: SlugSchema,
  metric: MetricSchema,
  low: FigureSchema.nullable(),
  high: FigureSchema.nullable(),
  qualifier: z.enum(QUALIFIERS),
  words: textSchema(300).min(1, { message: 'must give the figure as said, like "nearly 45,000"' }),
  aggregation: z.enum(AGGREGATIONS).default('total'),
  periodKind: z.enum(PERIOD_KINDS),
  periodStart: IsoDateSchema.nullable().default(null),
  periodEnd: IsoDateSchema.nullable().default(null),
  periodLabel: textSchema(200).min(1, { message: 'must not be empty' }).nullable().default(null),
  statedOn: IsoDateSchema.nullable().default(null),
  statedPrecision: z.enum(DATE_PRECISIONS).default('day'),
  conflict: SlugSchema.default(DEFAULT_CONFLICT),
  note: textSchema(2000).nullable().default(null),
  isCorrection: z.boolean().default(false),
  source: SourceSchema,
});

export type ClaimFields = z.infer<typeof ClaimFieldsObject>;

/** Cross-field rules, each naming the field it is about. */
export function claimFieldProblems(c: ClaimFields): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (c.low === null && c.high === null) problems.push({ path: 'low', message: 'a figure needs a low or a high value' });
  if (c.low !== null && c.high !== null && c.low > c.high)
    problems.push({ path: 'low', message: `low (${c.low}) must not be greater than high (${c.high})` });
  const openHigh = c.qualifier === 'more_than' || c.qualifier === 'at_least';
  const openLow = c.qualifier === 'up_to' || c.qualifier === 'fewer_than';
  if (c.high === null && !openHigh)
    problems.push({ path: 'high', message: `high may be left open only for "more than" or "at least", not "${c.qualifier}"` });
  if (c.low === null && !openLow)
    problems.push({ path: 'low', message: `low may be left open only for "up to" or "fewer than", not "${c.qualifier}"` });
  if (c.periodStart && c.periodEnd && c.periodStart > c.periodEnd)
    problems.push({ path: 'periodEnd', message: `the period ends (${c.periodEnd}) before it starts (${c.periodStart})` });
  if (c.periodKind === 'interval' && (c.periodStart === null) !== (c.periodEnd === null))
    problems.push({ path: 'periodStart', message: 'an interval needs both a start and an end, or neither when the source gives no dates' });
  if (c.periodEnd === null && c.periodLabel === null)
    problems.push({ path: 'periodEnd', message: 'a period needs an end date or, when the source gives none, a label saying what it covers' });
  if (c.statedOn && c.periodStart && c.statedOn < c.periodStart && c.statedPrecision === 'day')
    problems.push({ path: 'statedOn', message: `the claim is dated ${c.statedOn}, before the period it covers starts (${c.periodStart})` });
  return problems;
}

/** Below this no claim is plausible, whatever its conflict (the start of the Soviet-Afghan war is the earliest we hold). */
export const DATE_FLOOR = '1945-01-01';

export interface DateBounds {
  /** The earliest date a period may touch: the conflict's start, or DATE_FLOOR when it has none. */
  earliest: string;
  /** Today in UTC: a period may end at most a day later (a report dated tomorrow in Kyiv). */
  today: string;
  /** Today where it is latest on Earth (UTC+14): a statement or publication dated later has not happened. */
  latestToday: string;
}

export function dateBounds(now: Date, conflictStart: string | null): DateBounds {
  const earliest = conflictStart && conflictStart > DATE_FLOOR ? conflictStart : DATE_FLOOR;
  return { earliest, today: toIsoDate(now), latestToday: toIsoDate(new Date(now.getTime() + 14 * 3_600_000)) };
}

/** Dates inside the conflict and not in the future, each problem naming its field. */
export function claimDateProblems(c: ClaimFields, b: DateBounds): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const lastPeriodDay = addDays(b.today, 1);
  const period = [['periodStart', c.periodStart], ['periodEnd', c.periodEnd]] as const;
  for (const [path, value] of period) {
    if (value === null) continue;
    if (value < b.earliest) problems.push({ path, message: `${value} is before the conflict began (${b.earliest})` });
    if (value > lastPeriodDay) problems.push({ path, message: `${value} is in the future (today is ${b.today})` });
  }
  const stated = [['statedOn', c.statedOn], ['source.publishedOn', c.source.publishedOn]] as const;
  for (const [path, value] of stated) {
    if (value === null) continue;
    if (value < DATE_FLOOR) problems.push({ path, message: `${value} is before ${DATE_FLOOR}, earlier than any claim this bot holds` });
    if (value > b.latestToday) problems.push({ path, message: `${value} is in the future (today is ${b.today})` });
  }
  return problems;
}

/**
 * The last check before a claim is written, on every write path (commands, command line, import,
 * seed): the schema (limits, clean text, normalised URL), the cross-field rules and the date bounds.
 * Returns the fields in their stored form.
 */
export function checkStorable(fields: unknown, bounds: DateBounds): { ok: true; fields: ClaimFields } | { ok: false; problems: { path: string; message: string }[] } {
  const parsed = ClaimFieldsSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  const problems = claimDateProblems(parsed.data, bounds);
  return problems.length ? { ok: false, problems } : { ok: true, fields: parsed.data };
}

export const ClaimFieldsSchema = ClaimFieldsObject.superRefine((c, ctx) => {
  for (const p of claimFieldProblems(c)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
});

export const ClaimSchema = ClaimFieldsObject.extend({
  id: z.number().int().positive(),
  lineageId: z.number().int().positive(),
  version: z.number().int().positive(),
  status: z.enum(CLAIM_STATUSES),
  supersededBy: z.number().int().positive().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  sourceId: z.number().int().positive(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** Who did a write, for the audit log: a platform-qualified user, like "discord:1234" or "cli:alice". */
export const ActorSchema = textSchema(200).min(1);

export const ReasonSchema = z
  .string({ message: 'a reason is required' })
  .overwrite(cleanText)
  .trim()
  .min(3, { message: 'must say why, in at least 3 characters' })
  .max(1000, { message: 'must be at most 1000 characters' });

/** zod issues as "field: problem" lines, the form every adapter shows. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('\n');
}
