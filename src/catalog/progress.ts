/**
 * Where the municipality stands: each catalogue Leistung with its effective status, from the tenant's
 * status rows and the published Amtsweg packages. Pure; the data comes from progress-store.ts.
 */
import type { DelayReason, EffectiveStatus } from './status.ts';

export interface CatalogEntry {
  leikaKey: string;
  name: string;
  leikaType: string;
  municipal: boolean;
  bundleId: string | null;
  bundleName: string | null;
  themenfeld: string | null;
}

export interface StatusRecord {
  leikaKey: string;
  status: Exclude<EffectiveStatus, 'open'>;
  provider: string | null;
  url: string | null;
  maturity11: number | null;
  maturity20: number | null;
  onlineSince: string | null;
  targetDate: string | null;
  delayReason: DelayReason | null;
  internalNote: string | null;
  annualCostCents: number | null;
}

/** A status with every field it does not name empty. */
export function statusRecord(
  leikaKey: string,
  fields: Partial<StatusRecord> & Pick<StatusRecord, 'status'>,
): StatusRecord {
  return {
    leikaKey,
    provider: null,
    url: null,
    maturity11: null,
    maturity20: null,
    onlineSince: null,
    targetDate: null,
    delayReason: null,
    internalNote: null,
    annualCostCents: null,
    ...fields,
  };
}

/** A published Amtsweg package and what it offers. */
export interface PackageOffer {
  serviceId: string;
  title: string;
  leikaKeys: string[];
  /** The day its first version was published (Europe/Berlin). */
  onlineSince: string;
  maturity11: number;
  maturity20: number;
  /** Some model 2.0 criteria still wait for a staff answer. */
  maturity20Provisional: boolean;
}

export interface MonthlyCount {
  leikaKey: string;
  /** YYYY-MM */
  month: string;
  online: number;
  paper: number;
}

export interface CostSettings {
  inhabitants: number;
  platformFeeCentsPerYear: number;
  centsPerInhabitantPerYear: number;
  costModelName: string;
  /** YYYY-MM-DD: the trend starts with this month. */
  trendStart: string;
  /** The figures come from the development demo seed. */
  demoData?: boolean;
}

export interface ProgressData {
  /** Municipal Leistungen of the catalogue, and any other one the tenant gave a status. */
  catalog: CatalogEntry[];
  statuses: StatusRecord[];
  packages: PackageOffer[];
  counts: MonthlyCount[];
  settings: CostSettings;
}

export interface LeistungProgress extends CatalogEntry {
  status: EffectiveStatus;
  online: boolean;
  /** Counted among the Leistungen the municipality has to offer. */
  required: boolean;
  onlineSince: string | null;
  provider: string | null;
  url: string | null;
  serviceId: string | null;
  maturity11: number | null;
  maturity20: number | null;
  maturity20Provisional: boolean;
  targetDate: string | null;
  delayReason: DelayReason | null;
  internalNote: string | null;
  annualCostCents: number | null;
}

export const AMTSWEG_PROVIDER = 'Amtsweg (eigene Plattform)';

/**
 * A published package makes its Leistungen "online über Amtsweg" whatever a status row says: the dashboard
 * reports what the platform actually does. A row still contributes costs and notes.
 */
export function leistungProgress(data: ProgressData, today: string): LeistungProgress[] {
  const statuses = new Map(data.statuses.map((s) => [s.leikaKey, s]));
  const offers = new Map<string, PackageOffer>();
  for (const offer of data.packages) {
    for (const key of offer.leikaKeys) if (!offers.has(key)) offers.set(key, offer);
  }
  return data.catalog.map((entry) => {
    const row = statuses.get(entry.leikaKey);
    const offer = offers.get(entry.leikaKey);
    const status: EffectiveStatus = offer ? 'amtsweg' : (row?.status ?? 'open');
    const onlineSince = offer
      ? offer.onlineSince
      : status === 'elsewhere'
        ? (row?.onlineSince ?? null)
        : null;
    const online = onlineSince !== null && onlineSince <= today;
    return {
      ...entry,
      status,
      online,
      required: status !== 'not_relevant' && (entry.municipal || status !== 'open'),
      onlineSince,
      provider: offer ? AMTSWEG_PROVIDER : (row?.provider ?? null),
      url: offer ? null : (row?.url ?? null),
      serviceId: offer?.serviceId ?? null,
      maturity11: offer ? offer.maturity11 : (row?.maturity11 ?? null),
      maturity20: offer ? offer.maturity20 : (row?.maturity20 ?? null),
      maturity20Provisional: offer?.maturity20Provisional ?? false,
      targetDate: status === 'planned' ? (row?.targetDate ?? null) : null,
      delayReason: status === 'planned' ? (row?.delayReason ?? null) : null,
      internalNote: row?.internalNote ?? null,
      annualCostCents: row?.annualCostCents ?? null,
    };
  });
}

/** Package keys that the catalogue does not know (e.g. newer than the imported catalogue). */
export function unknownPackageKeys(data: ProgressData): { serviceId: string; leikaKey: string }[] {
  const known = new Set(data.catalog.map((entry) => entry.leikaKey));
  return data.packages.flatMap((offer) =>
    offer.leikaKeys
      .filter((key) => !known.has(key))
      .map((leikaKey) => ({ serviceId: offer.serviceId, leikaKey })),
  );
}
