// Commands' names and descriptions in the asker's language, for the platforms' command lists:
// Discord's name_localizations / description_localizations and Telegram's menus per language_code.
// The entries live in locales/<lang>.platform.ftl; English is each definition's own wording (the
// English catalogue mirrors it, and test/i18n/platform.test.ts checks that it does).
import { hasMessage, t, tAttr, type Locale } from './index.ts';

/** The catalogue keys of a command, a group of subcommands (Discord), an option and a choice. */
export const platformKeys = {
  command: (path: readonly string[]) => `platform-cmd-${path.join('-')}`,
  group: (name: string) => `platform-group-${name}`,
  option: (path: readonly string[], option: string) => `platform-opt-${path.join('-')}--${option}`,
  choice: (option: string, value: string) => `platform-choice-${option}--${value}`,
};

/** An entry's attribute in exactly this locale's catalogue (no English fallback), or null. */
export function ownAttr(locale: Locale, key: string, attr: 'name' | 'description'): string | null {
  if (!hasMessage(locale, key)) return null;
  const value = tAttr(locale, key, attr)?.trim();
  return value ? value : null;
}

/** A choice's name in exactly this locale's catalogue, or null. */
export function ownChoice(locale: Locale, option: string, value: string): string | null {
  const key = platformKeys.choice(option, value);
  return hasMessage(locale, key) ? t(locale, key).trim() || null : null;
}

/** A command's description in the locale; English (or an entry missing) gives the definition's. */
export function commandDescription(locale: Locale, command: { path: readonly string[]; description: string }): string {
  return (locale === 'en' ? null : ownAttr(locale, platformKeys.command(command.path), 'description')) ?? command.description;
}
