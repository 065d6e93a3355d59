import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { OrgUnitTable } from '../../platform/platform.tables.ts';
import { vietnameseSortKey } from '../../platform/text.ts';
import { standardUnits, unitFullName } from './org.rules.ts';
import { projectPath } from '../../platform/project-paths.ts';

interface SourceWard {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  AdministrativeUnitShortName: string;
}
interface SourceProvince extends Omit<SourceWard, never> {
  Wards: SourceWard[];
}

const dataFile = projectPath('server/modules/org/data/vn-admin-units-2025.json');
export const REFORM_DATE = '2025-07-01';

export function readAdminUnits(): SourceProvince[] {
  return JSON.parse(fs.readFileSync(dataFile, 'utf8')) as SourceProvince[];
}

type Row = Insertable<OrgUnitTable> & { id: string };

/** All rows of the official tree with ids chosen here, so one pass inserts everything. */
export function buildOrgRows(provinces: SourceProvince[]): Row[] {
  const nationId = crypto.randomUUID();
  const rows: Row[] = [
    {
      id: nationId,
      parentId: null,
      kind: 'nation',
      unitType: null,
      code: 'VN',
      name: 'Việt Nam',
      fullName: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
      nameEn: 'Viet Nam',
      adminLevel: 'Quốc gia',
      provinceId: null,
      communeId: null,
      path: '/VN/',
      sortKey: vietnameseSortKey('Việt Nam'),
      openedOn: null,
      closedOn: null,
    },
  ];
  for (const p of provinces) {
    const provinceId = crypto.randomUUID();
    const pPath = `/VN/${p.Code}/`;
    rows.push({
      id: provinceId,
      parentId: nationId,
      kind: 'province',
      unitType: null,
      code: p.Code,
      name: p.Name,
      fullName: p.FullName,
      nameEn: p.NameEn,
      adminLevel: p.AdministrativeUnitShortName,
      provinceId,
      communeId: null,
      path: pPath,
      sortKey: vietnameseSortKey(p.Name),
      openedOn: REFORM_DATE,
      closedOn: null,
    });
    for (const w of p.Wards) {
      const communeId = crypto.randomUUID();
      const cPath = `${pPath}${w.Code}/`;
      rows.push({
        id: communeId,
        parentId: provinceId,
        kind: 'commune',
        unitType: null,
        code: w.Code,
        name: w.Name,
        fullName: w.FullName,
        nameEn: w.NameEn,
        adminLevel: w.AdministrativeUnitShortName,
        provinceId,
        communeId,
        path: cPath,
        sortKey: vietnameseSortKey(w.Name),
        openedOn: REFORM_DATE,
        closedOn: null,
      });
      standardUnits(w.AdministrativeUnitShortName).forEach((u, i) => {
        const code = `${w.Code}-${u.suffix}`;
        rows.push({
          id: crypto.randomUUID(),
          parentId: communeId,
          kind: 'unit',
          unitType: u.unitType,
          code,
          name: u.name,
          fullName: unitFullName(u.name, w.FullName),
          nameEn: null,
          adminLevel: null,
          provinceId,
          communeId,
          path: `${cPath}${code}/`,
          sortKey: `${String.fromCharCode(0x21 + i)}${vietnameseSortKey(u.name)}`,
          openedOn: REFORM_DATE,
          closedOn: null,
        });
      });
    }
  }
  return rows;
}

/** Loads the official tree once (reference data, also when DEMO=0). Returns rows added. */
export async function ensureOrgTree(db: Db): Promise<number> {
  const existing = await db.selectFrom('orgUnits').select('id').where('kind', '=', 'nation').executeTakeFirst();
  if (existing) return 0;
  const rows = buildOrgRows(readAdminUnits());
  await db.transaction().execute(async (trx) => {
    // Parents before children; chunks keep each statement under the 65,535-parameter cap.
    for (let i = 0; i < rows.length; i += 2000) {
      await trx
        .insertInto('orgUnits')
        .values(rows.slice(i, i + 2000))
        .execute();
    }
  });
  return rows.length;
}
