// The Discord adapter: turns interactions and mentions into the chain's incoming events, and its
// neutral replies into Discord messages. The chain decides; the renderer speaks Discord.
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  InteractionContextType,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  Routes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type User,
  type APIEmbed,
} from 'discord.js';
import { renderChartPng } from '../../charts/render.ts';
import { COMMANDS, optionSpecs, type CommandDefinition, type QuestionLimiter } from '../../../commands/index.ts';
import { chainFor, type AdapterServices, type Chain, type Incoming, type Outgoing } from '../../chain/index.ts';
import type { Logger } from '../../log.ts';
import type { PartReporter } from '../../service/supervisor.ts';
import { DeliveryError } from '../../digest/scheduler.ts';
import { docToEmbeds, replyToMessages, type DiscordMessage } from './render.ts';

/** Unknown Channel, Missing Access, Missing Permissions: retrying will not help. */
const PERMANENT_CODES = new Set([10003, 50001, 50013]);

function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DiscordAPIError) {
    const permanent = PERMANENT_CODES.has(Number(err.code)) || err.status === 403 || err.status === 404;
    return new DeliveryError(`Discord refused: ${err.message} (${err.status})`, permanent);
  }
  return new DeliveryError(err instanceof Error ? err.message : String(err), false);
}

export interface DiscordBotOptions {
  token: string;
  /** Claims, digests, and who may change them (services.access: owners, moderators, the home server's roles). */
  services: AdapterServices;
  logger: Logger;
  /** In place of https://discord.com/api: a proxy, or the tests' fake Discord. */
  apiBase?: string;
  /** Limits on commands, questions and button presses per user and per channel; none when absent. */
  limiter?: QuestionLimiter;
  /** Where the adapter reports its connection state; a fatal report ends the process. */
  status?: PartReporter | undefined;
  /**
   * A reply not ready this long after an interaction is deferred ("thinking…") and sent as an edit
   * when it is: Discord drops an interaction not acknowledged within 3 s. Default 2,000 ms.
   */
  deferAfterMs?: number;
}

export interface DiscordBot {
  client: Client;
  /** Stops taking events and closes the gateway connection. */
  stop(): Promise<void>;
}

/**
 * The gateway intents the bot asks for. No privileged Message Content: messages that mention the
 * bot and direct messages carry their content without it, and those are the only ones it reads.
 */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

const PLATFORM = 'discord';
/** About this much text a page: a long answer is paged in one embed (4096 characters of description). */
const PAGE_CHARS = 3000;
const nameOf = (user: User) => user.globalName ?? user.username;
const usage = (c: CommandDefinition) => `/${c.path.join(' ')} ${optionSpecs(c).filter((s) => s.required).map((s) => s.name).join(' ')}`.trim();

/** The member's roles in the home server: from the interaction there, asked of Discord elsewhere. */
async function homeRoles(client: Client, access: AdapterServices['access'], interaction: Interaction, ask: boolean, logger: Logger): Promise<string[]> {
  const home = access.config.discordHomeGuildId;
  if (!home || !access.config.discordModeratorRoleIds.length) return [];
  if (interaction.guildId === home) {
    const roles = interaction.member?.roles;
    return Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  }
  if (!ask) return [];
  try {
    const member = (await client.rest.get(Routes.guildMember(home, interaction.user.id))) as { roles?: unknown };
    return Array.isArray(member.roles) ? member.roles.filter((r): r is string => typeof r === 'string') : [];
  } catch (err) {
    // Not a member of the home server (404), or Discord unreachable: no role-based rights.
    if (!(err instanceof DiscordAPIError && err.status === 404)) logger.warn({ err }, 'could not read the home server member');
    return [];
  }
}

/** An interaction as the chain's incoming event: who, where, and the rights Discord and services.access give. */
function incomingFromInteraction(client: Client, services: AdapterServices, logger: Logger, interaction: ChatInputCommandInteraction | ButtonInteraction, input: Incoming['input'], userNames: Record<string, string> = {}): Incoming {
  const { access } = services;
  const user = interaction.user;
  const inGuild = interaction.inGuild();
  return {
    platform: PLATFORM,
    user: { id: user.id, name: nameOf(user) },
    chatId: interaction.channelId,
    serverId: interaction.guildId ?? null,
    origin: interaction.guildId ? `discord server ${interaction.guildId} channel ${interaction.channelId}` : `discord direct message ${interaction.channelId ?? ''}`.trim(),
    locale: interaction.locale,
    input,
    userNames,
    buttonBytes: 100,
    pageChars: PAGE_CHARS,
    usage,
    rights: async (audience) => {
      const roles = await homeRoles(client, access, interaction, audience !== 'everyone' && audience !== 'owners', logger);
      const inBotDm = !inGuild && (interaction.context === InteractionContextType.BotDM || interaction.channel?.type === ChannelType.DM);
      return {
        isModerator: access.isNamedModerator(PLATFORM, user.id) || roles.some((r) => access.config.discordModeratorRoleIds.includes(r)),
        isOwner: access.isOwner(PLATFORM, user.id),
        // Manage Channels on this very channel (the interaction's permissions include its overwrites), or one's own DM.
        managesChat: inGuild ? Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) : inBotDm,
      };
    },
  };
}

