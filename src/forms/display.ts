/** How an answer reads in check-your-answers, receipts and decision letters. */
import type { ServicePackage, ValueFieldDef } from '../packages/schema.ts';
import { formatIban } from './checks/iban.ts';
import { formatMoney } from './checks/money.ts';
import type { FileAnswer, Locale } from './types.ts';

export const YES_NO_LABELS = { de: ['Ja', 'Nein'], en: ['Yes', 'No'] } as const;

/** A package text in the citizen's language, German where the package has no translation. */
export function localize(text: { de: string; en?: string | undefined }, locale: Locale): string {
  return text[locale] ?? text.de;
}

export function formatFileSize(bytes: number, locale: Locale = 'de'): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  const megabytes = (Math.round((bytes / (1024 * 1024)) * 10) / 10).toString();
  return `${locale === 'de' ? megabytes.replace('.', ',') : megabytes} MB`;
}

/** "2026-12-25" → "25.12.2026" (en-GB: "25/12/2026"). */
export function formatIsoDate(iso: string, locale: Locale = 'de'): string {
  const [year, month, day] = iso.split('-');
  return locale === 'de' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

export function plainMoney(cents: number, locale: Locale = 'de'): string {
  return formatMoney(cents, locale).replace(/\u00a0/g, ' ');
}

export function displayValue(
  def: ValueFieldDef,
  value: unknown,
  locale: Locale,
  codeLists: ServicePackage['codeLists'] = {},
): string {
  if (value === undefined || value === null) return '';
  const optionLabel = (options: { value: string; label: { de: string; en?: string } }[], code: string) => {
    const option = options.find((o) => o.value === code);
    return option ? localize(option.label, locale) : code;
  };
  switch (def.kind) {
    case 'address': {
      const a = value as Record<string, string>;
      return `${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city}`;
    }
    case 'yesNo':
      return value === true ? YES_NO_LABELS[locale][0] : YES_NO_LABELS[locale][1];
    case 'declaration':
      return locale === 'de' ? 'Bestätigt' : 'Confirmed';
    case 'choice':
      return optionLabel(def.options, String(value));
    case 'multiChoice':
      return (value as string[]).map((code) => optionLabel(def.options, code)).join(', ');
    case 'codeList': {
      const entry = codeLists[def.codeList]?.entries.find((e) => e.code === value);
      return entry ? localize(entry.label, locale) : String(value);
    }
    case 'money':
      return plainMoney(Number(value), locale);
    case 'date':
      return formatIsoDate(String(value), locale);
    case 'iban':
      return formatIban(String(value));
    case 'file': {
      const file = value as FileAnswer;
      return `${file.filename} (${formatFileSize(file.sizeBytes, locale)})`;
    }
    case 'number':
      return locale === 'de' ? String(value).replace('.', ',') : String(value);
    default:
      return String(value);
  }
}

const FILE_TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** "ein PDF, JPEG oder PNG": the accepted file types in words, for messages. */
export function fileTypeNames(mediaTypes: readonly string[], locale: Locale): string {
  const names = mediaTypes.map((type) => FILE_TYPE_NAMES[type] ?? type);
  const or = locale === 'de' ? ' oder ' : ' or ';
  const prefix = locale === 'de' ? 'ein ' : 'a ';
  return (
    prefix + (names.length > 1 ? `${names.slice(0, -1).join(', ')}${or}${names.at(-1)}` : (names[0] ?? ''))
  );
}

const longDate = {
  de: new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Berlin' }),
};

/** "25. Dezember 2026" (en: "25 December 2026"), in German time. */
export function formatLongDate(date: Date, locale: Locale = 'de'): string {
  return longDate[locale].format(date);
}

const dateTime = {
  de: new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }),
};

/** "25.12.2026, 14:30" (en: "25 Dec 2026, 14:30"), in German time. */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateTime[locale].format(date);
}

const berlinDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
let lastHour = Number.NaN;
let lastDate = '';

/** The calendar date in Germany at `now`, ISO "YYYY-MM-DD" (date bounds and ages are counted in local days). */
export function isoDateInBerlin(now: Date): string {
  // German time is UTC+1 or UTC+2, so its date changes only on a full UTC hour: the formatted date is kept
  // for the hour (every request asks; Intl formatting was ~2 % of a question page's CPU).
  const hour = Math.floor(now.getTime() / HOUR_MS);
  if (hour !== lastHour) {
    lastDate = berlinDate.format(now);
    lastHour = hour;
  }
  return lastDate;
}
