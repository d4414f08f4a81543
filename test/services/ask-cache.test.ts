// Answers are cached per question and day, and never outlive a change to the claims.
import { describe, expect, it } from 'vitest';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { openApp } from '../../src/app.ts';
import { memoryApp } from '../helpers.ts';

describe('answer cache', () => {
  it('gives the same answer object for the same question, and a fresh one after any write', () => {
    const app = memoryApp();
    const question = 'NATO estimate of Russian casualties';
    const first = app.asker.ask(question);
    expect(app.asker.ask(question)).toBe(first);
    expect(app.asker.ask(`${question}?`)).not.toBe(first);

    const nato = answerFigures(first).find((f) => f.claimant.name === 'NATO')!;
    expect(nato).toBeDefined();
    // A moderator retracts the figure: the next answer must not show it.
    expect(app.service.retract(nato.claimId!, 'test: misattributed', { actor: 'test' }).ok).toBe(true);
    const after = app.asker.ask(question);
    expect(after).not.toBe(first);
    expect(answerFigures(after).some((f) => f.claimId === nato.claimId)).toBe(false);
    app.close();
  });

  it('answers again when the day turns, for questions relative to today', () => {
    let now = new Date('2026-11-23T23:59:00Z');
    const app = openApp({ databasePath: ':memory:', clock: () => now });
    const question = 'Russian losses in the past week';
    const before = app.asker.ask(question);
    expect(app.asker.ask(question)).toBe(before);
    now = new Date('2026-11-24T00:01:00Z');
    expect(app.asker.ask(question)).not.toBe(before);
    app.close();
  });
});
