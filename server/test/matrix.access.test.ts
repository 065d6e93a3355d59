/**
 * Runs THE access table (access-matrix.ts): every endpoint × nine roles × three places.
 * Allowed actors must get past authorisation; others are refused, with 404 whenever the
 * place is outside what they may see (a read outside scope looks like a missing record).
 * Every endpoint of the OpenAPI document must have a row, or name the test that covers it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './test-app.ts';
import { ACTORS, buildFixtures, type ActorKey, type Place, type PlaceKey } from './access-fixtures.ts';
import { MATRIX, MODULE_ACCESS_TESTS, type Row } from './access-matrix.ts';

let t: TestApp;
const sessions = {} as Record<ActorKey, Session>;
let places: Record<PlaceKey, Place>;

/** Places each actor may see at all (their organisation read scope): a commune's records … */
const SEES: Record<ActorKey, PlaceKey[]> = {
  SA: ['in', 'sib', 'oth'],
  PA: ['in', 'sib'],
  PO: ['in', 'sib'],
  CA: ['in'],
  CL: ['in'],
  PL: ['in'],
  UO: ['in'],
  OS: ['in'],
  CZ: ['in'],
};
/** … and a province's records, which everyone of the province sees exists ('in' and 'sib' share Hải Phòng). */
const SEES_PROVINCE = (a: ActorKey): PlaceKey[] => (a === 'SA' ? ['in', 'sib', 'oth'] : ['in', 'sib']);

beforeAll(async () => {
  t = await buildTestApp();
  for (const [key, username] of Object.entries(ACTORS) as [ActorKey, string][])
    sessions[key] = await t.signIn(username);
  places = await buildFixtures(t, sessions.SA);
}, 180_000);
afterAll(() => t?.close());

describe('the access matrix', () => {
  it('has a row (or a named covering test) for every endpoint, and no stale rows', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const endpoints = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const missing = endpoints.filter(
      (e) => !(e in MATRIX) && !MODULE_ACCESS_TESTS.some((m) => e.split(' ')[1].startsWith(m.prefix)),
    );
    expect(missing).toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !endpoints.includes(k));
    expect(stale).toEqual([]);
  });

  it('answers every role in every place as the table says', async () => {
    let n = 0;
    let cases = 0;
    const violations: string[] = [];
    for (const [endpoint, row] of Object.entries(MATRIX)) {
      if ('coveredBy' in row) continue;
      const r = row as Row;
      const placeKeys: PlaceKey[] = r.place === 'none' ? ['in'] : ['in', 'sib', 'oth'];
      for (const placeKey of placeKeys) {
        const allowed = (typeof r.allow === 'string' ? r.allow : r.allow[placeKey]).split(/\s+/);
        for (const actor of Object.keys(ACTORS) as ActorKey[]) {
          const req = r.req(places[placeKey], ++n);
          const res = await t.request(sessions[actor], {
            method: req.method,
            url: req.url,
            ...(req.payload === undefined ? {} : { payload: req.payload as object }),
          });
          cases++;
          const where = `${endpoint} [${placeKey}] as ${actor}`;
          const denied = res.statusCode === 403 || res.statusCode === 404;
          if (res.statusCode >= 500 || res.statusCode === 401)
            violations.push(`${where}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          else if (allowed.includes(actor) && denied)
            violations.push(`${where}: expected allowed, got ${res.statusCode} ${res.body.slice(0, 120)}`);
          else if (!allowed.includes(actor) && !denied)
            violations.push(`${where}: expected refused, got ${res.statusCode}`);
          else if (
            !allowed.includes(actor) &&
            r.place !== 'none' &&
            !(r.place === 'province' ? SEES_PROVINCE(actor) : SEES[actor]).includes(placeKey) &&
            res.statusCode !== 404
          )
            violations.push(`${where}: outside scope must answer 404, got ${res.statusCode}`);
        }
      }
    }
    console.log(`access matrix: ${cases} cases, ${violations.length} violations`);
    expect(violations).toEqual([]);
  }, 600_000);
});
