// Words of the question reader beyond what a corpus reading checks: the language of short greetings
// and thanks, and slang names for Russia that must not show up in answers.
import { describe, expect, it } from 'vitest';
import { detectLocale } from '../../src/core/query/language.ts';
import { parseQuestion, QueryVocabulary } from '../../src/core/query/parse.ts';
import { CORPUS_TODAY } from '../corpus/corpus.ts';
import { memoryApp } from '../helpers.ts';

const app = memoryApp(new Date(`${CORPUS_TODAY}T12:00:00Z`));
const vocab = new QueryVocabulary(app.service.directory());

describe('language of short greetings and thanks', () => {
  it.each([
    ['спасибо бот', 'ru'],
    ['спасибо', 'ru'],
    ['привет', 'ru'],
    ['пожалуйста', 'ru'],
    ['здравствуйте', 'ru'],
    ['большое спасибо', 'ru'],
    ['доброе утро', 'ru'],
    ['дякую', 'uk'],
    ['дякую бот', 'uk'],
    ['привіт', 'uk'],
    ['будь ласка', 'uk'],
    ['вітаю', 'uk'],
    ['дуже дякую', 'uk'],
    ['добрий день', 'uk'],
  ])('%s -> %s', (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
    expect(detectLocale.decided(text)).toBe(true);
  });
});

describe('slang names for Russia', () => {
  it.each(['total orc losses', 'ru tank losses', 'ruzzia losses', 'how many russkies killed'])('%s: Russia loses, and the reading says "Russian"', (q) => {
    const r = parseQuestion(q, vocab, CORPUS_TODAY);
    expect(r).toMatchObject({ kind: 'query', subjects: ['russia'], sides: [], agents: [] });
    if (r.kind === 'query') expect(r.reading).toMatch(/^Russian /);
  });

  it('reads "ru" only as a whole word, not inside a web address', () => {
    expect(parseQuestion('russian losses per mil.ru', vocab, CORPUS_TODAY)).toMatchObject({ kind: 'query', subjects: ['russia'], sides: [] });
  });
});

describe('milestones and prisoners', () => {
  it('"hit" with a number is a milestone: the side named loses, nobody inflicts', () => {
    expect(parseQuestion('has russia hit 1m casualties yet', vocab, CORPUS_TODAY)).toMatchObject({ kind: 'query', subjects: ['russia'], agents: [], sides: [] });
  });
  it('"hit by" still names who inflicts', () => {
    expect(parseQuestion('russian tanks hit by ukraine', vocab, CORPUS_TODAY)).toMatchObject({ kind: 'query', subjects: ['russia'], agents: ['ukraine'] });
  });
  it('prisoners taken by a side are the other side\'s', () => {
    expect(parseQuestion('how many russian pows has ukraine taken', vocab, CORPUS_TODAY)).toMatchObject({ kind: 'query', subjects: ['russia'], agents: ['ukraine'], metrics: ['captured'] });
  });
});
