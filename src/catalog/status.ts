/**
 * A tenant's status for one LeiKa Leistung, and the staff form that changes it. Pure: labels and checks.
 * Statuses: offered by an Amtsweg package (derived from the published packages, never typed in), offered
 * elsewhere (e.g. an EfA service of the Land), planned (with target date and a reason for the delay), or not
 * relevant for this municipality. A Leistung with none of these is "not yet assessed".
 */
import type { LeistungStatusKind } from '../db/schema.ts';
import type { FieldError } from '../forms/types.ts';
import { FormReader } from './form-reader.ts';

export type EffectiveStatus = LeistungStatusKind | 'open';

export const STATUS_LABELS: Record<EffectiveStatus, string> = {
  amtsweg: 'Online über Amtsweg',
  elsewhere: 'Online über einen anderen Dienst',
  planned: 'Geplant',
  not_relevant: 'Nicht relevant',
  open: 'Noch nicht bewertet',
};

/** The fixed list of reasons for a delay, so the dashboard can count them; details go into the note. */
export const DELAY_REASONS = {
  state_infrastructure: 'Infrastruktur von Bund oder Land fehlt noch',
  standard_interface: 'Standard oder Schnittstelle fehlt noch',
  fachverfahren_interface: 'Schnittstelle zum Fachverfahren fehlt',
  efa_service: 'Warten auf den Dienst eines anderen Landes (EfA)',
  staff_capacity: 'Zu wenig Personal',
  budget: 'Keine Haushaltsmittel',
  procurement: 'Vergabe läuft',
  legal: 'Rechtsfrage offen',
  other: 'Anderer Grund',
} as const;
export type DelayReason = keyof typeof DELAY_REASONS;
const DELAY_REASON_KEYS = Object.keys(DELAY_REASONS) as DelayReason[];

/** What staff can set; 'amtsweg' comes from the published packages instead. */
export type StatusChange =
  | {
      status: 'elsewhere';
      provider: string;
      url: string | null;
      onlineSince: string;
      maturity11: number | null;
      maturity20: number | null;
      annualCostCents: number | null;
      internalNote: string | null;
    }
  | {
      status: 'planned';
      targetDate: string;
      delayReason: DelayReason;
      annualCostCents: number | null;
      internalNote: string | null;
    }
  | { status: 'not_relevant'; internalNote: string | null }
  | { status: 'open' };

export const EDITABLE_STATUSES = ['elsewhere', 'planned', 'not_relevant', 'open'] as const;

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Checks the status form; every problem is named with its field, in German. */
export function parseStatusForm(body: Record<string, unknown>, today: string): Parsed<StatusChange> {
  const form = new FormReader(body, today);
  const status = form.choice('status', EDITABLE_STATUSES, 'Wählen Sie aus, wie die Leistung angeboten wird.');
  // Read only for the statuses that keep a note: 'open' deletes the row, note and all.
  const internalNote = () => form.note('internalNote', 'Interne Notiz');
  const change = ((): StatusChange | undefined => {
    switch (status) {
      case 'open':
        return { status };
      case 'not_relevant':
        return { status, internalNote: internalNote() };
      case 'elsewhere':
        return {
          status,
          provider: form.required('provider', 'Anbieter', 'Geben Sie an, wer den Online-Dienst anbietet.'),
          url: form.url('url', 'Adresse des Online-Dienstes'),
          onlineSince: form.date('onlineSince', 'Online seit', { notAfterToday: true }) ?? '',
          maturity11: form.integer('maturity11', 'Reifegrad nach Modell 1.1', 0, 4, false),
          maturity20: form.integer('maturity20', 'Reifegrad nach Modell 2.0', 0, 7, false),
          annualCostCents: form.euros('annualCost', 'Kosten pro Jahr'),
          internalNote: internalNote(),
        };
      case 'planned':
        return {
          status,
          targetDate: form.date('targetDate', 'Geplant ab') ?? '',
          delayReason: form.choice(
            'delayReason',
            DELAY_REASON_KEYS,
            'Wählen Sie aus, warum die Leistung noch nicht online ist.',
          ) as DelayReason,
          annualCostCents: form.euros('annualCost', 'Kosten pro Jahr'),
          internalNote: internalNote(),
        };
      default:
        return undefined;
    }
  })();
  return change && form.errors.length === 0
    ? { ok: true, value: change }
    : { ok: false, errors: form.errors };
}
