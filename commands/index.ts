// Every command the bot offers, on every platform.
import { ask } from './ask.ts';
import { claimAdd, claimEdit, claimHistory, claimRetract, claimShow } from './claim.ts';
import { claimants } from './claimants.ts';
import { digestList, digestPreview, digestSubscribe, digestUnsubscribe } from './digest.ts';
import { help } from './help.ts';
import { today } from './today.ts';
import { moderatorsAdd, moderatorsList, moderatorsRemove } from './moderators.ts';
import type { CommandDefinition } from './types.ts';

export const COMMANDS: readonly CommandDefinition[] = [ask, claimAdd, claimEdit, claimRetract, claimShow, claimHistory, claimants, digestSubscribe, digestUnsubscribe, digestList, digestPreview, moderatorsAdd, moderatorsRemove, moderatorsList, today, help] as unknown as CommandDefinition[];

export function findCommand(path: readonly string[]): CommandDefinition | undefined {
  return COMMANDS.find((c) => c.path.length === path.length && c.path.every((p, i) => p === path[i]));
}

export { Confirmations, runCommand, refusal, replyDoc, isPrivateReply, encodeMore, decodeMore } from './run.ts';
export { optionSpecs, coerceOption, type OptionSpec } from './options.ts';
export type { Actor, Audience, CommandDefinition, CommandServices, Reply } from './types.ts';
export type { CommandServices as Ports, ClaimsPort, ClaimsReadPort, AskPort, DigestsPort, AccessPort } from './ports.ts';
export { allowed, authorOf } from './types.ts';
export { QuestionLimiter, type RateLimits, type Admission } from './rate-limit.ts';
