/**
 * Where SQL lives and whose tables it touches (docs/ARCHITECTURE.md, "Layout"), checked on
 * the source text of every file that is not a test:
 * - SQL — a Kysely builder (`selectFrom`, `insertInto`, `updateTable`, `deleteFrom`, …) or a
 *   `sql` template — appears in a module only in its `*.queries.ts` files (and `*.seed.ts`
 *   for the reference data it loads at start), never in services, routes or rules;
 * - a module's SQL writes only the tables its own `*.tables.ts` declares, and reads only
 *   those, the reference tables any module may join for names and places, and what
 *   `ALSO_READS` grants it with the reason;
 * - the platform's SQL touches only the platform's own tables (backup and migrations, which
 *   handle every table by name, are the platform's database layer and are not checked).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const server = import.meta.dirname;
const modulesDir = path.join(server, 'modules');

const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.(ts|mjs)$/.test(f) && !/\.test\.ts$/.test(f) && !f.includes(`${path.sep}tests${path.sep}`));

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The tables each owner declares: the keys of the `…Tables` interface of its `*.tables.ts` files. */
function tablesOf(tableFiles: string[]): string[] {
  return tableFiles.flatMap((f) => {
    const text = fs.readFileSync(f, 'utf8');
    const body = /export interface \w+Tables\b[^{]*\{([^}]*)\}/.exec(text)?.[1] ?? '';
    return [...body.matchAll(/^\s*(\w+)\s*:/gm)].map((m) => m[1]);
  });
}

const modules = fs
  .readdirSync(modulesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const ownerOf = new Map<string, string>();
for (const m of modules)
  for (const t of tablesOf(files(path.join(modulesDir, m)).filter((f) => f.endsWith('.tables.ts')))) ownerOf.set(t, m);
for (const t of tablesOf([path.join(server, 'platform', 'platform.tables.ts')])) ownerOf.set(t, 'platform');

/** Tables any module may join to show a name or a place: the organisation tree and people. */
const REFERENCE = new Set(['orgUnits', 'users']);

/** Reads of another module's tables, each with its reason. Keep this short. */
const ALSO_READS: Record<string, Record<string, string>> = {};

/** Modules whose layout is checked (all of them once the move of SQL into queries files is done). */
const CHECKED = new Set<string>([]);

const SQL_CALL =
  /\.(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\s*\(|\bsql(<[^>]*>)?`/;
const isSqlFile = (f: string) => /\.(queries|seed)\.ts$/.test(f);

/** Tables a source file names, split into writes and reads (Kysely calls and raw SQL alike). */
function tablesNamed(text: string): { writes: Set<string>; reads: Set<string> } {
  const writes = new Set<string>();
  const reads = new Set<string>();
  const known = (name: string) => (ownerOf.has(name) ? name : ownerOf.has(camel(name)) ? camel(name) : null);
  const add = (set: Set<string>, name: string) => {
    const t = known(name);
    if (t) set.add(t);
  };
  for (const m of text.matchAll(/\.(insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(\s*'(\w+)/g))
    add(writes, m[2]);
  for (const m of text.matchAll(/\.(selectFrom|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin)\(\s*'(\w+)/g))
    add(reads, m[2]);
  for (const m of text.matchAll(/\.selectFrom\(\s*\[([^\]]*)\]/g))
    for (const t of m[1].matchAll(/'(\w+)/g)) add(reads, t[1]);
  // Raw SQL: only names of known tables count, so words in messages never do.
  for (const tpl of text.matchAll(/`([^`]*)`/g)) {
    for (const m of tpl[1].matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+([a-z_]+)/gi)) add(writes, m[1]);
    for (const m of tpl[1].matchAll(/\b(?:from|join)\s+([a-z_]+)/gi)) add(reads, m[1]);
  }
  return { writes, reads };
}

const rel = (f: string) => path.relative(server, f).split(path.sep).join('/');

describe('layout of SQL', () => {
  it('knows who owns every table of the schema', () => {
    expect(ownerOf.size).toBeGreaterThan(20);
    expect(ownerOf.get('tasks')).toBe('tasks');
  });

  for (const m of modules) {
    const check = CHECKED.has(m) ? it : it.skip;
    check(`${m}: SQL only in *.queries.ts, on its own tables`, () => {
      const problems: string[] = [];
      for (const f of files(path.join(modulesDir, m))) {
        const text = fs.readFileSync(f, 'utf8');
        if (!isSqlFile(f)) {
          if (SQL_CALL.test(text)) problems.push(`${rel(f)}: SQL outside a *.queries.ts file`);
          continue;
        }
        const { writes, reads } = tablesNamed(text);
        for (const t of writes)
          if (ownerOf.get(t) !== m) problems.push(`${rel(f)}: writes ${snake(t)}, a table of ${ownerOf.get(t)}`);
        for (const t of reads)
          if (ownerOf.get(t) !== m && !REFERENCE.has(t) && !ALSO_READS[m]?.[t])
            problems.push(`${rel(f)}: reads ${snake(t)}, a table of ${ownerOf.get(t)}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('the platform touches only its own tables', () => {
    const problems: string[] = [];
    for (const f of files(path.join(server, 'platform')).filter((f) => !f.includes(`${path.sep}db${path.sep}`))) {
      const { writes, reads } = tablesNamed(fs.readFileSync(f, 'utf8'));
      for (const t of new Set([...writes, ...reads]))
        if (ownerOf.get(t) !== 'platform') problems.push(`${rel(f)}: ${snake(t)}, a table of ${ownerOf.get(t)}`);
    }
    expect(problems).toEqual([]);
  });

  it('finds SQL and table names as written in this code base', () => {
    const sample = "await db.selectFrom('tasks as t').innerJoin('orgUnits as u', 'u.id', 't.leadUnitId')";
    expect(SQL_CALL.test(sample)).toBe(true);
    expect([...tablesNamed(sample).reads].sort()).toEqual(['orgUnits', 'tasks']);
    const raw = 'sql`insert into notifications (x) select 1 from tasks t join task_partners p on true`';
    expect([...tablesNamed(raw).writes]).toEqual(['notifications']);
    expect([...tablesNamed(raw).reads].sort()).toEqual(['taskPartners', 'tasks']);
  });
});

/** What the layout test would say of each module today (printed by `LAYOUT_REPORT=1 npx vitest run server/layout.test.ts`). */
if (process.env.LAYOUT_REPORT)
  for (const m of modules)
    for (const f of files(path.join(modulesDir, m))) {
      const text = fs.readFileSync(f, 'utf8');
      if (!isSqlFile(f) && SQL_CALL.test(text)) console.log(`${m}\t${rel(f)}\tSQL outside queries`);
      if (!isSqlFile(f)) continue;
      const { writes, reads } = tablesNamed(text);
      for (const t of writes)
        if (ownerOf.get(t) !== m) console.log(`${m}\t${rel(f)}\twrites ${snake(t)} (${ownerOf.get(t)})`);
      for (const t of reads)
        if (ownerOf.get(t) !== m && !REFERENCE.has(t) && !ALSO_READS[m]?.[t])
          console.log(`${m}\t${rel(f)}\treads ${snake(t)} (${ownerOf.get(t)})`);
    }
