// Every command's scenarios through all three adapters: Discord (discord.js against the fake
// Discord), Telegram (grammY against the Bot API emulator) and the command line. The adapters only
// translate, so the same scenario gives the same outcome on each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, optionSpecs, type CommandDefinition } from '../../commands/index.ts';
import { OPERATOR_COMMANDS } from '../../commands/operator.ts';
import type { App } from '../../src/app.ts';
import { cliAdapter, cliCommands } from '../../src/adapters/cli/chain-cli.ts';
import { operatorAuthor } from '../../src/adapters/cli/claims-cli.ts';
import { startDiscordBot, type DiscordBot } from '../../src/adapters/discord/bot.ts';
import { startTelegramBot, type TelegramBot } from '../../src/adapters/telegram/bot.ts';
import { createLogger } from '../../src/log.ts';
import { memoryApp } from '../helpers.ts';
import { FakeDiscord, MANAGE_CHANNELS } from '../e2e/fake-discord.ts';
import { TelegramHarness } from '../e2e/telegram-harness.ts';
import { SCENARIOS, type Driver, type Scenario } from './scenarios.ts';

const DISCORD_OWNER = { id: '700000000000000042', username: 'owner' };
const TELEGRAM_OWNER = 4242;
const ACCESS = {
  owners: [{ platform: 'discord', id: DISCORD_OWNER.id }, { platform: 'telegram', id: String(TELEGRAM_OWNER) }],
  telegramModeratorIds: [],
  discordHomeGuildId: null,
  discordModeratorRoleIds: [],
  telegramModeratorChatIds: [],
};

const find = (path: readonly string[]): CommandDefinition => COMMANDS.find((c) => c.path.join(' ') === path.join(' '))!;

