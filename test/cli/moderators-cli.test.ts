// The operator's moderators command line, and --actor recorded as the operator's word.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { runCli } from '../../src/adapters/cli/main.ts';
import { tempDir } from '../helpers.ts';

function cli(dbPath: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { DATABASE_PATH: dbPath, LOSSBOT_OWNERS: 'telegram:1' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('moderators command line', () => {
  it('adds, lists and removes moderators, logging who did it, and refuses bad input', () => {
    const { dir, cleanup } = tempDir();
    const db = join(dir, 'mods.db');
    expect(cli(db, 'moderators', 'add', 'discord:123456789012345678', '--name', 'Jane Doe', '--reason', 'editor', '--actor', 'Ops Lead')).toMatchObject({ code: 0, out: expect.stringMatching(/Jane Doe \(discord:123456789012345678\) is now a claim moderator/) });
    expect(cli(db, 'moderators', 'add', 'discord:123456789012345678', '--name', 'Jane Doe').out).toMatch(/already/);
    expect(cli(db, 'moderators', 'add', 'telegram:1', '--name', 'Owner')).toMatchObject({ code: 1 });
    expect(cli(db, 'moderators', 'add', 'discord:abc', '--name', 'x').code).toBe(2);
    expect(cli(db, 'moderators', 'add', 'discord:1').code).toBe(2);
    const list = cli(db, 'moderators', 'list', '--log');
    expect(list.out).toMatch(/Owners \(LOSSBOT_OWNERS\): telegram:1/);
    expect(list.out).toMatch(/discord:123456789012345678 Jane Doe/);
    expect(list.out).toMatch(/grant discord:123456789012345678 Jane Doe by Ops Lead \(command line user .*, name given by the operator\): editor/);
    expect(cli(db, 'moderators', 'remove', 'discord:123456789012345678')).toMatchObject({ code: 0, out: expect.stringMatching(/no longer/) });
    expect(cli(db, 'moderators', 'remove', 'discord:123456789012345678').code).toBe(1);
    expect(cli(db, 'moderators', 'list').out).toMatch(/Moderators \(0\)/);
    cleanup();
  });

  it('records a claim write with --actor as given by the operator, beside the system user', () => {
    const { dir, cleanup } = tempDir();
    const db = join(dir, 'actor.db');
    const added = cli(db, 'claims', 'add', '--claimant', 'NATO', '--subject', 'Russia', '--metric', 'captured', '--value', '1,234', '--as-of', '2024-01-31', '--actor', 'Jane from the desk');
    expect(added.code, added.err).toBe(0);
    const row = new Database(db, { readonly: true }).prepare("SELECT actor, actor_platform, actor_name, actor_operator_given, actor_origin FROM audit_log WHERE action = 'add' ORDER BY id DESC LIMIT 1").get();
    expect(row).toMatchObject({ actor: 'Jane from the desk', actor_platform: 'cli', actor_name: 'Jane from the desk', actor_operator_given: 1, actor_origin: expect.stringMatching(/^command line on /) });
    const id = /#(\d+)/.exec(added.out)![1]!;
    expect(cli(db, 'claims', 'history', id).out).toMatch(/by Jane from the desk \(command line user .*\) from command line on .*; the name was given by the operator/);
    cleanup();
  });
});