/** A message that mentions the bot (or its managed role), or a direct message: the question in it. */
function incomingFromMessage(client: Client, services: AdapterServices, message: Message): Incoming | null {
  if (message.author.bot || !client.user) return null;
  const botRole = message.inGuild() ? message.guild.roles.botRoleFor(client.user) : null;
  const mentioned = message.mentions.users.has(client.user.id) || (botRole !== null && message.mentions.roles.has(botRole.id));
  if (message.inGuild() && !mentioned) return null;
  let text = message.content.replace(new RegExp(`<@!?${client.user.id}>`, 'g'), ' ');
  if (botRole) text = text.replace(new RegExp(`<@&${botRole.id}>`, 'g'), ' ');
  return {
    platform: PLATFORM,
    user: { id: message.author.id, name: nameOf(message.author) },
    chatId: message.channelId,
    serverId: message.guildId,
    origin: message.guildId ? `discord server ${message.guildId} channel ${message.channelId}` : `discord direct message ${message.channelId}`,
    // A mention carries no language of the asker's (a server's preferred locale is not theirs): the question's.
    locale: '',
    input: { kind: 'text', text },
    buttonBytes: 100,
    pageChars: PAGE_CHARS,
    usage,
    rights: () => ({ isModerator: services.access.isNamedModerator(PLATFORM, message.author.id) }),
  };
}

/** "/claim add" with its options -> the chain's command event; users picked in a user option come with their names. */
function commandInput(interaction: ChatInputCommandInteraction): { input: Incoming['input']; userNames: Record<string, string> } {
  const sub = interaction.options.getSubcommand(false);
  const data = interaction.options.data;
  const fields = data.length === 1 && data[0]!.options ? data[0]!.options : data;
  return {
    input: { kind: 'command', path: sub ? [interaction.commandName, sub] : [interaction.commandName], options: Object.fromEntries(fields.map((o) => [o.name, o.value])) },
    userNames: Object.fromEntries(fields.flatMap((o) => (o.user ? [[o.user.id, nameOf(o.user)]] : []))),
  };
}

function components(out: Outgoing) {
  if (!out.buttons.length) return [];
  const style = { primary: ButtonStyle.Success, secondary: ButtonStyle.Secondary } as const;
  // One row per group (pages above the views), at most five buttons a row as Discord allows.
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  let last: number | null = null;
  for (const b of out.buttons) {
    const group = b.row ?? 0;
    if (group !== last || rows.at(-1)!.components.length >= 5) rows.push(new ActionRowBuilder<ButtonBuilder>());
    last = group;
    rows.at(-1)!.addComponents(new ButtonBuilder().setCustomId(b.data).setLabel(b.label).setStyle(style[b.style]));
  }
  return rows.slice(0, 5);
}

