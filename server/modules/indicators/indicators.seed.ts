import fs from 'node:fs';
import type { Db } from '../../platform/db/database.ts';
import { projectPath } from '../../platform/project-paths.ts';

interface SeedIndicator {
  code: string;
  name: string;
  unit: string;
  domain: 'digital_government' | 'digital_economy' | 'digital_society' | 'infrastructure' | 'other';
  aliases: string[];
  numerator: string | null;
  denominator: string | null;
  source: string | null;
  description: string | null;
}

const file = projectPath('server/modules/indicators/data/catalogue.json');

/** Loads the starting catalogue once (reference data); curators change it in the app after. */
export async function ensureCatalogue(db: Db): Promise<number> {
  const any = await db.selectFrom('indicators').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const { indicators } = JSON.parse(fs.readFileSync(file, 'utf8')) as { indicators: SeedIndicator[] };
  await db
    .insertInto('indicators')
    .values(
      indicators.map((i) => ({
        ...i,
        aliases: JSON.stringify(i.aliases),
        provinceId: null,
        mergedIntoId: null,
        createdBy: null,
      })),
    )
    .execute();
  return indicators.length;
}
