// Message catalogues (Fluent: src/i18n/locales/<locale>.ftl) and formatting with Intl, for every
// fixed text the bot shows: answers' wording, layout lines, help, refusals, previews, buttons,
// digests. English is the default and the fallback; Ukrainian and Russian are complete catalogues
// (test/i18n checks every key and its placeables in every catalogue).
//
// The API other modules rely on (keep it stable):
//   t(locale, key, args?)      the message, with plural rules and Intl number formatting
//   localeOf(tag) / chooseLocale(...tags)   a supported Locale from BCP 47 tags (Telegram's
//                              language_code, Discord's interaction.locale, a Query's locale)
//   formatNumber, formatDate, formatShortDate, formatSpan   Intl for uk-UA and ru-RU; English as before
//
// Message keys are kebab-case (Fluent's); arguments are named in snake_case. A number passed as an
// argument is formatted for the locale ("45,720", "45 720") and drives plural selection:
//   figures-more = { $count -> [one] { $count } more figure *[other] { $count } more figures }
import { readdirSync, readFileSync } from 'node:fs';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { formatDate as formatDateEn, formatSpan as formatSpanEn, lastDayOfMonth } from '../core/dates.ts';

export const LOCALES = ['en', 'uk', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The Intl tag each locale formats with. English keeps the bot's own date words (see formatDate). */
export const INTL_TAGS: Record<Locale, string> = { en: 'en-US', uk: 'uk-UA', ru: 'ru-RU' };

export type MessageArgs = Readonly<Record<string, string | number | Date | null | undefined>>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A supported locale from a BCP 47 tag ("uk", "uk-UA", "ru_RU", "en-GB"), or null. Belarusian and
 * the like are not mapped: an unknown language is no reason to guess. */
export function localeOf(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lang = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(lang) ? lang : null;
}

/** The first of the tags that is a supported locale, English otherwise. */
export function chooseLocale(...tags: (string | null | undefined)[]): Locale {
  for (const tag of tags) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

const bundles = new Map<Locale, FluentBundle>();

/**
 * The catalogue's source text, read beside this module (the build copies the .ftl files to dist/):
 * locales/<locale>.ftl and any locales/<locale>.<part>.ftl (one part per area, e.g. digests),
 * which together are one catalogue.
 */
export function catalogueSource(locale: Locale): string {
  const dir = new URL('./locales/', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f === `${locale}.ftl` || (f.startsWith(`${locale}.`) && f.endsWith('.ftl')))
    .sort();
  return files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
}

function bundle(locale: Locale): FluentBundle {
  let found = bundles.get(locale);
  if (found) return found;
  found = new FluentBundle(INTL_TAGS[locale], { useIsolating: false });
  const errors = found.addResource(new FluentResource(catalogueSource(locale)));
  if (errors.length) throw new Error(`lossbot: the ${locale} message catalogue does not parse: ${errors.map((e) => e.message).join('; ')}`);
  bundles.set(locale, found);
  return found;
}

/** Every message key of a catalogue (for tests and tools). */
export function messageKeys(locale: Locale): string[] {
  return [...bundle(locale)._messages.keys()];
}

export function hasMessage(locale: Locale, key: string): boolean {
  return bundle(locale).hasMessage(key);
}

function fluentArgs(args: MessageArgs | undefined): Record<string, FluentVariable> | undefined {
  if (!args) return undefined;
  const out: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(args)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/**
 * The message `key` in `locale` with its arguments. A locale that is not supported reads as
 * English; a key missing from a catalogue falls back to English, then to the key itself (never
 * throws: a missing word must not cost an answer).
 */
export function t(locale: Locale | string | null | undefined, key: string, args?: MessageArgs): string {
  const loc = isLocale(locale) ? locale : (localeOf(locale) ?? DEFAULT_LOCALE);
  for (const l of loc === DEFAULT_LOCALE ? [loc] : [loc, DEFAULT_LOCALE]) {
    const b = bundle(l);
    const message = b.getMessage(key);
    if (!message?.value) continue;
    const errors: Error[] = [];
    return endOnce(b.formatPattern(message.value, fluentArgs(args), errors));
  }
  return key;
}

/**
 * A sentence's full stop after an argument that already ends with one ("… 31 жовт. 2025 р.") is
 * dropped: exactly two dots become one; an ellipsis stays.
 */
function endOnce(text: string): string {
  return text.includes('..') ? text.replace(/(?<!\.)\.\.(?!\.)/g, '.') : text;
}

/** A message's attribute (`key.attr` in Fluent), e.g. a command's description. */
export function tAttr(locale: Locale, key: string, attr: string, args?: MessageArgs): string | null {
  for (const l of locale === DEFAULT_LOCALE ? [locale] : [locale, DEFAULT_LOCALE]) {
    const b = bundle(l);
    const pattern = b.getMessage(key)?.attributes[attr];
    if (pattern) return b.formatPattern(pattern, fluentArgs(args), []);
  }
  return null;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** 45720 -> "45,720" (en), "45 720" (uk, ru; a no-break space). */
export function formatNumber(locale: Locale, n: number): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(INTL_TAGS[locale], { maximumFractionDigits: 20 })));
  return f.format(n);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, style: 'day' | 'month' | 'year' | 'short'): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'day' ? { day: 'numeric', month: 'long', year: 'numeric' }
      : style === 'short' ? { day: 'numeric', month: 'short', year: 'numeric' }
      : style === 'month' ? { month: 'long', year: 'numeric' }
      : { year: 'numeric' };
    dateFormats.set(key, (f = new Intl.DateTimeFormat(INTL_TAGS[locale], { ...options, timeZone: 'UTC' })));
  }
  return f;
}

const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A calendar date: "5 November 2024" / "5 листопада 2024 р." / "5 ноября 2024 г."; month or year precision. */
export function formatDate(locale: Locale, iso: string, precision: 'day' | 'month' | 'year' = 'day'): string {
  if (locale === 'en') return formatDateEn(iso, precision);
  if (precision === 'year') return iso.slice(0, 4);
  return dateFormat(locale, precision).format(utc(iso));
}

const EN_SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Short, for a phone: "4 Nov 2024" / "4 лист. 2024 р." / "4 нояб. 2024 г.". */
export function formatShortDate(locale: Locale, iso: string): string {
  if (locale === 'en') {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return `${d} ${EN_SHORT_MONTHS[m - 1]} ${y}`;
  }
  return dateFormat(locale, 'short').format(utc(iso));
}

/** A span: a whole month or year by its name, otherwise both dates ("1 Oct 2024 to 15 Oct 2024"). */
export function formatSpan(locale: Locale, start: string, end: string): string {
  if (locale === 'en') return formatSpanEn(start, end);
  if (start === end) return formatDate(locale, start);
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number, number];
  if (sd === 1 && end === lastDayOfMonth(ey, em)) {
    if (sy === ey && sm === 1 && em === 12) return String(sy);
    if (sy === ey && sm === em) return formatDate(locale, start, 'month');
    return t(locale, 'span-months', { from: formatDate(locale, start, 'month'), to: formatDate(locale, end, 'month') });
  }
  return t(locale, 'span', { from: formatDate(locale, start), to: formatDate(locale, end) });
}
