/**
 * Reads the dashboard's staff forms (status, monthly counts, cost model) with the form engine's German
 * checks, collecting one message per field that names it. Pure: the caller passes today's date.
 */
import { checkDate } from '../forms/checks/date.ts';
import { checkMoney } from '../forms/checks/money.ts';
import { checkNumber } from '../forms/checks/number.ts';
import type { FieldError } from '../forms/types.ts';
import { normalizeText } from '../forms/validate.ts';
import { removeControlCharactersKeepingLines } from '../text.ts';

const MAX_TEXT = 2000;

export class FormReader {
  readonly errors: FieldError[] = [];

  constructor(
    private readonly body: Record<string, unknown>,
    private readonly today: string,
  ) {}

  fail(field: string, message: string): void {
    if (!this.errors.some((error) => error.field === field)) this.errors.push({ field, message });
  }

  /** One line of text; '' when missing. Overlong text is an error, never silently cut. */
  text(name: string, label: string): string {
    const value = normalizeText(this.body[name]);
    if (value.length > MAX_TEXT) this.fail(name, `„${label}“ darf höchstens ${MAX_TEXT} Zeichen lang sein.`);
    return value;
  }

  /** Free text that keeps its line breaks; null when empty. */
  note(name: string, label: string): string | null {
    const raw = this.body[name];
    const value = typeof raw === 'string' ? removeControlCharactersKeepingLines(raw).trim() : '';
    if (value.length > MAX_TEXT) this.fail(name, `„${label}“ darf höchstens ${MAX_TEXT} Zeichen lang sein.`);
    return value === '' ? null : value;
  }

  required(name: string, label: string, message = `Geben Sie „${label}“ ein.`): string {
    const value = this.text(name, label);
    if (value === '') this.fail(name, message);
    return value;
  }

  /** A calendar date, typed as 31.12.2025 or sent as 2025-12-31; value YYYY-MM-DD. */
  date(name: string, label: string, bounds: { notAfterToday?: boolean } = {}): string | null {
    const raw = this.text(name, label);
    if (raw === '') {
      this.fail(name, `Geben Sie „${label}“ ein, zum Beispiel 01.03.2024.`);
      return null;
    }
    const result = checkDate(raw, {
      today: this.today,
      notBefore: '1990-01-01',
      notAfter: bounds.notAfterToday ? this.today : '2100-12-31',
    });
    if (result.ok) return result.value;
    this.fail(
      name,
      result.problem === 'tooLate' && bounds.notAfterToday
        ? `„${label}“ darf nicht in der Zukunft liegen.`
        : `„${label}“ muss ein echtes Datum zwischen 1990 und 2100 sein, zum Beispiel 01.03.2024.`,
    );
    return null;
  }

  /** A month typed as 03.2025 or sent as 2025-03 (month input); value YYYY-MM-01. */
  month(name: string, label: string): string | null {
    const raw = this.text(name, label);
    const iso = /^(\d{4})-(\d{1,2})$/.exec(raw);
    const german = /^(\d{1,2})[./](\d{4})$/.exec(raw);
    const [year, month] = iso ? [iso[1], iso[2]] : german ? [german[2], german[1]] : ['', ''];
    const first = year && month ? `${year}-${month.padStart(2, '0')}-01` : '';
    const check = first
      ? checkDate(first, { today: this.today, notBefore: '1990-01-01', notAfter: this.today })
      : undefined;
    if (check?.ok) return check.value;
    this.fail(name, `„${label}“ muss ein vergangener oder der laufende Monat sein, zum Beispiel 03.2025.`);
    return null;
  }

  /** Euros as typed ("1.200,00 €"); value cents; null when empty and optional. */
  euros(name: string, label: string, required = false): number | null {
    const raw = this.text(name, label);
    if (raw === '') {
      if (required) this.fail(name, `Geben Sie „${label}“ in Euro ein, zum Beispiel 1.200,00.`);
      return null;
    }
    const result = checkMoney(raw, { min: 0, max: 1e13 });
    if (result.ok) return result.value;
    this.fail(name, `„${label}“ muss ein Betrag in Euro sein, zum Beispiel 1.200,00.`);
    return null;
  }

  /** A whole number in [min, max]; null when empty and optional. */
  integer(name: string, label: string, min: number, max: number, required = true): number | null {
    const raw = this.text(name, label);
    if (raw === '') {
      if (required) this.fail(name, `Geben Sie „${label}“ als ganze Zahl ein.`);
      return null;
    }
    const result = checkNumber(raw, { integer: true, min, max });
    if (result.ok) return result.value;
    this.fail(
      name,
      `„${label}“ muss eine ganze Zahl von ${min.toLocaleString('de-DE')} bis ${max.toLocaleString('de-DE')} sein.`,
    );
    return null;
  }

  /** One of the given keys; '' (and an error) otherwise. */
  choice<K extends string>(name: string, allowed: readonly K[], message: string): K | '' {
    const value = this.text(name, name);
    if ((allowed as readonly string[]).includes(value)) return value as K;
    this.fail(name, message);
    return '';
  }

  /** An http(s) address; null when empty. */
  url(name: string, label: string): string | null {
    const raw = this.text(name, label);
    if (raw === '') return null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // reported below
    }
    this.fail(name, `„${label}“ muss eine Internetadresse sein, die mit https:// beginnt.`);
    return null;
  }
}
