// Numbered migrations, applied in order; PRAGMA user_version records how many have run.
import { sql as initial } from './001_initial.ts';
import { sql as seriesKeys } from './002_series_keys.ts';
import { sql as digests } from './003_digests.ts';
import { sql as moderators } from './004_moderators.ts';
import { sql as referenceMetrics } from './005_reference_metrics.ts';
import { sql as digestLanguageCard } from './006_digest_language_card.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds tables other tables refer to: foreign keys are turned off around its transaction (as
   * SQLite's documented rebuild requires) and checked with foreign_key_check before it commits.
   */
  foreignKeysOff?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'series keys and import runs', sql: seriesKeys },
  { version: 3, name: 'digest subscriptions and deliveries', sql: digests },
  { version: 4, name: 'moderators, their log, and who made each audited change', sql: moderators },
  { version: 5, name: 'metrics as reference data; platforms as opaque names', sql: referenceMetrics, foreignKeysOff: true },
  { version: 6, name: "a digest subscription's language and daily card", sql: digestLanguageCard },
];
