/**
 * Fuzzed input against EVERY endpoint of the OpenAPI document (issue 8).
 *
 * For each operation fast-check generates requests (seeded; FUZZ_RUNS cases per operation,
 * default 20; FUZZ_SEED changes the seed) as the system administrator or without a session:
 * bodies derived from the operation's own JSON schema and then broken (wrong types, missing
 * fields, huge strings, unicode, NUL, nested junk, arrays for objects, malformed JSON, other
 * content types), path parameters that are real ids of the right kind, random uuids,
 * not-uuids, path traversal or very long, and malformed query strings. Asserted for every
 * case: never a 5xx (the request is printed on failure), every error has the one error body
 * shape, and a case answered 4xx wrote nothing — a fingerprint of every table (row count
 * and newest row version, xmin) is equal before and after.
 *
 * Excluded, and why: nothing is skipped. Two tables are left out of the fingerprint because
 * a request that fails may legitimately write them: `sessions` (every authenticated request
 * may touch last_seen_at) and — for POST /api/v1/auth/sign-in and change-password only —
 * `users`/`audit_log` (a failed sign-in counts the failure, locks the account, and is
 * audited on purpose).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './test-app.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/**
 * Operations with a known bug: `it.fails` until fixed. (Fixed: U+0000 in a text field reached
 * PostgreSQL, which refuses NUL in text — SQLSTATE 22P05 / 22021 now answer 400.)
 */
const KNOWN_BUGS: Record<string, string> = {};

type Json = any;
let t: TestApp;
let admin: Session;
let doc: Json;
let fingerprintSql = '';
const pools: Record<string, string[]> = {};
const totals = {
  cases: 0,
  status5xx: 0,
  partialWrites: 0,
  frameworkBodies: 0,
  byStatus: new Map<number, number>(),
  failures: [] as string[],
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

// The operations come from the OpenAPI document, which exists once the app is built; the app
// is built at collection time (top-level await) so that each operation is a test of its own.
async function setup() {
  t = await buildTestApp();
  admin = await t.signIn('admin');
  doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();

  // Fingerprint of every table but sessions: "count:newest xmin". Equal before and after a
  // failed request = nothing written (an update makes a new row version with a new xmin).
  const tables = (
    await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(
      t.database.db,
    )
  ).rows.map((r) => r.name);
  fingerprintSql = `select json_build_object(${tables
    .filter((n) => n !== 'sessions')
    .map((n) => `'${n}', (select count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text from "${n}")`)
    .join(', ')}) as f`;

  // Real ids, so that many cases get past "not found" into the services.
  const db = t.database.db;
  const ids = async (table: string, where = 'true', n = 3) =>
    (
      await sql<{
        id: string;
      }>`select id::text as id from ${sql.table(table)} where ${sql.raw(where)} limit ${n}`.execute(db)
    ).rows.map((r) => r.id);
  const commune = await db
    .selectFrom('orgUnits')
    .select(['id', 'parentId'])
    .where('code', '=', '11824')
    .executeTakeFirstOrThrow();
  pools.units = [commune.id, commune.parentId!, ...(await ids('org_units', `parent_id = '${commune.id}'`, 2))];
  pools.communes = [commune.id];
  pools.provinces = [commune.parentId!];
  pools.plans = await ids('plans');
  pools.imports = await ids('plan_imports');
  pools.items = [
    ...(await ids('plan_targets', 'true', 2)),
    ...(await ids('plan_tasks', 'true', 2)),
    ...(await ids('plan_reporting_rules', 'true', 2)),
  ];
  pools.tasks = await ids('tasks');
  pools.files = await ids('files');
  // Never the administrator's own account or grants: resetting its password or removing its
  // grant would end the run rather than test anything.
  pools.users = await ids('users', `id <> '${admin.userId}'`);
  pools.grants = await ids('role_grants', `user_id <> '${admin.userId}'`);
  pools.periods = await ids('reporting_periods');
  pools.submissions = await ids('report_submissions');
  pools.notifications = await ids('notifications');
  pools.indicators = await ids('indicators');
  pools['criteria-sets'] = await ids('criteria_sets');
}
await setup();

afterAll(async () => {
  const statuses = [...totals.byStatus.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.log(
    `fuzz: ${totals.cases} cases over ${operations().length} operations (${RUNS} per operation, seed ${SEED}); ` +
      `5xx answers: ${totals.status5xx}; partial writes: ${totals.partialWrites}; ` +
      `4xx in Fastify's own body shape (bad URL encoding, 414): ${totals.frameworkBodies}; statuses: ${statuses}`,
  );
  for (const f of totals.failures.slice(0, 20)) console.log(`fuzz failure: ${f}`);
  await t?.close();
});

function operations(): { method: string; path: string; op: Json }[] {
  if (!doc) return [];
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path, op: item[m] })),
  );
}

