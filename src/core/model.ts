// The domain model as zod schemas; the types are inferred from them so they cannot drift apart.
import { z } from 'zod';
import { isIsoDate } from './dates.ts';
import {
  AGGREGATIONS,
  CLAIMANT_KINDS,
  CLAIM_STATUSES,
  DATE_PRECISIONS,
  DEFAULT_CONFLICT,
  METRICS,
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

const NameSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' });

export const PartySchema = z.object({
  id: SlugSchema,
  name: NameSchema,
  adjective: NameSchema,
  aliases: z.array(NameSchema).default([]),
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
});
export type Claimant = z.infer<typeof ClaimantSchema>;

const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000, { message: 'must be at most 2000 characters' })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    },
    { message: 'must be a full http(s) URL, like https://example.org/article' },
  );

/** Where a figure was reported. Any part the article does not show stays null rather than guessed. */
export const SourceSchema = z.object({
  publisher: NameSchema.nullable().default(null),
  title: z.string().trim().max(500).nullable().default(null),
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
  metric: z.enum(METRICS),
  low: FigureSchema.nullable(),
  high: FigureSchema.nullable(),
  qualifier: z.enum(QUALIFIERS),
  words: z.string().trim().min(1, { message: 'must give the figure as said, like "nearly 45,000"' }).max(300),
  aggregation: z.enum(AGGREGATIONS).default('total'),
  periodKind: z.enum(PERIOD_KINDS),
  periodStart: IsoDateSchema.nullable().default(null),
  periodEnd: IsoDateSchema.nullable().default(null),
  periodLabel: z.string().trim().max(200).nullable().default(null),
  statedOn: IsoDateSchema.nullable().default(null),
  statedPrecision: z.enum(DATE_PRECISIONS).default('day'),
  conflict: SlugSchema.default(DEFAULT_CONFLICT),
  note: z.string().trim().max(2000).nullable().default(null),
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
export const ActorSchema = z.string().trim().min(1).max(200);

export const ReasonSchema = z
  .string({ message: 'a reason is required' })
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
