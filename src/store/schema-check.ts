// The schema a database should have, from the migrations themselves: each version's tables,
// indexes and triggers are built once in memory and compared with the database's, so a dropped
// table, a dropped immutability trigger or unique index, or a lowered user_version is named
// before anything relies on it.
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.ts';

type SchemaObjects = Map<string, { type: string; sql: string }>;

export interface SchemaProblem {
  kind: 'missing' | 'changed' | 'unexpected' | 'version';
  message: string;
}

export class SchemaDamagedError extends Error {
  constructor(readonly problems: SchemaProblem[]) {
    super(
      `the database schema is damaged, so lossbot will not use it:\n${problems.map((p) => `  - ${p.message}`).join('\n')}\n` +
        'Restore the database from a backup (see "Operations" in the README); `npm run cli -- doctor` lists the problems.',
    );
    this.name = 'SchemaDamagedError';
  }
}

const expectedCache = new Map<number, SchemaObjects>();

/** Every schema object whose name does not start with sqlite_ (SQLite's own: autoindexes, statistics). */
function objectsOf(db: Database.Database): SchemaObjects {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql IS NOT NULL").all() as { type: string; name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, { type: r.type, sql: normalise(r.sql) }]));
}

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** The objects a database at `version` has when every migration up to it ran. */
export function expectedSchema(version: number): SchemaObjects {
  let objects = expectedCache.get(version);
  if (!objects) {
    const db = new Database(':memory:');
    try {
      for (const m of MIGRATIONS) if (m.version <= version) db.exec(m.sql);
      objects = objectsOf(db);
    } finally {
      db.close();
    }
    expectedCache.set(version, objects);
  }
  return objects;
}

function compare(actual: SchemaObjects, expected: SchemaObjects): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const [name, e] of expected) {
    const a = actual.get(name);
    if (!a) problems.push({ kind: 'missing', message: `${e.type} ${name} is missing` });
    else if (a.type !== e.type || a.sql !== e.sql) problems.push({ kind: 'changed', message: `${e.type} ${name} differs from what the migrations create` });
  }
  for (const [name, a] of actual) if (!expected.has(name)) problems.push({ kind: 'unexpected', message: `${a.type} ${name} is not part of lossbot's schema` });
  return problems;
}

/** What is wrong with the database's schema for its user_version; empty when it is intact. */
export function schemaProblems(db: Database.Database): SchemaProblem[] {
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.at(-1)!.version;
  if (version > latest) return []; // a newer release's database: migrate() says so
  const actual = objectsOf(db);
  const problems = compare(actual, expectedSchema(version));
  if (!problems.length) return [];
  // The objects of a later version under an earlier number: user_version was lowered.
  for (const m of MIGRATIONS) {
    if (m.version > version && !compare(actual, expectedSchema(m.version)).length) {
      return [{ kind: 'version', message: `user_version is ${version}, but the schema is that of version ${m.version} (was user_version lowered by hand?)` }];
    }
  }
  return problems;
}

/** Throws SchemaDamagedError when the schema does not match its version. */
export function assertSchemaIntact(db: Database.Database): void {
  const problems = schemaProblems(db);
  if (problems.length) throw new SchemaDamagedError(problems);
}
