// Commands on the platforms in Ukrainian and Russian (issue 19): every Discord slash command,
// subcommand, option and choice carries name_localizations and description_localizations for uk
// and ru within Discord's rules; Telegram's menus per language_code carry translated descriptions;
// and the English catalogue (en.platform.ftl) mirrors the definitions, so a changed or added
// command shows here until it is translated.
import { describe, expect, it } from 'vitest';
import { COMMANDS, optionSpecs } from '../../commands/index.ts';
import { GROUP_DESCRIPTIONS, isDiscordName, slashCommands } from '../../src/adapters/discord/slash-commands.ts';
import { telegramCommandMenus } from '../../src/adapters/telegram/bot.ts';
import { hasMessage, t, tAttr } from '../../src/i18n/index.ts';
import { platformKeys } from '../../src/i18n/platform.ts';

type Localized = { name: string; description: string; name_localizations?: Record<string, string> | null; description_localizations?: Record<string, string> | null };
type Choice = { name: string; value: string | number; name_localizations?: Record<string, string> | null };
type Node = Localized & { type?: number; options?: Node[]; choices?: Choice[] };

const LANGUAGES = ['uk', 'ru'] as const;
const LETTERS = { uk: /[А-ЯҐЄІЇа-яґєії]/, ru: /[А-ЯЁа-яё]/ };
const SUBCOMMAND = 1;

function checkLocalized(node: Localized, where: string): void {
  expect(isDiscordName(node.name), `${where}: English name ${node.name}`).toBe(true);
  for (const lang of LANGUAGES) {
    const name = node.name_localizations?.[lang];
    const description = node.description_localizations?.[lang];
    expect(name, `${where}: name in ${lang}`).toBeTruthy();
    expect(description, `${where}: description in ${lang}`).toBeTruthy();
    // Discord: names lower case, 1-32 letters, digits, - or _; descriptions 1-100 characters.
    expect(isDiscordName(name!), `${where}: ${lang} name "${name}"`).toBe(true);
    expect(description!.length, `${where}: ${lang} description length`).toBeLessThanOrEqual(100);
    expect(description!.endsWith('…'), `${where}: ${lang} description clipped`).toBe(false);
    // Translated: in the language's letters, never the English description.
    expect(description, `${where}: ${lang} description`).not.toBe(node.description);
    expect(description!, `${where}: ${lang} description`).toMatch(LETTERS[lang]);
  }
}

/** Names unique at one level, in every language (Discord refuses a command list otherwise). */
function checkUnique(nodes: readonly Localized[], where: string): void {
  expect(new Set(nodes.map((n) => n.name)).size, `${where}: English names`).toBe(nodes.length);
  for (const lang of LANGUAGES) {
    const names = nodes.map((n) => n.name_localizations?.[lang] ?? n.name);
    expect(new Set(names).size, `${where}: ${lang} names ${names.join(', ')}`).toBe(nodes.length);
  }
}

function walkOptions(options: readonly Node[], where: string): void {
  checkUnique(options, where);
  for (const o of options) {
    const here = `${where} ${o.name}`;
    checkLocalized(o, here);
    if (o.type === SUBCOMMAND) walkOptions(o.options ?? [], here);
    for (const c of o.choices ?? []) {
      for (const lang of LANGUAGES) {
        const name = c.name_localizations?.[lang];
        expect(name, `${here} choice ${c.value} in ${lang}`).toBeTruthy();
        expect(name!.length).toBeLessThanOrEqual(100);
        expect(name!, `${here} choice ${c.value} in ${lang}`).toMatch(LETTERS[lang]);
      }
    }
  }
}

describe('Discord slash commands in Ukrainian and Russian', () => {
  const commands = slashCommands() as unknown as Node[];

  it('every command, subcommand and option has a name and a description in uk and ru within Discord\'s limits, every choice a name', () => {
    expect(commands.length).toBeGreaterThan(5);
    checkUnique(commands, 'top level');
    for (const c of commands) {
      checkLocalized(c, `/${c.name}`);
      walkOptions(c.options ?? [], `/${c.name}`);
    }
  });

  it('keeps the English names and descriptions of the definitions', () => {
    const ask = commands.find((c) => c.name === 'ask')!;
    expect(ask.description).toBe(COMMANDS.find((c) => c.path[0] === 'ask')!.description);
    expect(ask.name_localizations).toEqual({ uk: 'запитати', ru: 'спросить' });
    expect(ask.options![0]!.name).toBe('question');
    expect(ask.options![0]!.name_localizations).toEqual({ uk: 'питання', ru: 'вопрос' });
    const claim = commands.find((c) => c.name === 'claim')!;
    expect(claim.options!.map((o) => o.name).sort()).toEqual(['add', 'edit', 'retract']);
    const qualifier = claim.options!.find((o) => o.name === 'add')!.options!.find((o) => o.name === 'qualifier')!;
    expect(qualifier.choices!.find((c) => c.value === 'more_than')).toEqual({ name: 'more than', value: 'more_than', name_localizations: { uk: 'понад', ru: 'более' } });
  });
});

describe('the English platform catalogue mirrors the command definitions', () => {
  const platformCommands = COMMANDS.filter((c) => c.audience !== 'operator');

  it('names and describes every command, group, option and choice as the definitions do', () => {
    for (const c of platformCommands) {
      const key = platformKeys.command(c.path);
      expect(hasMessage('en', key), `${key} (translate it in uk.platform.ftl and ru.platform.ftl too)`).toBe(true);
      expect(tAttr('en', key, 'name')).toBe(c.path.at(-1));
      expect(tAttr('en', key, 'description'), `${key}: the definition's description changed; update the catalogues`).toBe(c.description);
      for (const o of optionSpecs(c)) {
        const okey = platformKeys.option(c.path, o.name);
        expect(hasMessage('en', okey), okey).toBe(true);
        expect(tAttr('en', okey, 'name')).toBe(o.name);
        expect(tAttr('en', okey, 'description'), `${okey}: the definition's description changed; update the catalogues`).toBe(o.description);
        for (const v of o.choices && o.choices.length <= 25 ? o.choices : []) expect(t('en', platformKeys.choice(o.name, v)), platformKeys.choice(o.name, v)).toBe(v.replace(/_/g, ' '));
      }
    }
    for (const [group, description] of Object.entries(GROUP_DESCRIPTIONS)) {
      expect(tAttr('en', platformKeys.group(group), 'name')).toBe(group);
      expect(tAttr('en', platformKeys.group(group), 'description')).toBe(description);
    }
  });
});

describe('Telegram command menus per language', () => {
  it('lists the same commands in every language, with descriptions from the catalogue', () => {
    const english = telegramCommandMenus();
    for (const lang of LANGUAGES) {
      const menus = telegramCommandMenus(undefined, lang);
      for (const audience of ['everyone', 'chatManagers', 'moderators', 'owners'] as const) {
        expect(menus[audience].map((c) => c.command)).toEqual(english[audience].map((c) => c.command));
        for (const [i, c] of menus[audience].entries()) {
          expect(c.description.length).toBeGreaterThan(0);
          expect(c.description.length).toBeLessThanOrEqual(256);
          expect(c.description).not.toBe(english[audience][i]!.description);
          expect(c.description, `${lang} /${c.command}`).toMatch(LETTERS[lang]);
        }
      }
    }
    expect(english.everyone.find((c) => c.command === 'help')!.description).toBe('What this bot does and how to ask it');
    expect(telegramCommandMenus(undefined, 'uk').everyone.find((c) => c.command === 'help')!.description).toBe('Що вміє цей бот і як його запитувати');
  });
});
