import { z } from 'zod';
import { bold, doc, item, text } from '../src/core/doc.ts';
import { t } from '../src/i18n/index.ts';
import { claimantName, partyName } from '../src/i18n/names.ts';
import { defineCommand } from './types.ts';

export const claimants = defineCommand({
  path: ['claimants'],
  description: 'Who claims the figures I hold, with the names you can use for them',
  options: z.object({}),
  audience: 'everyone',
  run: (_input, { services, locale = 'en' }) => {
    const dir = services.service.directory();
    // Names in the reader's language where the data gives them; aliases are the names people type, as they are.
    const blocks = [...dir.claimants]
      .map((c) => ({ c, name: claimantName(locale, c.id, c.name) }))
      .sort((a, b) => (locale === 'en' ? a.name.localeCompare(b.name) : a.name.localeCompare(b.name, locale)))
      .map(({ c, name }) => {
        const side = c.party ? partyName(locale, c.party, dir.party(c.party)?.name ?? c.party) : null;
        const kind = t(locale, 'claimant-kind', { kind: c.kind });
        const about = side ? t(locale, 'claimants-kind-side', { kind, side }) : t(locale, 'claimants-kind', { kind });
        return item(bold(name), text(` ${about}${c.aliases.length ? `: ${t(locale, 'claimants-aliases', { aliases: c.aliases.join(', ') })}` : ''}`));
      });
    return { kind: 'doc', private: false, doc: doc(t(locale, 'claimants-title'), blocks) };
  },
});
