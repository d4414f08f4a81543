// Hostile input, generated: every command's options, the renderers and the importer. Nothing
// throws out of a handler, every refusal says something, and a refused write changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS, optionSpecs, runCommand, type Actor, type Reply } from '../../commands/index.ts';
import { replyToMessages } from '../../src/adapters/discord/render.ts';
import { parseArguments } from '../../src/adapters/telegram/arguments.ts';
import { replyToHtml } from '../../src/adapters/telegram/render.ts';
import { docToPlainText } from '../../src/core/doc.ts';
import { ImportInputError, parseUaGeneralStaff } from '../../src/ingest/ua-general-staff.ts';
import { dumpDatabase, memoryApp } from '../helpers.ts';

const NASTY = [
  '@everyone', '@here', '<@&123456789012345678>', '<script>alert(1)</script>', '**bold** __u__ ~~s~~ `code` ||spoiler||',
  '<b>unclosed', '&amp; &lt; &#x27;', '\u202Eevil\u202C', 'مرحبا بالعالم', '💥🇺🇦🇷🇺👩‍👩‍👧', '\u0000\u0001\u0007\u001b[31m', "'; DROP TABLE claims; --",
  'x'.repeat(5000), '   ', '', '-1', '1e309', 'NaN', '2024-02-30', '9'.repeat(40), 'https://example.org/a?b=<c>&d="e"', 'javascript:alert(1)',
];

const hostileText = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));
const hostileValue = fc.oneof(hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

const moderator: Actor = { platform: 'telegram', id: '1', name: 'mod', isModerator: true, chatId: '-100' };
const reader: Actor = { ...moderator, id: '2', name: 'reader', isModerator: false };

function assertRendersSafely(reply: Reply): void {
  for (const m of replyToHtml(reply)) {
    expect(m.html.length).toBeLessThanOrEqual(4096);
    expect(m.html).not.toMatch(/<(?!\/?(?:b|i|code|a)\b)[a-z]/i);
  }
  for (const m of replyToMessages(reply)) {
    const text = `${m.content ?? ''}${JSON.stringify(m.embeds ?? [])}`;
    expect(text).not.toMatch(/@everyone|@here|<@&\d/);
  }
}

describe('hostile input', () => {
  it('every command, any options, as a moderator and as a reader: a reply, never a throw; refusals write nothing', () => {
    const app = memoryApp();
    const commandArb = fc.constantFrom(...COMMANDS);
    fc.assert(
      fc.property(commandArb, fc.boolean(), fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 3 }), fc.array(hostileValue, { minLength: 0, maxLength: 20 }), (command, asModerator, extra, values) => {
        const options: Record<string, unknown> = { ...extra };
        optionSpecs(command).forEach((spec, i) => {
          if (values[i] !== undefined) options[spec.name] = values[i];
        });
        const before = dumpDatabase(app.db);
        const reply = runCommand(command, options, asModerator ? moderator : reader, app);
        expect(['answer', 'doc', 'refusal', 'preview']).toContain(reply.kind);
        if (reply.kind === 'refusal' || reply.kind === 'preview') {
          expect(docToPlainText(reply.doc).trim().length).toBeGreaterThan(0);
          expect(dumpDatabase(app.db)).toBe(before);
        }
        if (!asModerator && command.audience === 'moderators') expect(reply.kind).toBe('refusal');
        assertRendersSafely(reply);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('Telegram arguments: any text parses or is refused with a message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMANDS), fc.oneof(hostileText, fc.array(fc.tuple(fc.stringMatching(/^[a-z_]{1,10}$/), hostileText), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${k}="${v.replace(/"/g, '\\"')}"`).join(' '))), (command, text) => {
        const parsed = parseArguments(command, text);
        if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('the importer refuses malformed records with ImportInputError and nothing else', () => {
    const record = fc.dictionary(fc.constantFrom('date', 'day', 'personnel', 'personnel*', 'POW', 'tank', 'APC', 'drone', 'military auto', 'greatest losses direction', 'mystery'), hostileValue, { maxKeys: 6 });
    const file = fc.oneof(fc.array(record, { maxLength: 6 }).map((r) => JSON.stringify(r)), hostileText);
    fc.assert(
      fc.property(file, file, fc.option(file, { nil: undefined }), (personnel, equipment, corrections) => {
        try {
          const parsed = parseUaGeneralStaff({ personnel: { name: 'p.json', text: personnel }, equipment: { name: 'e.json', text: equipment }, corrections: corrections === undefined ? undefined : { name: 'c.json', text: corrections } });
          for (const c of parsed.claims) expect(Number.isInteger(c.fields.low) && c.fields.low! >= 0).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportInputError);
          expect((error as Error).message).toMatch(/^(?:p|e|c)\.json/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
