// Discord slash commands generated from the definitions in commands/: one top-level command per
// first path word, subcommands for the rest ("claim add").
import { ApplicationCommandOptionType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { COMMANDS, optionSpecs, type CommandDefinition, type OptionSpec } from '../../../commands/index.ts';

type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionJson = NonNullable<CommandJson['options']>[number];

const TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

function optionJson(spec: OptionSpec): OptionJson {
  const base = { name: spec.name, description: clip(spec.description, 100), required: spec.required };
  if (spec.type === 'string') {
    return {
      ...base,
      type: TYPES.string,
      ...(spec.choices ? { choices: spec.choices.map((c) => ({ name: c.replace(/_/g, ' '), value: c })) } : {}),
      ...(spec.autocomplete ? { autocomplete: true } : {}),
      ...(spec.minLength !== null ? { min_length: Math.min(spec.minLength, 6000) } : {}),
      ...(spec.maxLength !== null ? { max_length: Math.min(spec.maxLength, 6000) } : {}),
    } as OptionJson;
  }
  if (spec.type === 'integer' || spec.type === 'number') {
    return { ...base, type: TYPES[spec.type], ...(spec.min !== null ? { min_value: spec.min } : {}), ...(spec.max !== null ? { max_value: spec.max } : {}) } as OptionJson;
  }
  return { ...base, type: TYPES.boolean } as OptionJson;
}

/** Required options first, as Discord requires. */
function optionsJson(command: CommandDefinition): OptionJson[] {
  const specs = optionSpecs(command);
  return [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)].map(optionJson);
}

const GROUP_DESCRIPTIONS: Record<string, string> = {
  claim: 'Show, add, correct and retract claims (changes are for moderators)',
  digest: "Scheduled digests of new claims in this channel (moderators)",
};

export function slashCommands(commands: readonly CommandDefinition[] = COMMANDS): CommandJson[] {
  const byTop = new Map<string, CommandDefinition[]>();
  for (const c of commands) byTop.set(c.path[0], [...(byTop.get(c.path[0]) ?? []), c]);
  return [...byTop].map(([name, members]) => {
    // A command that can change data is hidden from members without Manage Messages by default;
    // the handler checks again, since a server's admins can change what Discord shows.
    const writes = members.some((m) => m.audience === 'moderators');
    const permissions = writes ? { default_member_permissions: PermissionFlagsBits.ManageMessages.toString() } : {};
    if (members.length === 1 && members[0]!.path.length === 1) {
      const c = members[0]!;
      return { name, description: clip(c.description, 100), options: optionsJson(c), dm_permission: true, ...permissions };
    }
    return {
      name,
      description: clip(GROUP_DESCRIPTIONS[name] ?? name, 100),
      dm_permission: !writes,
      ...permissions,
      options: members.map((c) => ({ type: ApplicationCommandOptionType.Subcommand, name: c.path[1]!, description: clip(c.description, 100), options: optionsJson(c) }) as OptionJson),
    };
  });
}
