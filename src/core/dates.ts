// Calendar dates (YYYY-MM-DD) as the domain uses them. All arithmetic is in UTC so that a date
// never shifts with the machine's time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Checked by arithmetic, not by a Date round trip: every claim read back passes through here.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar date of a Date in UTC, for a `now` handed in from outside. */
export function todayUtc(now: Date): string {
  return toIsoDate(now);
}

export function addDays(iso: string, days: number): string {
  return toIsoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS));
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

export function ymd(year: number, month: number, day: number): string {
  return toIsoDate(new Date(Date.UTC(year, month - 1, day)));
}

export function lastDayOfMonth(year: number, month: number): string {
  return toIsoDate(new Date(Date.UTC(year, month, 0)));
}

export function monthSpan(year: number, month: number): { start: string; end: string } {
  return { start: ymd(year, month, 1), end: lastDayOfMonth(year, month) };
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** "5 November 2024"; with precision month "November 2024"; year "2024". */
export function formatDate(iso: string, precision: 'day' | 'month' | 'year' = 'day'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (precision === 'year') return String(y);
  if (precision === 'month') return `${monthName(m)} ${y}`;
  return `${d} ${monthName(m)} ${y}`;
}

/** A readable span: "November 2024" for a whole month, "2024" for a year, else "1 Oct 2024 to 15 Oct 2024". */
export function formatSpan(start: string, end: string): string {
  if (start === end) return formatDate(start);
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number, number];
  if (sd === 1 && end === lastDayOfMonth(ey, em)) {
    if (sy === ey && sm === 1 && em === 12) return String(sy);
    if (sy === ey && sm === em) return formatDate(start, 'month');
    return `${formatDate(start, 'month')} to ${formatDate(end, 'month')}`;
  }
  return `${formatDate(start)} to ${formatDate(end)}`;
}
