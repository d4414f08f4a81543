// Telegram has no typed options: "/claim_add claimant=\"UK MoD\" value=45,720 as_of=2024-11-05".
// The arguments are read against the command's own option specs, so the zod schema judges them.
import { coerceOption, optionSpecs, type CommandDefinition } from '../../../commands/index.ts';

export type ParsedArguments = { ok: true; options: Record<string, unknown> } | { ok: false; message: string };

const PAIR = /([A-Za-z_][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|“([^”]*)”|(\S+))/gy;

export function parseArguments(command: CommandDefinition, text: string): ParsedArguments {
  const specs = optionSpecs(command);
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, options: {} };
  // "/ask how many tanks" is the free-text option, unless the text is written as key=value pairs.
  const looksLikePairs = /^[A-Za-z_][\w-]*=/.test(trimmed);
  if (command.freeText && !looksLikePairs) return { ok: true, options: { [command.freeText]: trimmed } };
  const options: Record<string, unknown> = {};
  let i = 0;
  while (i < trimmed.length) {
    while (trimmed[i] === ' ') i++;
    if (i >= trimmed.length) break;
    PAIR.lastIndex = i;
    const m = PAIR.exec(trimmed);
    if (!m) {
      const names = specs.map((s) => s.name).join(', ');
      return { ok: false, message: `I could not read "${trimmed.slice(i, i + 40)}". Write options as name=value (quote values with spaces: note="as said"). Options: ${names || 'none'}.` };
    }
    const name = m[1]!.toLowerCase().replace(/-/g, '_');
    const spec = specs.find((s) => s.name === name);
    if (!spec) return { ok: false, message: `${name}: not an option of /${command.path.join('_')}. Options: ${specs.map((s) => s.name).join(', ') || 'none'}.` };
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4]!);
    options[name] = coerceOption(spec, value);
    i = PAIR.lastIndex;
  }
  return { ok: true, options };
}

/** The usage line for a command, shown when it is sent without its required options. */
export function usage(command: CommandDefinition): string {
  const specs = optionSpecs(command);
  const parts = specs.map((s) => {
    const hint = s.choices ? s.choices.slice(0, 6).join('|') + (s.choices.length > 6 ? '|…' : '') : s.type === 'boolean' ? 'yes|no' : '…';
    return s.required ? `${s.name}=${hint}` : `[${s.name}=${hint}]`;
  });
  return `/${command.path.join('_')} ${parts.join(' ')}`.trim();
}
