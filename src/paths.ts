// Locations inside the installed project, independent of the working directory.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
export const DEFAULT_DATABASE_PATH = fileURLToPath(new URL('../data/lossbot.db', import.meta.url));
