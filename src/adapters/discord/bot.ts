// The Discord adapter: who is asking, with what; the commands decide, the renderer speaks Discord.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from 'discord.js';
import { COMMANDS, Confirmations, findCommand, refusal, type Actor, type CommandServices, type QuestionLimiter, type Reply } from '../../../commands/index.ts';
import type { Logger } from '../../log.ts';
import { DeliveryError } from '../../digest/scheduler.ts';
import { docToEmbeds, replyToMessages, type DiscordMessage } from './render.ts';

import type { PartReporter } from '../../service/supervisor.ts';
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
  services: CommandServices;
  moderatorRoleIds: readonly string[];
  logger: Logger;
  /** In place of https://discord.com/api: a proxy, or the tests' fake Discord. */
  apiBase?: string;
  /** Limits on questions per user and per channel; none when absent. */
  limiter?: QuestionLimiter;
}

export interface DiscordBot {
  /** Where the adapter reports its connection state; a fatal report ends the process. */
  status?: PartReporter | undefined;
  client: Client;
  /** Stops taking events and closes the gateway connection. */
  stop(): Promise<void>;
}

const CONFIRM = 'confirm:';
const CANCEL = 'cancel:';

export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { services, logger } = options;
  const confirmations = new Confirmations();
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent],
    // Direct-message channels arrive uncached.
    partials: [Partials.Channel],
    // Never ping anyone, whatever a reply contains.
    allowedMentions: { parse: [], repliedUser: false },
    ...(options.apiBase ? { rest: { api: options.apiBase } } : {}),
  });
  let stopping = false;

  const actorOf = (interaction: Interaction): Actor => {
    const roles = interaction.member?.roles;
    const roleIds = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
    const isModerator =
      interaction.inGuild() && (Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages)) || roleIds.some((r) => options.moderatorRoleIds.includes(r)));
    return { platform: 'discord', id: interaction.user.id, name: interaction.user.username, isModerator, chatId: interaction.channelId };
  };

  async function send(interaction: ChatInputCommandInteraction | ButtonInteraction, messages: DiscordMessage[], token: string | null, update = false): Promise<void> {
    const [first, ...rest] = messages;
    if (!first) return;
    const components = token
      ? [new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId(`${CONFIRM}${token}`).setLabel('Confirm').setStyle(ButtonStyle.Success),
          new ButtonBuilder().setCustomId(`${CANCEL}${token}`).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
        )]
      : [];
    const payload = (m: DiscordMessage) => ({
      content: m.content ?? '',
      embeds: m.embeds ?? [],
      allowedMentions: { parse: [] },
      ...(m.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
    });
    if (update && interaction.isButton()) {
      // The preview is replaced by the outcome; its buttons go away. Further pages follow.
      await interaction.update({ content: first.content ?? '', embeds: first.embeds ?? [], components: [], allowedMentions: { parse: [] } });
    } else await interaction.reply({ ...payload(first), components: rest.length ? [] : components });
    for (const [i, m] of rest.entries()) await interaction.followUp({ ...payload(m), components: i === rest.length - 1 ? components : [] });
  }

  /** "/claim add" -> the claim add definition. */
  const commandOf = (interaction: ChatInputCommandInteraction | AutocompleteInteraction) => {
    const sub = interaction.options.getSubcommand(false);
    return findCommand(sub ? [interaction.commandName, sub] : [interaction.commandName]);
  };

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = commandOf(interaction);
    const actor = actorOf(interaction);
    if (!command) {
      await send(interaction, replyToMessages(refusal('I do not know that command; try /help.')), null);
      return;
    }
    if (command.path[0] === 'ask' && options.limiter) {
      const admission = options.limiter.admit(actor);
      // A slash command must be acknowledged, so an over-limit one is told privately every time;
      // nobody else in the channel sees it.
      if (admission.kind !== 'answer') {
        await send(interaction, replyToMessages(refusal(admission.kind === 'warn' ? admission.message : 'Still too many questions; please wait a little.')), null);
        return;
      }
    }
    const data = interaction.options.data;
    const fields = data.length === 1 && data[0]!.options ? data[0]!.options : data;
    const raw = Object.fromEntries(fields.map((o) => [o.name, o.value]));
    const { reply, token } = confirmations.run(command, raw, actor, services, { logger });
    await send(interaction, replyToMessages(reply), token);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const id = interaction.customId;
    const actor = actorOf(interaction);
    const result = id.startsWith(CONFIRM)
      ? confirmations.confirm(id.slice(CONFIRM.length), actor, services, { logger })
      : id.startsWith(CANCEL)
        ? confirmations.cancel(id.slice(CANCEL.length), actor)
        : null;
    if (!result) return;
    // Someone else's button, or an expired one: tell them privately and leave the preview alone.
    if (!result.ok) await send(interaction, replyToMessages(result.reply), null);
    else await send(interaction, replyToMessages(result.reply), null, true);
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
    const mentioned = message.mentions.users.has(client.user.id);
    if (message.inGuild() && !mentioned) return;
    // The question is the message without the bot's mention.
    const question = message.content.replace(new RegExp(`<@!?${client.user.id}>`, 'g'), ' ').trim();
    const command = findCommand(['ask'])!;
    const actor: Actor = { platform: 'discord', id: message.author.id, name: message.author.username, isModerator: false, chatId: message.channelId };
    const admission = options.limiter?.admit(actor) ?? { kind: 'answer' };
    if (admission.kind === 'silent') return;
    if (admission.kind === 'warn') {
      await message.reply({ content: admission.message, allowedMentions: { parse: [], repliedUser: false } });
      return;
    }
    const reply: Reply = question
      ? confirmations.run(command, { question }, actor, services, { logger }).reply
      : confirmations.run(findCommand(['help'])!, {}, actor, services, { logger }).reply;
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

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  logger.info({ user: client.user?.tag, commands: COMMANDS.length }, 'discord connected');
  return {
    client,
    stop: async () => {
      stopping = true;
      services.digests.setSender('discord', null);
      await client.destroy();
    },
  };
}
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
  status?.report('ready', client.user?.tag);
      status?.report('stopped');
