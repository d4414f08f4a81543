import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEST_DIR = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(TEST_DIR, 'fixtures');
/** ../shared beside the checkout, as in CI. */
export const SHARED_DATA = resolve(TEST_DIR, '..', '..', 'shared', 'data');
