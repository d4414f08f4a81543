import { z } from 'zod';
import { bold, doc, item, text } from '../src/core/doc.ts';
import { defineCommand } from './types.ts';

export const claimants = defineCommand({
  path: ['claimants'],
  description: 'Who claims the figures I hold, with the names you can use for them',
  options: z.object({}),
  audience: 'everyone',
  run: (_input, { services }) => {
    const dir = services.service.directory();
    const blocks = [...dir.claimants]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => {
        const side = c.party ? dir.party(c.party)?.name : null;
        return item(bold(c.name), text(` (${c.kind.replace(/_/g, ' ')}${side ? `, ${side}` : ''})${c.aliases.length ? `: also ${c.aliases.join(', ')}` : ''}`));
      });
    return { kind: 'doc', private: false, doc: doc('Claimants', blocks) };
  },
});
