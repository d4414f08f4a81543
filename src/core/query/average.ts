// Words asking for a daily average ("average daily losses", "avg KIA per day", "в середньому за
// добу", "среднесуточные потери"). The composer reads them from the question (it divides a period's
// figure by its days); the reader and the views' pre-pass get the question without them, so "a day"
// is not read as yesterday nor "daily" as a breakdown by day.

const L = '[\\p{L}\\p{M}]';
const B = `(?<!${L})`;
const E = `(?!${L})`;

const AVERAGE = `(?:(?:on\\s+)?(?:the\\s+)?(?:daily\\s+)?(?:averages?|avg|mean)(?:\\s+daily)?(?:\\s+(?:number|figure)s?)?(?:\\s+of)?|в\\s+середньому|середньодобов${L}*|середн${L}*|в\\s+среднем|среднесуточн${L}*|средн${L}*)`;
/** English "per day" asks for an average by itself; the Ukrainian and Russian "за добу", "в сутки" also mean "in the past day", so they count only beside an average word. */
const PER_DAY_EN = `(?:per|a|each)\\s+day`;
const PER_DAY_UK_RU = `(?:на|за|в)\\s+(?:добу|день|сутки)|щодоби|щодня|ежедневно|ежесуточно`;

const AVERAGE_WORD = new RegExp(`${B}${AVERAGE}${E}`, 'iu');
const PER_DAY_ALONE = new RegExp(`${B}${PER_DAY_EN}${E}`, 'iu');
const ALL_WORDS = new RegExp(`${B}(?:${AVERAGE}|${PER_DAY_EN}|${PER_DAY_UK_RU})${E}`, 'giu');
const ENGLISH_WORDS = new RegExp(`${B}(?:${PER_DAY_EN})${E}`, 'giu');

/** The question asks for a figure per day on average. */
export function wantsDailyAverage(question: string): boolean {
  return AVERAGE_WORD.test(question) || PER_DAY_ALONE.test(question);
}

/** The question without the words that ask for an average (and their "per day"), for the reader. */
export function withoutAverageWords(question: string): string {
  const stripped = AVERAGE_WORD.test(question) ? question.replace(ALL_WORDS, ' ') : question.replace(ENGLISH_WORDS, ' ');
  return stripped.replace(/\s+/g, ' ').trim();
}
