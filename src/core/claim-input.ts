// Claims typed by people (command-line flags, chat command options) arrive as strings. This turns
// them into the shape ClaimFieldsSchema validates, so every adapter accepts the same spellings.
import { z } from 'zod';
import { ClaimFieldsSchema, describeZodError, type ClaimFields } from './model.ts';
import { INVASION_START, QUALIFIERS, type Qualifier } from './vocabulary.ts';

/** Field names a moderator may set, with the words they are known by in commands. */
export const CLAIM_FIELD_NAMES = [
  'claimant', 'subject', 'metric', 'low', 'high', 'value', 'qualifier', 'words', 'aggregation',
  'periodKind', 'periodStart', 'periodEnd', 'periodLabel', 'asOf', 'from', 'to',
  'statedOn', 'statedPrecision', 'conflict', 'note', 'isCorrection',
  'publisher', 'title', 'url', 'publishedOn',
] as const;
export type ClaimFieldName = (typeof CLAIM_FIELD_NAMES)[number];

export type RawClaimInput = Partial<Record<ClaimFieldName, string | boolean | number | null | undefined>>;

const NULL_WORDS = new Set(['', 'none', 'null', '-']);

/** "45,720", "45 720", "45_720" -> 45720; anything else stays a string so zod names the problem. */
export function parseFigure(raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return raw;
  const text = String(raw).trim();
  if (NULL_WORDS.has(text.toLowerCase())) return null;
  const compact = text.replace(/[,_\s\u00a0\u202f]/g, '');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : text;
}

function parseText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  return NULL_WORDS.has(text.toLowerCase()) ? null : text;
}

function parseBool(raw: unknown): unknown {
  if (typeof raw === 'boolean') return raw;
  if (raw === null || raw === undefined) return false;
  const text = String(raw).trim().toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(text)) return true;
  if (['false', 'no', '0', 'n', ''].includes(text)) return false;
  return text;
}

/** "more than" / "more-than" / "More_Than" -> more_than */
export function normaliseQualifier(raw: unknown): unknown {
  if (raw === null || raw === undefined || raw === '') return undefined;
  const text = String(raw).trim().toLowerCase().replace(/[\s-]+/g, '_');
  const aliases: Record<string, Qualifier> = { approximately: 'about', around: 'about', roughly: 'about', almost: 'nearly', over: 'more_than', under: 'fewer_than', less_than: 'fewer_than', exactly: 'exact' };
  return aliases[text] ?? text;
}

function lowerWord(raw: unknown): unknown {
  return typeof raw === 'string' ? raw.trim().toLowerCase().replace(/[\s-]+/g, '_') : raw;
}

/** The default qualifier for a figure given without one: a range is as said, a point is exact. */
function defaultQualifier(low: unknown, high: unknown): Qualifier {
  if (low === null && high !== null) return 'up_to';
  if (high === null && low !== null) return 'more_than';
  return 'exact';
}

function defaultWords(low: unknown, high: unknown, qualifier: string): string {
  const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
  const prefix = (QUALIFIERS as readonly string[]).includes(qualifier) && qualifier !== 'exact' ? `${qualifier.replace('_', ' ')} ` : '';
  if (low !== null && high !== null && low !== high) return `${prefix}${n(low)}-${n(high)}`;
  return `${prefix}${n(low ?? high)}`;
}

/**
 * Builds the claim's fields from raw input, optionally over an existing claim (an edit). `value`
 * sets low and high together; `asOf` makes a cumulative period, `from`/`to` an interval.
 */
export function buildClaimFields(raw: RawClaimInput, base?: ClaimFields): { ok: true; fields: ClaimFields } | { ok: false; message: string } {
  const has = (k: ClaimFieldName) => raw[k] !== undefined;
  const draft: Record<string, unknown> = base ? { ...base, source: { ...base.source } } : { source: {} };
  const source = draft.source as Record<string, unknown>;

  for (const key of ['claimant', 'subject', 'conflict'] as const) if (has(key)) draft[key] = parseText(raw[key])?.toLowerCase() ?? null;
  if (has('metric')) draft.metric = lowerWord(parseText(raw.metric));
  if (has('aggregation')) draft.aggregation = lowerWord(parseText(raw.aggregation));
  if (has('statedPrecision')) draft.statedPrecision = lowerWord(parseText(raw.statedPrecision));
  if (has('value')) draft.low = draft.high = parseFigure(raw.value);
  if (has('low')) draft.low = parseFigure(raw.low);
  if (has('high')) draft.high = parseFigure(raw.high);
  if (!base && !has('value')) {
    draft.low ??= null;
    draft.high ??= null;
  }
  if (has('qualifier')) draft.qualifier = normaliseQualifier(raw.qualifier);
  draft.qualifier ??= defaultQualifier(draft.low, draft.high);
  if (has('words')) draft.words = parseText(raw.words);
  const figureChanged = has('value') || has('low') || has('high') || has('qualifier');
  if (!has('words') && (!base || figureChanged) && (draft.low !== null || draft.high !== null)) {
    draft.words = defaultWords(draft.low, draft.high, String(draft.qualifier));
  }
  for (const key of ['periodStart', 'periodEnd', 'periodLabel', 'statedOn', 'note'] as const) if (has(key)) draft[key] = parseText(raw[key]);
  if (has('periodKind')) draft.periodKind = lowerWord(parseText(raw.periodKind));
  if (has('asOf')) {
    draft.periodKind = 'cumulative';
    draft.periodStart ??= INVASION_START;
    draft.periodEnd = parseText(raw.asOf);
  }
  if (has('from') || has('to')) {
    draft.periodKind = 'interval';
    if (has('from')) draft.periodStart = parseText(raw.from);
    if (has('to')) draft.periodEnd = parseText(raw.to);
    draft.periodEnd ??= draft.periodStart;
  }
  if (has('isCorrection')) draft.isCorrection = parseBool(raw.isCorrection);
  if (has('publisher')) source.publisher = parseText(raw.publisher);
  if (has('title')) source.title = parseText(raw.title);
  if (has('url')) source.url = parseText(raw.url);
  if (has('publishedOn')) source.publishedOn = parseText(raw.publishedOn);

  const parsed = ClaimFieldsSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error) };
  return { ok: true, fields: parsed.data };
}

/** The largest claim id: SQLite's rowids go further, but no database of ours will. */
export const MAX_CLAIM_ID = 2 ** 31 - 1;

/**
 * A claim id: a plain positive whole number, typed as digits ("12" or "#12") or given as a number.
 * "0x1", "1e3", "1.0", "+1" and " 12abc" are refused rather than read as some other claim.
 */
export const ClaimIdSchema = z
  .unknown()
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && /^\s*#?[0-9]{1,10}\s*$/.test(value)) return Number(value.trim().replace(/^#/, ''));
    ctx.addIssue({ code: 'custom', message: 'must be a claim number like 12, in plain digits' });
    return z.NEVER;
  })
  .pipe(
    z
      .number()
      .int({ message: 'must be a whole claim number' })
      .positive({ message: 'must be a claim number like 12' })
      .max(MAX_CLAIM_ID, { message: 'there is no claim with a number that large' }),
  );
