import { describe, expect, it } from 'vitest';
import { grantableRoles, type Actor, type Grant } from '../../platform/access.ts';
import type { Role } from '../../platform/platform.tables.ts';
import { accountRefusal, grantRefusal, type ManagedAccount } from './users.policy.ts';

// A small tree: nation VN → province P (communes C1, C2; C1 has unit U1).
const at = {
  VN: { orgUnitId: 'VN', provinceId: null, communeId: null },
  P: { orgUnitId: 'P', provinceId: 'P', communeId: null },
  C1: { orgUnitId: 'C1', provinceId: 'P', communeId: 'C1' },
  C2: { orgUnitId: 'C2', provinceId: 'P', communeId: 'C2' },
  U1: { orgUnitId: 'U1', provinceId: 'P', communeId: 'C1' },
};
const kindOf = { VN: 'nation', P: 'province', C1: 'commune', C2: 'commune', U1: 'unit' } as const;
const grant = (role: Role, where: keyof typeof at): Grant => ({
  id: `${role}@${where}`,
  role,
  orgKind: kindOf[where],
  ...at[where],
});
const actor = (...grants: Grant[]): Actor => ({
  userId: 'me',
  username: 'me',
  fullName: 'Me',
  grants,
  sessionId: null,
});
const account = (home: keyof typeof at, ...grants: [Role, keyof typeof at][]): ManagedAccount => ({
  id: 'them',
  home: at[home],
  grants: grants.map(([role, where]) => ({ role, ...at[where] })),
});

const communeAdmin = actor(grant('commune_admin', 'C1'));
const provinceAdmin = actor(grant('province_admin', 'P'));
const systemAdmin = actor(grant('system_admin', 'VN'));

describe('grantRefusal: who hands out which role where', () => {
  it.each([
    // Finding 2: a commune administrator made a leader and a plan officer.
    [communeAdmin, 'commune_leader', 'C1', 'TOO_HIGH'],
    [communeAdmin, 'plan_officer', 'C1', 'TOO_HIGH'],
    [communeAdmin, 'commune_admin', 'C1', 'TOO_HIGH'],
    [communeAdmin, 'unit_officer', 'U1', null],
    [communeAdmin, 'one_stop_officer', 'C1', null],
    [communeAdmin, 'citizen', 'C1', null],
    [communeAdmin, 'unit_officer', 'C2', 'OUT_OF_SCOPE'],
    [communeAdmin, 'province_officer', 'P', 'OUT_OF_SCOPE'],
    [provinceAdmin, 'commune_leader', 'C2', null],
    [provinceAdmin, 'province_admin', 'P', null],
    [provinceAdmin, 'system_admin', 'VN', 'OUT_OF_SCOPE'],
    [systemAdmin, 'system_admin', 'VN', null],
    [actor(grant('commune_leader', 'C1')), 'unit_officer', 'U1', 'OUT_OF_SCOPE'],
  ] as const)('%#: %s', (who, role, where, refusal) => {
    expect(grantRefusal(who, role, at[where])).toBe(refusal);
  });
});

describe('accountRefusal: whose account one may touch (every users endpoint)', () => {
  it('refuses an account holding a role beyond the actor’s powers, even at home in their commune', () => {
    // Finding 3: a province officer whose home unit is in the commune.
    expect(accountRefusal(communeAdmin, account('U1', ['province_officer', 'P']))).toBe('OUT_OF_SCOPE');
    expect(accountRefusal(communeAdmin, account('C1', ['commune_leader', 'C1']))).toBe('TOO_HIGH');
    expect(accountRefusal(communeAdmin, account('U1', ['unit_officer', 'U1'], ['unit_officer', 'C2']))).toBe(
      'OUT_OF_SCOPE',
    );
    expect(accountRefusal(communeAdmin, account('U1', ['unit_officer', 'U1']))).toBeNull();
    expect(accountRefusal(provinceAdmin, account('U1', ['province_officer', 'P']))).toBeNull();
    expect(accountRefusal(provinceAdmin, account('VN', ['system_admin', 'VN']))).toBe('OUT_OF_SCOPE');
  });
  it('refuses one’s own account', () => {
    expect(accountRefusal(systemAdmin, { ...account('VN', ['system_admin', 'VN']), id: 'me' })).toBe('SELF');
  });
});

describe('grantableRoles', () => {
  it('lists what the web may offer', () => {
    expect(grantableRoles(communeAdmin)).toEqual(['unit_officer', 'one_stop_officer', 'citizen']);
    expect(grantableRoles(actor(grant('plan_officer', 'C1')))).toEqual([]);
  });
});