// ---- arbitraries ----------------------------------------------------------------------

const HUGE = 'x'.repeat(100_000);
const OVER_LIMIT = 'y'.repeat(1_100_000); // over the 1 MB body limit
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uFFFF',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%2e%2e%2f',
  "' or 1=1 --",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'Tiếng Việt có dấu',
  'Ủy ban nhân dân xã Vĩnh Bảo',
  'TCVN3: Uû ban nh©n d©n',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👨‍👩‍👧',
  '\u202Egnp.exe',
  'ﷺ'.repeat(50),
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '2026-02-30',
  '0000-00-00',
  '2026-13-01T25:61:00Z',
  'true',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
);
const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, -1e-308, 0.1),
  fc.double(),
  nasty,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(HUGE),
  fc.array(fc.oneof(fc.integer(), nasty), { maxLength: 4 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
  fc.constant(Array.from({ length: 200 }).reduce<Json>((acc) => ({ a: [acc] }), {})), // deeply nested
);

function resolveRef(schema: Json): Json {
  if (schema?.$ref && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/')) {
    return schema.$ref
      .slice(2)
      .split('/')
      .reduce((o: Json, k: string) => o?.[k], doc);
  }
  return schema;
}

/** Values that fit the schema most of the time, and junk in any place some of the time. */
function fromSchema(raw: Json, depth = 0): fc.Arbitrary<Json> {
  const schema = resolveRef(raw);
  if (!schema || depth > 5) return junk;
  const mix = (valid: fc.Arbitrary<Json>) => fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: junk, weight: 1 });
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts) return fc.oneof(...alts.map((s: Json) => fromSchema(s, depth + 1)));
  if (schema.allOf) return fromSchema(schema.allOf[0], depth + 1);
  if (schema.const !== undefined) return mix(fc.constant(schema.const));
  if (schema.enum) return mix(fc.constantFrom(...schema.enum));
  const type = Array.isArray(schema.type) ? schema.type.find((x: string) => x !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return mix(fc.oneof(fc.uuid(), fc.constantFrom(...Object.values(pools).flat())));
      if (schema.format === 'date' || /\\d\{4\}-/.test(schema.pattern ?? '')) {
        return mix(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
        );
      }
      if (schema.format === 'date-time') return mix(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
      if (schema.format === 'email') return mix(fc.emailAddress());
      const max = Math.min(schema.maxLength ?? 60, 400);
      return mix(
        fc.oneof(
          fc.string({ minLength: schema.minLength ?? 0, maxLength: max }),
          fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: max }),
          nasty,
        ),
      );
    }
    case 'integer':
      return mix(fc.oneof(fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }), fc.integer()));
    case 'number':
      return mix(
        fc.oneof(fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }), fc.double()),
      );
    case 'boolean':
      return mix(fc.boolean());
    case 'array':
      return mix(fc.array(fromSchema(schema.items, depth + 1), { maxLength: 4 }));
    case 'object': {
      const props = Object.entries((schema.properties ?? {}) as Record<string, Json>);
      if (props.length === 0) return mix(fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 3 }));
      const model = Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, depth + 1)]));
      const required = ((schema.required ?? []) as string[]).filter((k) => k in model);
      return fc.oneof(
        { arbitrary: fc.record(model, { requiredKeys: required }), weight: 5 },
        { arbitrary: fc.record(model, { requiredKeys: [] }), weight: 1 }, // fields missing
        {
          arbitrary: fc
            .tuple(
              fc.record(model, { requiredKeys: required }),
              fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 3 }),
            )
            .map(([a, b]) => ({ ...b, ...a })),
          weight: 1,
        }, // unknown keys
        { arbitrary: junk, weight: 1 }, // an array, a string… for an object
      );
    }
    default:
      return junk;
  }
}

/** Which pool of real ids fits a path parameter (the path segment before it names the kind). */
function poolFor(path: string, param: string): string[] {
  if (param === 'itemId') return pools.items;
  if (param === 'unitId') return pools.units;
  if (param === 'fileId') return pools.files;
  if (param === 'grantId') return pools.grants;
  if (param === 'versionNo') return ['1', '2', '0', '-1', '999999999999'];
  if (param === 'code') return ['11824', '31', '00000'];
  const segs = path.split('/');
  const before = segs[segs.indexOf(`{${param}}`) - 1] ?? '';
  if (before === 'tasks' && path.startsWith('/api/v1/plans/')) return pools.items;
  return pools[before] ?? Object.values(pools).flat();
}

