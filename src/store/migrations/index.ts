// Numbered migrations, applied in order; PRAGMA user_version records how many have run.
import { sql as initial } from './001_initial.ts';
import { sql as seriesKeys } from './002_series_keys.ts';
import { sql as digests } from './003_digests.ts';
import { sql as moderators } from './004_moderators.ts';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'series keys and import runs', sql: seriesKeys },
  { version: 3, name: 'digest subscriptions and deliveries', sql: digests },
  { version: 4, name: 'moderators, their log, and who made each audited change', sql: moderators },
];
