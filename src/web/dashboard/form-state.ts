/** Paths and form state shared by the dashboard's staff pages. */
import { formatMoney } from '../../forms/checks/money.ts';
import { formatIsoDate } from '../../forms/display.ts';
import type { FieldError } from '../../forms/types.ts';

export const LEISTUNGEN_PATH = '/verwaltung/ozg/leistungen';
export const SETTINGS_PATH = '/verwaltung/ozg/kosten';

/** What a form shows in its fields, as typed. */
export type FormValues = Record<string, string>;

export const errorFor = (errors: FieldError[], field: string) =>
  errors.find((e) => e.field === field)?.message;

/** What the form sent, as strings, to show it again after an error (WCAG 3.3.7: nothing typed is lost). */
export const asValues = (body: Record<string, unknown>): FormValues =>
  Object.fromEntries(
    Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' && k !== '_csrf' ? [[k, v]] : [])),
  );

/** Cents as a staff member would type the amount again: "1.200,00". */
export const eurosAsTyped = (cents: number | null) =>
  cents === null ? '' : formatMoney(cents).replace(/\s*€$/, '');

export const dateAsTyped = (iso: string | null) => (iso ? formatIsoDate(iso) : '');
