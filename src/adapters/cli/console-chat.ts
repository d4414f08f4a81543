// A chat in the terminal on the embedded database: type a question, read the answer.
import { createInterface } from 'node:readline';
import type { App } from '../../app.ts';
import { HELP_TEXT } from '../../core/answer/compose.ts';
import { renderAnswerText } from '../../core/answer/render-text.ts';

export async function runConsoleChat(app: App, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const interactive = 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  output.write(`lossbot console chat. No chat token is configured, so questions are answered here.\n${HELP_TEXT}\nType "quit" to leave.\n`);
  if (interactive) lines.setPrompt('you> ');
  if (interactive) lines.prompt();
  for await (const line of lines) {
    const question = line.trim();
    if (question === 'quit' || question === 'exit') break;
    if (question) output.write(`\n${renderAnswerText(app.asker.ask(question))}\n\n`);
    if (interactive) lines.prompt();
  }
  lines.close();
}
