// `npm run deploy-commands`: DISCORD_TOKEN, DISCORD_APPLICATION_ID and, for one server, DISCORD_GUILD_ID.
import { loadConfig } from '../../config.ts';
import { deployCommands } from './deploy.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) throw new Error('set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example)');
  const { count, scope } = await deployCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiBase: config.DISCORD_API_BASE,
  });
  process.stdout.write(`registered ${count} slash commands (${scope})${scope === 'global' ? '; global commands can take up to an hour to appear' : ''}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`deploy-commands failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
