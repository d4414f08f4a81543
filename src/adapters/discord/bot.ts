// The Discord adapter: who is asking, with what; the commands decide, the renderer speaks Discord.
import {
  ActionRowBuilder,
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
} from 'discord.js';
import { COMMANDS, Confirmations, decodeMore, encodeMore, findCommand, refusal, type Actor, type Audience, type CommandDefinition, type CommandServices, type QuestionLimiter, type Reply } from '../../../commands/index.ts';
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
  services: CommandServices;
  logger: Logger;
  /** In place of https://discord.com/api: a proxy, or the tests' fake Discord. */
  apiBase?: string;
  /** Limits on commands, questions and button presses per user and per channel; none when absent. */
  limiter?: QuestionLimiter;
  /** Where the adapter reports its connection state; a fatal report ends the process. */
  status?: PartReporter | undefined;
}

export interface DiscordBot {
  client: Client;
  /** Stops taking events and closes the gateway connection. */
  stop(): Promise<void>;
}

const CONFIRM = 'confirm:';
const CANCEL = 'cancel:';

/**
 * The gateway intents the bot asks for. No privileged Message Content: messages that mention the
 * bot and direct messages carry their content without it, and those are the only ones it reads.
 */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { services, logger } = options;
  const access = services.access;
  const confirmations = new Confirmations();
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

  /** The member's roles in the home server: from the interaction there, asked of Discord elsewhere. */
  async function homeRoles(interaction: Interaction, ask: boolean): Promise<string[]> {
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

  /** Who is asking, with the rights the command's audience needs, decided by services.access. */
  async function actorOf(interaction: Interaction, audience: Audience): Promise<Actor> {
    const user = interaction.user;
    const inGuild = interaction.inGuild();
    const needsRights = audience !== 'everyone';
    const roles = await homeRoles(interaction, needsRights && audience !== 'owners');
    const isModerator = access.isNamedModerator('discord', user.id) || roles.some((r) => access.config.discordModeratorRoleIds.includes(r));
    const inBotDm = !inGuild && (interaction.context === InteractionContextType.BotDM || interaction.channel?.type === ChannelType.DM);
    return {
      platform: 'discord',
      id: user.id,
      name: user.globalName ?? user.username,
      isModerator,
      isOwner: access.isOwner('discord', user.id),
      // Manage Channels on this very channel (the interaction's permissions include its overwrites), or one's own DM.
      managesChat: inGuild ? Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) : inBotDm,
      chatId: interaction.channelId,
      serverId: interaction.guildId ?? null,
    };
  }

  /** Over a limit: a slash command must be answered, so it is told privately; nobody else sees it. */
  function limited(actor: Actor): Reply | null {
    const admission = options.limiter?.admit(actor) ?? { kind: 'answer' as const };
    if (admission.kind === 'answer') return null;
    return refusal(admission.kind === 'warn' ? admission.message : 'Still too many requests; please wait a little.');
  }

  function components(reply: Reply, command: CommandDefinition | null, token: string | null) {
    if (token) {
      return [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId(`${CONFIRM}${token}`).setLabel('Confirm').setStyle(ButtonStyle.Success),
          new ButtonBuilder().setCustomId(`${CANCEL}${token}`).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
        ),
      ];
    }
    const more = reply.kind === 'doc' && reply.more && command ? encodeMore(command, reply.more, 100) : null;
    return more ? [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(more).setLabel('More').setStyle(ButtonStyle.Secondary))] : [];
  }

  async function send(interaction: ChatInputCommandInteraction | ButtonInteraction, reply: Reply, command: CommandDefinition | null, token: string | null, mode: 'reply' | 'update' | 'private' = 'reply'): Promise<void> {
    const [first, ...rest] = replyToMessages(reply);
    if (!first) return;
    const buttons = components(reply, command, token);
    const payload = (m: DiscordMessage) => ({
      content: m.content ?? '',
      embeds: m.embeds ?? [],
      allowedMentions: { parse: [] },
      ...(m.ephemeral || mode === 'private' ? { flags: MessageFlags.Ephemeral as const } : {}),
    });
    if (mode === 'update' && interaction.isButton()) {
      // The preview is replaced by the outcome; its buttons go away. Further pages follow.
      await interaction.update({ content: first.content ?? '', embeds: first.embeds ?? [], components: rest.length ? [] : buttons, allowedMentions: { parse: [] } });
    } else await interaction.reply({ ...payload(first), components: rest.length ? [] : buttons });
    for (const [i, m] of rest.entries()) await interaction.followUp({ ...payload(m), components: i === rest.length - 1 ? buttons : [] });
  }

  /** "/claim add" -> the claim add definition. */
  const commandOf = (interaction: ChatInputCommandInteraction | AutocompleteInteraction) => {
    const sub = interaction.options.getSubcommand(false);
    return findCommand(sub ? [interaction.commandName, sub] : [interaction.commandName]);
  };

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = commandOf(interaction);
    if (!command) {
      await send(interaction, refusal('I do not know that command; try /help.'), null, null);
      return;
    }
    const actor = await actorOf(interaction, command.audience);
    const over = limited(actor);
    if (over) return send(interaction, over, null, null);
    const data = interaction.options.data;
    const fields = data.length === 1 && data[0]!.options ? data[0]!.options : data;
    const raw = Object.fromEntries(fields.map((o) => [o.name, o.value]));
    // Users picked in a user option come with their names.
    const userNames = Object.fromEntries(fields.flatMap((o) => (o.user ? [[o.user.id, o.user.globalName ?? o.user.username]] : [])));
    const { reply, token } = confirmations.run(command, raw, actor, services, { logger, userNames });
    await send(interaction, reply, command, token);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const id = interaction.customId;
    const more = decodeMore(id, COMMANDS);
    if (more) {
      // The next page of a long list, for whoever pressed it, privately; rights checked again.
      const actor = await actorOf(interaction, more.command.audience);
      const over = limited(actor);
      if (over) return send(interaction, over, null, null);
      const { reply } = confirmations.run(more.command, more.options, actor, services, { logger });
      return send(interaction, reply, more.command, null, 'private');
    }
    const isConfirm = id.startsWith(CONFIRM);
    if (!isConfirm && !id.startsWith(CANCEL)) return;
    const token = id.slice((isConfirm ? CONFIRM : CANCEL).length);
    const pending = confirmations.commandFor(token);
    const actor = await actorOf(interaction, pending?.audience ?? 'everyone');
    const over = limited(actor);
    if (over) return send(interaction, over, null, null);
    const result = isConfirm ? confirmations.confirm(token, actor, services, { logger }) : confirmations.cancel(token, actor);
    // Someone else's button, or an expired one: tell them privately and leave the preview alone.
    if (!result.ok) await send(interaction, result.reply, null, null);
    else await send(interaction, result.reply, pending, null, 'update');
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commandOf(interaction);
    const focused = interaction.options.getFocused(true);
    const source = command?.autocomplete?.[focused.name];
    await interaction.respond(source ? source(services, String(focused.value)).slice(0, 25) : []);
  }

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const handle = interaction.isChatInputCommand()
      ? onCommand(interaction)
      : interaction.isButton()
        ? onButton(interaction)
        : interaction.isAutocomplete()
          ? onAutocomplete(interaction)
          : Promise.resolve();
    handle.catch((err: unknown) => logger.error({ err, interaction: interaction.id }, 'discord interaction failed'));
  });

  client.on(Events.MessageCreate, (message) => {
    if (stopping) return;
    onMessage(message).catch((err: unknown) => logger.error({ err, message: message.id }, 'discord message failed'));
  });

  async function onMessage(message: Message): Promise<void> {
    if (message.author.bot || !client.user) return;
    // The bot's own mention, or its managed role's (what Discord inserts when the bot is picked from a role list).
    const botRole = message.inGuild() ? message.guild.roles.botRoleFor(client.user) : null;
    const mentioned = message.mentions.users.has(client.user.id) || (botRole !== null && message.mentions.roles.has(botRole.id));
    if (message.inGuild() && !mentioned) return;
    // The question is the message without the bot's mentions.
    let question = message.content.replace(new RegExp(`<@!?${client.user.id}>`, 'g'), ' ');
    if (botRole) question = question.replace(new RegExp(`<@&${botRole.id}>`, 'g'), ' ');
    question = question.trim();
    const command = findCommand(question ? ['ask'] : ['help'])!;
    const actor: Actor = { platform: 'discord', id: message.author.id, name: message.author.globalName ?? message.author.username, isModerator: false, chatId: message.channelId, serverId: message.guildId };
    const admission = options.limiter?.admit(actor) ?? { kind: 'answer' };
    if (admission.kind === 'silent') return;
    if (admission.kind === 'warn') {
      await message.reply({ content: admission.message, allowedMentions: { parse: [], repliedUser: false } });
      return;
    }
    const reply: Reply = confirmations.run(command, question ? { question } : {}, actor, services, { logger }).reply;
    for (const [i, m] of replyToMessages(reply).entries()) {
      const payload = { content: m.content ?? '', embeds: m.embeds ?? [], allowedMentions: { parse: [], repliedUser: false } };
      if (i === 0) await message.reply(payload);
      else if (message.channel.isSendable()) await message.channel.send(payload);
    }
  }

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