// encodeURIComponent throws on a lone surrogate; the fuzzer sends its replacement instead.
const enc = (s: string) =>
  encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

const badParam = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '..',
    '%2e%2e',
    '..%2F..%2Fetc%2Fpasswd',
    '..%5C..%5Cboot.ini',
    '%00',
    '%252e%252e',
    'x'.repeat(5000),
    encodeURIComponent('Việt Nam'),
    encodeURIComponent("1' or '1'='1"),
    '-1',
    '99999999999999999999',
    '1.5',
    'null',
    'undefined',
    '00000000-0000-0000-0000-000000000000',
    '{id}',
    '%',
    '%ZZ',
  ),
  fc.uuid(),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(enc),
);

const badQuerySuffix = fc.constantFrom(
  '',
  '',
  '',
  '&%ZZ=%',
  '&a[b][c]=1',
  '&__proto__[admin]=1',
  '&constructor[prototype][x]=1',
  `&q=${'z'.repeat(10_000)}`,
  '&' + 'k=v&'.repeat(500),
  '&limit=-1&limit=99999999999',
  '&offset=1e309',
  '&=&==&',
  '&%00=%00',
  `&${encodeURIComponent('tên')}=${encodeURIComponent('Việt')}`,
);

function queryArb(op: Json): fc.Arbitrary<string> {
  const names: { name: string; schema: Json }[] = (op.parameters ?? [])
    .filter((p: Json) => p.in === 'query')
    .map((p: Json) => ({ name: p.name, schema: p.schema }));
  const value = (schema: Json) =>
    fromSchema(schema).map((v) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)));
  const entries = fc.tuple(
    ...names.map(({ name, schema }) =>
      fc
        .option(
          fc.oneof(
            { arbitrary: value(schema).map((v) => [v]), weight: 4 },
            { arbitrary: fc.array(value(schema), { minLength: 2, maxLength: 3 }), weight: 1 },
          ),
          { freq: 3 },
        )
        .map((vs) => ({ name, vs })),
    ),
  );
  return fc.tuple(entries, badQuerySuffix).map(([es, suffix]) => {
    const parts = es.flatMap(({ name, vs }) => (vs ?? []).map((v) => `${enc(name)}=${enc(v)}`));
    const q = parts.join('&') + suffix;
    return q ? `?${q.replace(/^&/, '')}` : '';
  });
}

interface Case {
  session: 'admin' | 'anonymous';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

function caseArb(method: string, path: string, op: Json): fc.Arbitrary<Case> {
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const paramArbs = params.map((p) => {
    const pool = poolFor(path, p);
    return pool.length
      ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 3 }, { arbitrary: badParam, weight: 2 })
      : badParam;
  });
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const body: fc.Arbitrary<{ payload?: string; type?: string }> =
    method === 'GET'
      ? fc.constant({})
      : fc.oneof(
          {
            arbitrary: (bodySchema ? fromSchema(bodySchema) : junk).map((v) => ({
              payload: JSON.stringify(v) ?? 'null',
              type: 'application/json',
            })),
            weight: 8,
          },
          {
            arbitrary: fc
              .constantFrom(
                '{"a":',
                '[1,2',
                '{"name": "\\ud800"}',
                '\u0000',
                'nul',
                '{"__proto__": {"isAdmin": true}}',
                '{"a":1,"a":2}',
                `{"x":"${OVER_LIMIT}"}`,
              )
              .map((p) => ({ payload: p, type: 'application/json' })),
            weight: 1,
          },
          {
            arbitrary: fc
              .constantFrom(
                ['a=1&b=2', 'application/x-www-form-urlencoded'],
                ['<x/>', 'application/xml'],
                ['--b\r\n\r\n', 'multipart/form-data; boundary=b'],
                ['hello', 'text/plain'],
              )
              .map(([p, ty]) => ({ payload: p, type: ty })),
            weight: 1,
          },
          { arbitrary: fc.constant({}), weight: 1 }, // no body at all
        );
  return fc
    .record({
      session: fc.constantFrom<'admin' | 'anonymous'>('admin', 'admin', 'admin', 'anonymous'),
      ps: fc.tuple(...paramArbs),
      query: queryArb(op),
      body,
    })
    .map(({ session, ps, query, body: b }) => {
      let url = path;
      params.forEach((p, i) => (url = url.replace(`{${p}}`, ps[i])));
      const c: Case = {
        session,
        url: url + query,
        headers: b.type ? { 'content-type': b.type } : {},
        payload: b.payload,
      };
      // fast-check prints a counterexample with this: short, huge strings cut.
      return Object.assign(c, { [fc.toStringMethod]: () => show(method, c) });
    });
}

