// A chat in the terminal on the embedded database: type a question, read the answer.
import { createInterface } from 'node:readline';
import { hostname } from 'node:os';
import { COMMANDS } from '../../../commands/index.ts';
import type { App } from '../../app.ts';
import { createChain } from '../../chain/index.ts';
import { HELP_TEXT } from '../../core/answer/compose.ts';
import { renderAnswerText } from '../../core/answer/render-text.ts';
import { docToPlainText } from '../../core/doc.ts';
import { cliUsage, osUser } from './chain-cli.ts';

export async function runConsoleChat(app: App, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const interactive = 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY);
  // A line is free text on the chain, as a private message is on Telegram.
  const chain = createChain({ commands: COMMANDS.filter((c) => c.audience !== 'operator'), services: app });
  const answer = async (text: string) => {
    const out = await chain.dispatch({ platform: 'console', user: { id: osUser(), name: osUser() }, chatId: null, origin: `console chat on ${hostname()}`, locale: '', input: { kind: 'text', text }, buttonBytes: 1000, usage: cliUsage, rights: () => ({ isModerator: false }) });
    if (!out || out.quiet) return '';
    return out.reply.kind === 'answer' ? renderAnswerText(out.reply.answer) : docToPlainText(out.reply.doc);
  };
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  output.write(`lossbot console chat. No chat token is configured, so questions are answered here.\n${HELP_TEXT}\nType "quit" to leave.\n`);
  if (interactive) lines.setPrompt('you> ');
  if (interactive) lines.prompt();
  for await (const line of lines) {
    const question = line.trim();
    if (question === 'quit' || question === 'exit') break;
    if (question) output.write(`\n${await answer(question)}\n\n`);
    if (interactive) lines.prompt();
  }
  lines.close();
}
