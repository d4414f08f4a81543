// A digest subscription has a language (the one its digests are written in) and may carry the
// General Staff's daily card at the top of each digest. Both are new columns with defaults, so
// existing subscriptions keep working as they did: in English, without the card. ALTER TABLE ADD
// COLUMN keeps every row, index and trigger in place (no rebuild needed). The language is checked as
// a short lower-case language code, not as a list, so adding a language later needs no rebuild; the
// store reads it through zod (src/store/digest-repo.ts), which knows the languages the bot speaks.
export const sql = `
ALTER TABLE digest_subscriptions ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (length(language) BETWEEN 2 AND 3 AND language NOT GLOB '*[^a-z]*');
ALTER TABLE digest_subscriptions ADD COLUMN card INTEGER NOT NULL DEFAULT 0 CHECK (card IN (0,1));
`;
