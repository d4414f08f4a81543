import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { COMMANDS, Confirmations, findCommand, optionSpecs, QuestionLimiter, runCommand, type Actor } from '../../commands/index.ts';
import { defineCommand } from '../../commands/types.ts';
import { parseArguments, usage } from '../../src/adapters/telegram/arguments.ts';
import { docToPlainText } from '../../src/core/doc.ts';
import { dumpDatabase, memoryApp } from '../helpers.ts';

const mod: Actor = { platform: 'cli', id: 'm1', name: 'mod', isModerator: true, chatId: null };
const reader: Actor = { platform: 'cli', id: 'r1', name: 'reader', isModerator: false, chatId: null };
const textOf = (r: { kind: string; doc?: unknown }) => ('doc' in r && r.doc ? docToPlainText(r.doc as never) : '');

describe('command definitions', () => {
  it('give every option a description and a type every platform offers', () => {
    for (const c of COMMANDS) expect(() => optionSpecs(c)).not.toThrow();
    expect(new Set(COMMANDS.map((c) => c.path.join(' '))).size).toBe(COMMANDS.length);
  });

  it('read Telegram key=value arguments against the option specs', () => {
    const add = findCommand(['claim', 'add'])!;
    expect(parseArguments(add, 'claimant="UK MoD" value=45,720 correction=yes note=“as said”')).toEqual({ ok: true, options: { claimant: 'UK MoD', value: '45,720', correction: true, note: 'as said' } });
    expect(parseArguments(add, 'claimant=UK MoD')).toMatchObject({ ok: false, message: expect.stringMatching(/could not read "MoD"/) });
    expect(parseArguments(add, 'colour=blue')).toMatchObject({ ok: false, message: expect.stringMatching(/^colour: not an option/) });
    expect(parseArguments(findCommand(['ask'])!, 'how many tanks? a=b')).toEqual({ ok: true, options: { question: 'how many tanks? a=b' } });
    expect(parseArguments(findCommand(['claim_show'])!, 'id=#12')).toEqual({ ok: true, options: { id: 12 } });
    expect(parseArguments(findCommand(['claim_show'])!, 'id=twelve')).toEqual({ ok: true, options: { id: 'twelve' } });
    expect(usage(findCommand(['claim', 'retract'])!)).toBe('/claim_retract id=… reason=…');
  });
});

describe('running commands', () => {
  it('refuses a non-moderator before reading the options, and writes nothing', () => {
    const app = memoryApp();
    const before = dumpDatabase(app.db);
    const reply = runCommand(findCommand(['claim', 'retract'])!, { id: 'not even valid' }, reader, app);
    expect(reply.kind).toBe('refusal');
    expect(textOf(reply)).toMatch(/Only the bot's claim moderators may use claim retract/);
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it('names each bad option', () => {
    const app = memoryApp();
    const reply = runCommand(findCommand(['claim', 'edit'])!, { id: -3, field: 'colour', value: 'x', reason: 'no' }, mod, app);
    const text = textOf(reply);
    expect(text).toMatch(/id:/);
    expect(text).toMatch(/field:/);
    expect(text).toMatch(/reason: must say why/);
  });

  it('turns a handler error into a plain refusal and logs it', () => {
    const app = memoryApp();
    const boom = defineCommand({ path: ['boom'], description: 'fails', options: z.object({}), audience: 'everyone', run: () => { throw new Error('disk on fire'); } });
    const logged: object[] = [];
    const reply = runCommand(boom, {}, reader, app, { logger: { error: (d) => logged.push(d) } });
    expect(textOf(reply)).toMatch(/Something went wrong on my side; nothing was changed/);
    expect(logged).toHaveLength(1);
  });

  it('writes a previewed claim once, only for the moderator who asked, and not after it expires', () => {
    const app = memoryApp();
    let now = 0;
    const confirmations = new Confirmations(() => now, 1000);
    const add = findCommand(['claim', 'add'])!;
    const options = { claimant: 'NATO', subject: 'Ukraine', metric: 'deserters', value: '1,000', as_of: '2025-01-01' };
    const { reply, token } = confirmations.run(add, options, mod, app);
    expect(reply.kind).toBe('preview');
    const before = app.claims.count();
    expect(confirmations.confirm(token!, { ...mod, id: 'someone-else' }, app)).toMatchObject({ ok: false });
    expect(confirmations.confirm(token!, mod, app)).toMatchObject({ ok: true, reply: { kind: 'doc' } });
    expect(app.claims.count()).toBe(before + 1);
    expect(confirmations.confirm(token!, mod, app)).toMatchObject({ ok: false });
    expect(app.claims.count()).toBe(before + 1);

    const late = confirmations.run(add, { ...options, value: '2,000', as_of: '2025-02-01' }, mod, app);
    now = 2000;
    expect(textOf(confirmations.confirm(late.token!, mod, app).reply)).toMatch(/expired/);
    expect(app.claims.count()).toBe(before + 1);
  });
});

describe('question limits', () => {
  it('answers up to the limit, warns once, then stays silent until the window has room', () => {
    let now = 0;
    const limiter = new QuestionLimiter({ perUser: 2, perChat: 3, windowMs: 60_000 }, () => now);
    const alice: Actor = { platform: 'telegram', id: 'a', name: 'a', isModerator: false, chatId: 'g' };
    const bob: Actor = { ...alice, id: 'b' };
    const carol: Actor = { ...alice, id: 'c' };
    expect([limiter.admit(alice), limiter.admit(alice)].map((a) => a.kind)).toEqual(['answer', 'answer']);
    expect(limiter.admit(alice)).toMatchObject({ kind: 'warn', message: expect.stringMatching(/at most 2 questions every 60 seconds\. Ask again in 60 s/) });
    expect(limiter.admit(alice).kind).toBe('silent');
    expect(limiter.admit(bob).kind).toBe('answer');
    // The chat has had 3 answers: the next asker in it is told once about the chat's limit.
    expect(limiter.admit(carol)).toMatchObject({ kind: 'warn', message: expect.stringMatching(/3 answers in this chat/) });
    expect(limiter.admit(carol).kind).toBe('silent');
    now = 60_001;
    expect(limiter.admit(alice).kind).toBe('answer');
    expect(limiter.admit({ ...alice, chatId: null }).kind).toBe('answer');
  });
});