const show = (method: string, c: Case) =>
  `${method} ${c.url.length > 300 ? `${c.url.slice(0, 300)}…(${c.url.length} chars)` : c.url} as ${c.session}` +
  (c.payload !== undefined
    ? ` [${c.headers['content-type']}] ${c.payload.length > 300 ? `${c.payload.slice(0, 300)}…(${c.payload.length} chars)` : c.payload}`
    : '');

async function fingerprint(): Promise<Record<string, string>> {
  return (await sql<{ f: Record<string, string> }>`${sql.raw(fingerprintSql)}`.execute(t.database.db)).rows[0].f;
}

async function runCase(method: string, path: string, c: Case) {
  const before = await fingerprint();
  const opts: InjectOptions = {
    method: method as InjectOptions['method'],
    url: c.url,
    headers: c.headers,
    payload: c.payload,
  };
  const res = await t.request(c.session === 'admin' ? admin : null, opts);
  totals.cases++;
  totals.byStatus.set(res.statusCode, (totals.byStatus.get(res.statusCode) ?? 0) + 1);
  // A successful sign-out (everywhere) or password change ends the administrator's session.
  if (path.startsWith('/api/v1/auth/') && res.statusCode < 300 && c.session === 'admin')
    admin = await t.signIn('admin');
  if (res.statusCode >= 500) {
    totals.status5xx++;
    const msg = `${show(method, c)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    totals.failures.push(msg);
    throw new Error(msg);
  }
  if (res.statusCode >= 400) {
    let body: Json = null;
    try {
      body = res.json();
    } catch {
      /* not JSON: reported below */
    }
    const shape =
      typeof body?.error?.code === 'string' &&
      /^[A-Z][A-Z0-9_]+$/.test(body.error.code) &&
      typeof body.error.message === 'string';
    // Fastify answers a URL it cannot decode (400 FST_ERR_BAD_URL) or a path parameter over
    // maxParamLength (414) before any hook of the app runs, in its own body shape. Not a
    // crash and nothing is written; counted and printed, reported as a finding.
    if (!shape && ((res.statusCode === 400 && body?.code === 'FST_ERR_BAD_URL') || res.statusCode === 414)) {
      totals.frameworkBodies++;
    } else if (!shape)
      throw new Error(
        `${show(method, c)} → ${res.statusCode} without the error body { error: { code, message } }: ${res.body.slice(0, 300)}`,
      );
    const after = await fingerprint();
    // (The fingerprint's keys come back camelCased by Kysely's CamelCasePlugin.)
    const allowed =
      path === '/api/v1/auth/sign-in' || path === '/api/v1/auth/change-password' ? ['users', 'auditLog'] : [];
    const changed = Object.keys(after).filter((k) => after[k] !== before[k] && !allowed.includes(k));
    if (changed.length) {
      totals.partialWrites++;
      const msg = `${show(method, c)} → ${res.statusCode} ${res.body.slice(0, 200)} but wrote ${changed.map((k) => `${k} ${before[k]}→${after[k]}`).join(', ')}`;
      totals.failures.push(msg);
      throw new Error(msg);
    }
  }
}

function hash(s: string) {
  let h = 0;
  for (const ch of s) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

describe('fuzzed input: never a 5xx, never a partial write', () => {
  it('the OpenAPI document lists the operations; none is excluded', () => {
    expect(operations().length).toBeGreaterThan(50);
    console.log(`fuzz: ${operations().length} operations in the OpenAPI document; excluded: none`);
  });

  for (const { method, path, op } of operations()) {
    const key = `${method} ${path}`;
    // A known bug: the case is expected to fail until the module is fixed (KNOWN_BUGS says which).
    const test = KNOWN_BUGS[key] ? it.fails : it;
    test(key, { timeout: Math.max(60_000, RUNS * 5_000) }, async () => {
      await fc.assert(
        fc.asyncProperty(caseArb(method, path, op), (c) => runCase(method, path, c)),
        { numRuns: RUNS, seed: SEED + hash(key), endOnFailure: true },
      );
    });
  }
});
