/** The council figures for a tenant as of now: read, combine, compute. */
import type { Db } from '../db/database.ts';
import { formatLongDate, isoDateInBerlin } from '../forms/display.ts';
import type { CompiledPackage } from '../packages/compile.ts';
import {
  type Audience,
  type CouncilFigures,
  councilFigures,
  type Totals,
  totals,
} from './council-figures.ts';
import { leistungProgress, unknownPackageKeys } from './progress.ts';
import { loadProgressData } from './progress-store.ts';

export interface CouncilReport {
  today: string;
  generatedAt: Date;
  figures: CouncilFigures;
  totals: Totals;
  unknownKeys: { serviceId: string; leikaKey: string }[];
  /** Which catalogue the figures rest on, in words. */
  catalogState: string;
  demo: boolean;
}

export async function councilReport(
  db: Db,
  tenantArs: string,
  offered: readonly CompiledPackage[],
  now: Date,
  audience: Audience,
): Promise<CouncilReport> {
  const today = isoDateInBerlin(now);
  const [data, lastImport] = await Promise.all([
    loadProgressData(db, tenantArs, offered),
    db
      .selectFrom('catalog_imports')
      .select(['source', 'imported_at'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const list = leistungProgress(data, today);
  return {
    today,
    generatedAt: now,
    figures: councilFigures(list, data, today, audience),
    totals: totals(list, data, today),
    unknownKeys: unknownPackageKeys(data),
    demo: data.settings.demoData === true,
    catalogState: lastImport
      ? `OZG-Umsetzungskatalog aus „${lastImport.source.split(/[\\/]/).at(-1)}“, geladen am ${formatLongDate(lastImport.imported_at)}`
      : 'OZG-Umsetzungskatalog – noch nicht geladen',
  };
}
