// The one encoding of button data, for every platform: Confirm and Cancel carry a preview's token,
// More carries a command and its next page's options. Adapters pass the data through untouched.
import { coerceOption, optionSpecs } from '../../commands/options.ts';
import type { AnswerAction, CommandDefinition } from '../../commands/types.ts';

const CONFIRM = 'confirm:';
const CANCEL = 'cancel:';
const MORE = 'm:';
const VIEW = 'v:';
const ACTION_CODES: Record<AnswerAction, string> = { chart: 'c', by_month: 'm', others: 'o', sources: 's' };

export type ButtonData =
  | { kind: 'confirm'; token: string }
  | { kind: 'cancel'; token: string }
  | { kind: 'more'; command: CommandDefinition; options: Record<string, unknown> }
  /** A view of an earlier reply (the chain's view store holds what it re-runs): another view, or another page. */
  | { kind: 'view'; token: string; action: AnswerAction | null; page: number | null };

/** A button asking for another view of the reply kept under `token`. */
export const encodeView = (token: string, action: AnswerAction) => `${VIEW}${token}:${ACTION_CODES[action]}`;
/** A button showing page `page` (1-based) of the reply kept under `token`. */
export const encodePage = (token: string, page: number) => `${VIEW}${token}:p${page}`;

function decodeView(data: string): ButtonData | null {
  const m = /^v:([A-Za-z0-9_-]{1,24}):(?:p(\d{1,4})|([a-z]))$/.exec(data);
  if (!m) return null;
  if (m[2] !== undefined) return { kind: 'view', token: m[1]!, action: null, page: Number(m[2]) };
  const action = (Object.keys(ACTION_CODES) as AnswerAction[]).find((a) => ACTION_CODES[a] === m[3]);
  return action ? { kind: 'view', token: m[1]!, action, page: null } : null;
}

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
  if (data.startsWith(VIEW)) return decodeView(data);
  const more = decodeMore(data, commands);
  return more ? { kind: 'more', ...more } : null;
}
