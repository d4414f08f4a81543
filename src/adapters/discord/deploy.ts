// Registers the slash commands with Discord: to one server (instant, for testing) or globally.
import { REST, Routes } from 'discord.js';
import { slashCommands } from './slash-commands.ts';

export interface DeployOptions {
  token: string;
  applicationId: string;
  guildId?: string;
  apiBase?: string;
}

export async function deployCommands(options: DeployOptions): Promise<{ count: number; scope: string }> {
  const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
  const body = slashCommands();
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  // PUT replaces the whole set, so a removed command disappears too.
  const registered = (await rest.put(route, { body })) as unknown[];
  return { count: registered.length, scope: options.guildId ? `server ${options.guildId}` : 'global' };
}
