/** One Leistung of the OZG catalogue for staff: its data, its status form and the monthly application counts. */
import type { ComponentChildren, VNode } from 'preact';
import { MATURITY_11_NAMES } from '../../catalog/council-figures.ts';
import type { CatalogEntry } from '../../catalog/progress.ts';
import { DELAY_REASONS, type EffectiveStatus, STATUS_LABELS } from '../../catalog/status.ts';
import type { FieldError } from '../../forms/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { Radios } from '../components/radios.tsx';
import { Select } from '../components/select.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { TextArea } from '../components/text-area.tsx';
import { TextField } from '../components/text-field.tsx';
import { type StaffFrame, StaffPage } from '../staff/views.tsx';

import { errorFor, type FormValues, LEISTUNGEN_PATH } from './form-state.ts';

export interface LeistungPageProps {
  frame: StaffFrame;
  entry: CatalogEntry & { lage: string | null; lageKind: string | null };
  status: EffectiveStatus;
  canChange: boolean;
  values: FormValues;
  errors: FieldError[];
  countValues: FormValues;
  countErrors: FieldError[];
  /** Shown for Leistungen offered by an Amtsweg package. */
  offeredBy?: { serviceId: string; title: string };
  maturity?: ComponentChildren;
  /** Errors of the maturity forms, for the summary at the top. */
  pageErrors?: FieldError[];
  done?: string;
}

export function LeistungPage(props: LeistungPageProps): VNode {
  const { entry, values, errors } = props;
  const allErrors = [...errors, ...props.countErrors, ...(props.pageErrors ?? [])];
  const levelOptions = (names: string[]) =>
    names.map((name, level) => ({ value: String(level), label: name }));
  return (
    <StaffPage frame={props.frame} title={entry.name} errors={allErrors}>
      <a class="kern-link" href={LEISTUNGEN_PATH}>
        Zurück zur Liste
      </a>
      <h1 class="kern-heading-large">{entry.name}</h1>
      {props.done && <Alert type="success" title={props.done} />}
      <SummaryList
        rows={[
          { key: 'LeiKa-Schlüssel', value: entry.leikaKey },
          {
            key: 'LeiKa-Typ',
            value: `${entry.leikaType}${entry.municipal ? ' (Vollzug durch Land oder Kommune)' : ''}`,
          },
          {
            key: 'OZG-Leistungsbündel',
            value: entry.bundleName ? `${entry.bundleName} (OZG-ID ${entry.bundleId})` : '–',
          },
          { key: 'Themenfeld', value: entry.themenfeld ?? '–' },
          {
            key: entry.lageKind === 'unternehmenslage' ? 'Unternehmenslage' : 'Lebenslage',
            value: entry.lage ?? '–',
          },
          { key: 'Stand', value: STATUS_LABELS[props.status] },
        ]}
      />
      {props.offeredBy && (
        <p class="kern-body">
          Diese Leistung bietet das Leistungspaket „{props.offeredBy.title}“ online an. Der Stand ergibt sich
          daraus; der Reifegrad wird aus dem Paket abgeleitet.
        </p>
      )}
      {props.maturity}
      {props.canChange && !props.offeredBy && (
        <Form action={`${LEISTUNGEN_PATH}/${entry.leikaKey}`} csrfToken={props.frame.csrfToken}>
          <h2 class="kern-heading-medium">Stand ändern</h2>
          <Radios
            name="status"
            legend="Wie wird die Leistung angeboten?"
            value={values.status}
            error={errorFor(errors, 'status')}
            options={[
              {
                value: 'elsewhere',
                label: STATUS_LABELS.elsewhere,
                hint: 'Zum Beispiel ein EfA-Dienst des Landes',
              },
              { value: 'planned', label: STATUS_LABELS.planned },
              {
                value: 'not_relevant',
                label: STATUS_LABELS.not_relevant,
                hint: 'Die Stadt ist nicht zuständig',
              },
              { value: 'open', label: STATUS_LABELS.open },
            ]}
          />
          <FieldGroup legend="Wenn online über einen anderen Dienst">
            <TextField
              name="provider"
              label="Anbieter"
              value={values.provider}
              error={errorFor(errors, 'provider')}
            />
            <TextField
              name="url"
              label="Adresse des Online-Dienstes (optional)"
              value={values.url}
              error={errorFor(errors, 'url')}
              inputMode="url"
            />
            <TextField
              name="onlineSince"
              label="Online seit"
              hint="Zum Beispiel 01.03.2024"
              value={values.onlineSince}
              error={errorFor(errors, 'onlineSince')}
              width="medium"
            />
            <Select
              name="maturity11"
              label="Reifegrad nach Modell 1.1 (optional)"
              options={levelOptions(MATURITY_11_NAMES.map((n, i) => `${i} – ${n}`))}
              value={values.maturity11}
              error={errorFor(errors, 'maturity11')}
            />
            <Select
              name="maturity20"
              label="Reifegrad nach Modell 2.0 (optional)"
              options={levelOptions(['0', '1', '2', '3', '4', '5', '6', '7'].map((l) => `Stufe ${l}`))}
              value={values.maturity20}
              error={errorFor(errors, 'maturity20')}
            />
          </FieldGroup>
          <FieldGroup legend="Wenn geplant">
            <TextField
              name="targetDate"
              label="Geplant ab"
              hint="Zum Beispiel 01.07.2027"
              value={values.targetDate}
              error={errorFor(errors, 'targetDate')}
              width="medium"
            />
            <Select
              name="delayReason"
              label="Warum ist die Leistung noch nicht online?"
              options={Object.entries(DELAY_REASONS).map(([value, label]) => ({ value, label }))}
              value={values.delayReason}
              error={errorFor(errors, 'delayReason')}
            />
          </FieldGroup>
          <TextField
            name="annualCost"
            label="Kosten pro Jahr in Euro (optional)"
            value={values.annualCost}
            error={errorFor(errors, 'annualCost')}
            width="medium"
          />
          <TextArea
            name="internalNote"
            label="Interne Notiz (optional, nicht öffentlich)"
            value={values.internalNote}
            error={errorFor(errors, 'internalNote')}
          />
          <Button>Stand speichern</Button>
        </Form>
      )}
      {props.canChange && (
        <Form action={`${LEISTUNGEN_PATH}/${entry.leikaKey}/antragszahlen`} csrfToken={props.frame.csrfToken}>
          <h2 class="kern-heading-medium">Antragszahlen eines Monats eintragen</h2>
          <TextField
            name="month"
            label="Monat"
            hint="Zum Beispiel 03.2025"
            value={props.countValues.month}
            error={errorFor(props.countErrors, 'month')}
            width="short"
          />
          {!props.offeredBy && (
            <TextField
              name="online"
              label="Anträge online"
              value={props.countValues.online}
              error={errorFor(props.countErrors, 'online')}
              width="short"
              inputMode="numeric"
            />
          )}
          <TextField
            name="paper"
            label="Anträge auf Papier oder vor Ort"
            value={props.countValues.paper}
            error={errorFor(props.countErrors, 'paper')}
            width="short"
            inputMode="numeric"
          />
          <Button variant="secondary">Zahlen speichern</Button>
        </Form>
      )}
      {!props.canChange && (
        <p class="kern-body">Ändern dürfen diese Angaben nur Mitarbeitende der OZG-Koordination.</p>
      )}
    </StaffPage>
  );
}

function FieldGroup(props: { legend: string; children: ComponentChildren }): VNode {
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">{props.legend}</legend>
      <div class="kern-fieldset__body">{props.children}</div>
    </fieldset>
  );
}
