// The contract every adapter passes: the same commands, with the same options, give the same
// outcome through Discord (the fake server), Telegram (the Bot API emulator) and the command line.
// Each scenario runs as an owner (who moderates, and manages the chat it writes in).

export interface Scenario {
  /** The command's words, as defined once in commands/. */
  path: readonly string[];
  options: Record<string, string | number | boolean>;
  /** What the reply says. */
  expect: RegExp;
  /** The command shows a preview first; after Confirm (on the command line: --yes), this. */
  confirmed?: RegExp;
  /** On the command line, where there is no chat, this instead (digests live in chats). */
  commandLine?: RegExp;
}

const addClaim = { claimant: 'UK MoD', subject: 'Russia', metric: 'killed', value: '123,456', qualifier: 'about', as_of: '2025-06-30', url: 'https://example.org/uk', publisher: 'Example News' };
const NOT_A_CHAT = /Digests are posted in a channel or chat/;

export const SCENARIOS: Scenario[] = [
  { path: ['help'], options: {}, expect: /I answer questions about losses/ },
  { path: ['ask'], options: { question: 'How many tanks has Russia lost?' }, expect: /tanks/ },
  { path: ['claimants'], options: {}, expect: /UK Ministry of Defence/ },
  { path: ['today'], options: {}, expect: /: report of |no General Staff report/ },
  { path: ['claim_show'], options: { id: 1 }, expect: /Claim #1[\s\S]*Vladimir Putin/ },
  { path: ['claim_show'], options: { id: 999999 }, expect: /There is no claim #999999/ },
  { path: ['claim_history'], options: { id: 1 }, expect: /History of claim #1/ },
  { path: ['claim', 'add'], options: addClaim, expect: /Add this claim\?/, confirmed: /Added claim #\d+/ },
  { path: ['claim', 'add'], options: { ...addClaim, value: 'lots' }, expect: /Nothing was changed[\s\S]*low \/ value/ },
  { path: ['claim', 'edit'], options: { id: 2, field: 'note', value: 'checked against the source', reason: 'a clearer note' }, expect: /Change claim #2\?/, confirmed: /Claim #2 corrected: now #\d+/ },
  { path: ['claim', 'retract'], options: { id: 3, reason: 'misattributed in the source' }, expect: /Retract claim #3\?/, confirmed: /Claim #3 retracted/ },
  { path: ['digest', 'subscribe'], options: { frequency: 'daily', time: '09:00', timezone: 'Europe/Kyiv' }, expect: /Digest subscribed[\s\S]*every day at 09:00 Europe\/Kyiv/, commandLine: NOT_A_CHAT },
  { path: ['digest', 'list'], options: {}, expect: /Digest subscription[\s\S]*Schedule/, commandLine: NOT_A_CHAT },
  { path: ['digest', 'preview'], options: {}, expect: /./, commandLine: NOT_A_CHAT },
  { path: ['digest', 'unsubscribe'], options: {}, expect: /Digests stopped for this chat/, commandLine: NOT_A_CHAT },
  { path: ['moderators', 'add'], options: { user: 'discord:424242', name: 'Jane Contract' }, expect: /Jane Contract \(discord:424242\) is now a claim moderator/ },
  { path: ['moderators', 'list'], options: {}, expect: /Owners \(LOSSBOT_OWNERS\)[\s\S]*424242/ },
  { path: ['moderators', 'remove'], options: { user: 'discord:424242' }, expect: /Remove this claim moderator\?|no longer a claim moderator/, confirmed: /no longer a claim moderator/ },
];

/** What an adapter does with one scenario: the reply's text, and a way to press Confirm under it. */
export interface Driver {
  run(scenario: Scenario): Promise<{ text: string; confirm: (() => Promise<string>) | null }>;
}