function discordDriver(fake: FakeDiscord): Driver {
  type Callback = { data: { content?: string; embeds?: { title?: string; description?: string }[]; components?: { components: { custom_id: string }[] }[] } };
  const member = { permissions: MANAGE_CHANNELS };
  const answer = async (id: string) => {
    const call = () => fake.calls('POST', `/interactions/${id}/`).at(0);
    await fake.waitFor(() => call() !== undefined, `the reply to ${id}`);
    return call()!.body as Callback;
  };
  const textOf = (c: Callback) => [c.data.content ?? '', ...(c.data.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n').replace(/\\([^\sA-Za-z0-9])/g, '$1');
  return {
    async run(s) {
      const specs = optionSpecs(find(s.path));
      const TYPES = { string: 3, integer: 4, number: 10, boolean: 5, user: 3 } as const;
      const options = Object.entries(s.options).map(([name, value]) => ({ name, type: TYPES[specs.find((o) => o.name === name)!.type], value }));
      const id = s.path.length === 2 ? fake.slashCommand(DISCORD_OWNER, s.path[0]!, [{ name: s.path[1]!, type: 1, options }], member) : fake.slashCommand(DISCORD_OWNER, s.path[0]!, options, member);
      const reply = await answer(id);
      const confirm = reply.data.components?.[0]?.components.find((c) => c.custom_id.startsWith('confirm:'))?.custom_id;
      return { text: textOf(reply), confirm: confirm ? async () => textOf(await answer(fake.button(DISCORD_OWNER, confirm, member))) : null };
    },
  };
}

function telegramDriver(harness: TelegramHarness, token: string): Driver {
  const client = () => harness.client(token, { userId: TELEGRAM_OWNER, chatId: TELEGRAM_OWNER, type: 'private' });
  const quote = (v: string | number | boolean) => (typeof v === 'string' && /[\s"]/.test(v) ? `"${v.replace(/"/g, '\\"')}"` : String(v));
  const settle = async (count: number) => {
    await harness.waitFor(() => harness.botMessages(TELEGRAM_OWNER).length > count, 'a reply');
    await new Promise((r) => setTimeout(r, 150));
    return harness.botMessages(TELEGRAM_OWNER).slice(count);
  };
  return {
    async run(s) {
      const before = harness.botMessages(TELEGRAM_OWNER).length;
      const text = `/${s.path.join('_')} ${Object.entries(s.options).map(([k, v]) => `${k}=${quote(v)}`).join(' ')}`.trim();
      const c = client();
      await c.sendCommand({ ...c.makeCommand(text), entities: [{ offset: 0, length: text.split(' ')[0]!.length, type: 'bot_command' }] });
      const replies = await settle(before);
      const last = replies.at(-1)!;
      const keyboard = (last.replyMarkup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard?.[0];
      const data = keyboard?.find((b) => b.text === 'Confirm')?.callback_data;
      return {
        text: replies.map((m) => m.text).join('\n'),
        confirm: data
          ? async () => {
              const press = client();
              await press.sendCallback(press.makeCallbackQuery(data, { message: { message_id: last.messageId, chat: { id: TELEGRAM_OWNER, type: 'private' } } as never }));
              return harness.waitFor(() => {
                const now = harness.botMessages(TELEGRAM_OWNER).find((m) => m.messageId === last.messageId)!;
                return now.text !== last.text && now.text;
              }, 'the preview to turn into its outcome');
            }
          : null,
      };
    },
  };
}

function commandLineDriver(app: App): Driver {
  const unavailable = async () => ({ code: 1, out: [], err: ['not in this test'] });
  const cli = cliAdapter({ ...app, operator: { author: operatorAuthor, doctor: () => ({ code: 0, out: [], err: [] }), backup: unavailable, importUaGeneralStaff: unavailable } }, cliCommands(OPERATOR_COMMANDS, COMMANDS));
  const run = async (args: string[]) => {
    const lines: string[] = [];
    await cli.run(args, { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    return lines.join('\n');
  };
  const argsOf = (s: Scenario) => [...s.path, ...Object.entries(s.options).flatMap(([k, v]) => (typeof v === 'boolean' ? (v ? [`--${k}`] : []) : [`--${k.replace(/_/g, '-')}`, String(v)]))];
  return {
    async run(s) {
      const text = await run(argsOf(s));
      return { text, confirm: /run the same command again with --yes/.test(text) ? () => run([...argsOf(s), '--yes']) : null };
    },
  };
}

function contract(name: string, driver: () => Driver, commandLine = false) {
  for (const s of SCENARIOS) {
    it(`${name}: ${s.path.join(' ')} ${JSON.stringify(s.options)}`, async () => {
      const result = await driver().run(s);
      expect(result.text).toMatch(commandLine && s.commandLine ? s.commandLine : s.expect);
      if (s.confirmed && !(commandLine && s.commandLine)) {
        if (result.confirm) expect(await result.confirm()).toMatch(s.confirmed);
        else expect(result.text).toMatch(s.confirmed);
      }
    });
  }
}

it('covers every command a chat platform offers', () => {
  const covered = new Set(SCENARIOS.map((s) => s.path.join(' ')));
  expect(COMMANDS.filter((c) => c.audience !== 'operator' && !covered.has(c.path.join(' '))).map((c) => c.path.join(' '))).toEqual([]);
});

describe('the contract through Discord', () => {
  const fake = new FakeDiscord();
  let app: App;
  let bot: DiscordBot;
  beforeAll(async () => {
    await fake.start();
    app = memoryApp(undefined, ACCESS);
    bot = await startDiscordBot({ token: 'MTAwMDAwMDAwMDAwMDAwMDAx.FakeTk.abcdefghijklmnopqrstuvwxyz0123', services: app, logger: createLogger('silent'), apiBase: fake.apiBase });
  }, 20_000);
  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    app?.close();
  });
  contract('discord', () => discordDriver(fake));
});

describe('the contract through Telegram', () => {
  const harness = new TelegramHarness();
  const token = '555555555:AAContractSuiteTokenForTestsOnly_abcdefg';
  let app: App;
  let bot: TelegramBot;
  beforeAll(async () => {
    await harness.start();
    app = memoryApp(undefined, ACCESS);
    bot = await startTelegramBot({ token, services: app, logger: createLogger('silent'), apiRoot: harness.apiRoot });
  }, 20_000);
  afterAll(async () => {
    await bot?.stop();
    await harness.stop();
    app?.close();
  });
  contract('telegram', () => telegramDriver(harness, token));
});

describe('the contract on the command line', () => {
  let app: App;
  beforeAll(() => {
    app = memoryApp(undefined, ACCESS);
  });
  afterAll(() => app?.close());
  contract('command line', () => commandLineDriver(app), true);
});
