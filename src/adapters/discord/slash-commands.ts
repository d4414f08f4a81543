// Discord slash commands generated from the definitions in commands/: one top-level command per
// first path word, subcommands for the rest ("claim add"). Discord sets visibility per top-level
// command, so a top-level command holds commands of one audience only: reads (claim_show,
// claim_history) stand apart from the claim writes, which are hidden by default.
// Every command, option and choice carries its name and description in Ukrainian and Russian
// (name_localizations, description_localizations) from the catalogues (locales/<lang>.platform.ftl);
// the English ones are the definitions' own.
import { ApplicationCommandOptionType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { COMMANDS, optionSpecs, type Audience, type CommandDefinition, type OptionSpec } from '../../../commands/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { ownAttr, ownChoice, platformKeys } from '../../i18n/platform.ts';

type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionJson = NonNullable<CommandJson['options']>[number];

const TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
} as const;

/** Discord's most choices for one option. */
export const MAX_CHOICES = 25;

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** The languages besides English, by Discord's locale codes. */
export const DISCORD_LOCALES: Readonly<Record<Exclude<Locale, 'en'>, 'uk' | 'ru'>> = { uk: 'uk', ru: 'ru' };
/** Discord's rule for command and option names (lower case where a letter has cases). */
export const DISCORD_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
export const isDiscordName = (name: string) => DISCORD_NAME.test(name) && name === name.toLocaleLowerCase();

type Localizations = { name_localizations?: Record<string, string>; description_localizations?: Record<string, string> };

/** A key's .name and .description in uk and ru, where that catalogue has them and they fit Discord's rules. */
function localized(key: string): Localizations {
  const names: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const [locale, discord] of Object.entries(DISCORD_LOCALES) as [Exclude<Locale, 'en'>, string][]) {
    const name = ownAttr(locale, key, 'name');
    const description = ownAttr(locale, key, 'description');
    if (name && isDiscordName(name)) names[discord] = name;
    if (description) descriptions[discord] = clip(description, 100);
  }
  return {
    ...(Object.keys(names).length ? { name_localizations: names } : {}),
    ...(Object.keys(descriptions).length ? { description_localizations: descriptions } : {}),
  };
}

/** A choice's name in uk and ru (1-100 characters, any case). */
function choiceLocalized(option: string, value: string): { name_localizations?: Record<string, string> } {
  const names: Record<string, string> = {};
  for (const [locale, discord] of Object.entries(DISCORD_LOCALES) as [Exclude<Locale, 'en'>, string][]) {
    const name = ownChoice(locale, option, value);
    if (name) names[discord] = clip(name, 100);
  }
  return Object.keys(names).length ? { name_localizations: names } : {};
}

function optionJson(spec: OptionSpec, path: readonly string[]): OptionJson {
  const base = { name: spec.name, description: clip(spec.description, 100), ...localized(platformKeys.option(path, spec.name)), required: spec.required };
  if (spec.type === 'string') {
    return {
      ...base,
      type: TYPES.string,
      // Discord allows 25 choices: a longer list (metrics, which grow as data) is offered as the user types.
      ...(spec.choices && spec.choices.length <= MAX_CHOICES ? { choices: spec.choices.map((c) => ({ name: c.replace(/_/g, ' '), ...choiceLocalized(spec.name, c), value: c })) } : {}),
      ...(spec.autocomplete || (spec.choices && spec.choices.length > MAX_CHOICES) ? { autocomplete: true } : {}),
      ...(spec.minLength !== null ? { min_length: Math.min(spec.minLength, 6000) } : {}),
      ...(spec.maxLength !== null ? { max_length: Math.min(spec.maxLength, 6000) } : {}),
    } as OptionJson;
  }
  if (spec.type === 'integer' || spec.type === 'number') {
    return { ...base, type: TYPES[spec.type], ...(spec.min !== null ? { min_value: spec.min } : {}), ...(spec.max !== null ? { max_value: spec.max } : {}) } as OptionJson;
  }
  return { ...base, type: TYPES[spec.type] } as OptionJson;
}

/** Required options first, as Discord requires. */
function optionsJson(command: CommandDefinition): OptionJson[] {
  const specs = optionSpecs(command);
  return [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)].map((s) => optionJson(s, command.path));
}

export const GROUP_DESCRIPTIONS: Record<string, string> = {
  claim: "Add, correct and retract claims (the bot's claim moderators)",
  digest: 'Scheduled digests of new claims in this channel (Manage Channels)',
  moderators: "Who may change claims (the bot's owners)",
};

/**
 * Who sees a command by default in a server. Claim moderators and owners are the bot's, not the
 * server's, so their commands are hidden from everyone but server administrators ("0"); a server's
 * admins may show them to a role under Server Settings -> Integrations, and moderators can always
 * use them in a direct message with the bot. Digests are for those who manage the channel. The
 * handler checks every command whatever Discord shows.
 */
const DEFAULT_PERMISSIONS: Record<Audience, string | null> = {
  everyone: null,
  chat_managers: PermissionFlagsBits.ManageChannels.toString(),
  moderators: '0',
  owners: '0',
  operator: '0',
};

export function slashCommands(commands: readonly CommandDefinition[] = COMMANDS.filter((c) => c.audience !== 'operator')): CommandJson[] {
  const byTop = new Map<string, CommandDefinition[]>();
  for (const c of commands) byTop.set(c.path[0], [...(byTop.get(c.path[0]) ?? []), c]);
  return [...byTop].map(([name, members]) => {
    const audiences = new Set(members.map((m) => m.audience));
    if (audiences.size > 1) throw new Error(`/${name} mixes audiences (${[...audiences].join(', ')}); Discord could only show or hide them together`);
    const permission = DEFAULT_PERMISSIONS[members[0]!.audience];
    const permissions = permission === null ? {} : { default_member_permissions: permission };
    // Every command works in a direct message with the bot: that is where a moderator can always write.
    if (members.length === 1 && members[0]!.path.length === 1) {
      const c = members[0]!;
      return { name, description: clip(c.description, 100), ...localized(platformKeys.command(c.path)), options: optionsJson(c), dm_permission: true, ...permissions };
    }
    return {
      name,
      description: clip(GROUP_DESCRIPTIONS[name] ?? name, 100),
      ...localized(platformKeys.group(name)),
      dm_permission: true,
      ...permissions,
      options: members.map((c) => ({ type: ApplicationCommandOptionType.Subcommand, name: c.path[1]!, description: clip(c.description, 100), ...localized(platformKeys.command(c.path)), options: optionsJson(c) }) as OptionJson),
    };
  });
}