/** A chart reply as a message: the PNG (dark theme, as Discord's default) attached and shown in the embed of its caption. */
async function chartMessage(reply: Extract<Outgoing['reply'], { kind: 'chart' }>): Promise<{ embeds: APIEmbed[]; files: AttachmentBuilder[] }> {
  const png = await renderChartPng({ ...reply.chart, theme: 'dark' });
  const embeds = docToEmbeds(reply.doc).slice(0, 10);
  embeds[embeds.length - 1] = { ...embeds[embeds.length - 1], image: { url: 'attachment://chart.png' } };
  return { embeds, files: [new AttachmentBuilder(png, { name: 'chart.png', description: reply.doc.blocks.length ? clip(reply.chart.title, 1000) : 'chart' })] };
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** The neutral reply as Discord messages: every interaction is answered, privately where the reply is private. */
async function deliverToInteraction(interaction: ChatInputCommandInteraction | ButtonInteraction, out: Outgoing): Promise<void> {
  if (out.reply.kind === 'chart' && out.placement === 'reply') {
    await interaction.reply({ ...(await chartMessage(out.reply)), components: components(out), allowedMentions: { parse: [] } });
    return;
  }
  const [first, ...rest] = replyToMessages(out.reply);
  if (!first) return;
  const buttons = components(out);
  const payload = (m: DiscordMessage) => ({
    content: m.content ?? '',
    embeds: m.embeds ?? [],
    allowedMentions: { parse: [] },
    ...(m.ephemeral || out.placement === 'page' || out.placement === 'alert' ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
  if (out.placement === 'replace' && interaction.isButton()) {
    // The preview is replaced by the outcome; its buttons go away. Further pages follow.
    await interaction.update({ content: first.content ?? '', embeds: first.embeds ?? [], components: rest.length ? [] : buttons, allowedMentions: { parse: [] } });
  } else await interaction.reply({ ...payload(first), components: rest.length ? [] : buttons });
  for (const [i, m] of rest.entries()) await interaction.followUp({ ...payload(m), components: i === rest.length - 1 ? buttons : [] });
}

const DEFER_AFTER_MS = 2000;

/**
 * Sends the chain's reply to an interaction. One still being composed after `deferAfterMs` (a burst
 * of questions, a first chart) is acknowledged first, so Discord's 3 s window never lapses: a
 * command with a "thinking…" message the reply then replaces, a button silently (the reply then
 * edits the message the button is on, or follows it).
 */
async function answerInteraction(interaction: ChatInputCommandInteraction | ButtonInteraction, outcome: Outgoing | null | Promise<Outgoing | null>, deferAfterMs: number): Promise<void> {
  if (!(outcome instanceof Promise)) return outcome ? deliverToInteraction(interaction, outcome) : undefined;
  // Settles with the failure instead of rejecting, so a deferral Discord refuses while the reply is
  // still being composed is never an unhandled rejection.
  let deferred: Promise<Error | null> | null = null;
  const timer = setTimeout(() => {
    const ack = interaction.isButton() ? interaction.deferUpdate() : interaction.deferReply();
    deferred = ack.then(
      () => null,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
  }, deferAfterMs);
  let out: Outgoing | null;
  try {
    out = await outcome;
  } finally {
    clearTimeout(timer);
  }
  if (!deferred) return out ? deliverToInteraction(interaction, out) : undefined;
  const failed = await deferred;
  if (failed) throw failed;
  if (!out) {
    if (!interaction.isButton()) await interaction.deleteReply();
    return;
  }
  return deliverDeferred(interaction, out);
}

/**
 * A reply to an interaction already acknowledged. A command: the public "thinking…" message becomes
 * the reply, or is replaced by one only the asker sees. A button: the message it is on is edited
 * (a page, a confirmed preview), or the reply follows it.
 */
async function deliverDeferred(interaction: ChatInputCommandInteraction | ButtonInteraction, out: Outgoing): Promise<void> {
  const button = interaction.isButton();
  if (out.reply.kind === 'chart') {
    const chart = { ...(await chartMessage(out.reply)), components: components(out), allowedMentions: { parse: [] } };
    await (button && out.placement !== 'replace' ? interaction.followUp(chart) : interaction.editReply(chart));
    return;
  }
  const messages = replyToMessages(out.reply);
  const buttons = components(out);
  const hidden = out.placement === 'page' || out.placement === 'alert' || messages.some((m) => m.ephemeral);
  // In place: a command's own "thinking…" message, or the message a "replace" button is on.
  const inPlace = !hidden && (!button || out.placement === 'replace');
  if (hidden && !button) await interaction.deleteReply();
  for (const [i, m] of messages.entries()) {
    const payload = { content: m.content ?? '', embeds: m.embeds ?? [], allowedMentions: { parse: [] }, components: i === messages.length - 1 ? buttons : [] };
    if (hidden) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral as const });
    else if (i === 0 && inPlace) await interaction.editReply(payload);
    else await interaction.followUp(payload);
  }
}

/** The neutral reply to a message: a reply, then the rest in the channel; nothing when quiet. */
async function deliverToMessage(message: Message, out: Outgoing): Promise<void> {
  if (out.quiet) return;
  if (out.reply.kind === 'chart') {
    await message.reply({ ...(await chartMessage(out.reply)), components: components(out), allowedMentions: { parse: [], repliedUser: false } });
    return;
  }
  const buttons = components(out);
  const messages = replyToMessages(out.reply);
  for (const [i, m] of messages.entries()) {
    const payload = { content: m.content ?? '', embeds: m.embeds ?? [], allowedMentions: { parse: [], repliedUser: false }, ...(i === messages.length - 1 ? { components: buttons } : {}) };
    if (i === 0) await message.reply(payload);
    else if (message.channel.isSendable()) await message.channel.send(payload);
  }
}

/** Autocomplete: the command's own suggestions for the focused option. */
async function autocomplete(services: AdapterServices, chain: Chain, interaction: AutocompleteInteraction): Promise<void> {
  const sub = interaction.options.getSubcommand(false);
  const path = sub ? [interaction.commandName, sub] : [interaction.commandName];
  const command = chain.commands.find((c) => c.path.join(' ') === path.join(' '));
  const focused = interaction.options.getFocused(true);
  const source = command?.autocomplete?.[focused.name];
  const typed = String(focused.value).toLowerCase();
  // A list too long for Discord's choices: its values as the user types.
  const choices = command ? (optionSpecs(command).find((s) => s.name === focused.name)?.choices ?? []) : [];
  const suggestions = source ? source(services, String(focused.value)) : choices.filter((c) => c.includes(typed.replace(/\s+/g, '_'))).map((c) => ({ name: c.replace(/_/g, ' '), value: c }));
  await interaction.respond(suggestions.slice(0, 25));
}

export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { services, logger } = options;
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const chain = chainFor(services, { limiter: options.limiter, logger });
  const client = new Client({
    intents: [...DISCORD_INTENTS],
    // As many shards as Discord recommends (one per 1,000 servers; required past 2,500), all in this
    // process; see the README for when to move to one process per group of shards.
    shards: 'auto',
    // Direct-message channels arrive uncached.
    partials: [Partials.Channel],
    // Never ping anyone, whatever a reply contains.
    allowedMentions: { parse: [], repliedUser: false },
    ...(options.apiBase ? { rest: { api: options.apiBase } } : {}),
  });
  let stopping = false;

  // Translate, dispatch, deliver: the chain decides everything in between.
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    let handle: Promise<void> = Promise.resolve();
    if (interaction.isChatInputCommand()) {
      const { input, userNames } = commandInput(interaction);
      handle = answerInteraction(interaction, chain.dispatch(incomingFromInteraction(client, services, logger, interaction, input, userNames)), deferAfterMs);
    } else if (interaction.isButton()) {
      const incoming = incomingFromInteraction(client, services, logger, interaction, { kind: 'button', data: interaction.customId });
      handle = answerInteraction(interaction, chain.dispatch(incoming), deferAfterMs);
    } else if (interaction.isAutocomplete()) handle = autocomplete(services, chain, interaction);
    handle.catch((err: unknown) => logger.error({ err, interaction: interaction.id }, 'discord interaction failed'));
  });

  client.on(Events.MessageCreate, (message) => {
    const incoming = stopping ? null : incomingFromMessage(client, services, message);
    if (!incoming) return;
    Promise.resolve(chain.dispatch(incoming))
      .then((out) => (out ? deliverToMessage(message, out) : undefined))
      .catch((err: unknown) => logger.error({ err, message: message.id }, 'discord message failed'));
  });

  // Digests: posted as embeds; a channel that is gone or forbids the bot stops its subscription.
  services.digests.setSender('discord', {
    send: async (subscription, digest) => {
      let channel;
      try {
        channel = await client.channels.fetch(subscription.chatId);
      } catch (err) {
        throw toDeliveryError(err);
      }
      if (!channel?.isSendable()) throw new DeliveryError('the channel does not exist or the bot cannot post in it', true);
      try {
        for (const embed of docToEmbeds(digest)) await channel.send({ embeds: [embed], allowedMentions: { parse: [] } });
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
  });

  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.ShardError, (err) => logger.error({ err }, 'discord gateway error'));
  // Liveness: the gateway reconnects by itself; the supervisor ends the process when it stays
  // away too long, or at once when Discord invalidates the session and it cannot resume.
  const status = options.status;
  // discord.js emits this when a shard closes and will not reconnect (e.g. 4004 bad token).
  client.on(Events.ShardDisconnect, (event) => {
    if (!stopping) status?.fatal(`the Discord gateway closed and will not reconnect (code ${event.code})`);
  });
  client.on(Events.ShardReconnecting, () => status?.report('degraded', 'gateway reconnecting'));
  client.on(Events.ShardResume, () => status?.report('ready', client.user?.tag));
  client.on(Events.ShardReady, () => status?.report('ready', client.user?.tag));
  client.on(Events.Invalidated, () => status?.fatal('Discord invalidated the session and it cannot be resumed'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  status?.report('ready', client.user?.tag);
  logger.info({ user: client.user?.tag, commands: COMMANDS.length }, 'discord connected');
  return {
    client,
    stop: async () => {
      stopping = true;
      status?.report('stopped');
      services.digests.setSender('discord', null);
      await client.destroy();
    },
  };
}
