// The one encoding of button data, for every platform: Confirm and Cancel carry a preview's token,
// More carries a command and its next page's options. Adapters pass the data through untouched.
import { coerceOption, optionSpecs } from '../../commands/options.ts';
import type { CommandDefinition } from '../../commands/types.ts';

const CONFIRM = 'confirm:';
const CANCEL = 'cancel:';
const MORE = 'm:';

export type ButtonData =
  | { kind: 'confirm'; token: string }
  | { kind: 'cancel'; token: string }
  | { kind: 'more'; command: CommandDefinition; options: Record<string, unknown> };

export const encodeConfirm = (token: string) => `${CONFIRM}${token}`;
export const encodeCancel = (token: string) => `${CANCEL}${token}`;

/** A "More" button's data: the command and its next page's options, in at most `limit` bytes. */
export function encodeMore(command: CommandDefinition, options: Record<string, string | number>, limit = 64): string | null {
  const data = `${MORE}${command.path.join('_')}?${new URLSearchParams(Object.entries(options).map(([k, v]) => [k, String(v)])).toString()}`;
  return Buffer.byteLength(data) <= limit ? data : null;
}

/** A "More" button's data back to a command and options typed as its specs say; null if not ours. */
export function decodeMore(data: string, commands: readonly CommandDefinition[]): { command: CommandDefinition; options: Record<string, unknown> } | null {
  const m = /^m:([a-z_]+)\?(.*)$/.exec(data);
  const command = m ? commands.find((c) => c.path.join('_') === m[1]) : undefined;
  if (!m || !command) return null;
  const specs = optionSpecs(command);
  const options: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(m[2]!)) {
    const spec = specs.find((s) => s.name === k);
    if (spec) options[k] = coerceOption(spec, v);
  }
  return { command, options };
}

/** Any button's data back to what it means; null for data that is not the chain's. */
export function decodeButton(data: string, commands: readonly CommandDefinition[]): ButtonData | null {
  if (data.startsWith(CONFIRM)) return { kind: 'confirm', token: data.slice(CONFIRM.length) };
  if (data.startsWith(CANCEL)) return { kind: 'cancel', token: data.slice(CANCEL.length) };
  const more = decodeMore(data, commands);
  return more ? { kind: 'more', ...more } : null;
}
