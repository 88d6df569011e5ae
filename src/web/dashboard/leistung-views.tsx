/** Staff pages to keep the OZG progress data: the Leistungen list, one Leistung with its status form, costs. */
import type { ComponentChildren, VNode } from 'preact';
import { MATURITY_11_NAMES } from '../../catalog/council-figures.ts';
import { formatFigureValue } from '../../catalog/figure.ts';
import type { CatalogEntry } from '../../catalog/progress.ts';
import { DELAY_REASONS, type EffectiveStatus, STATUS_LABELS } from '../../catalog/status.ts';
import type { FieldError } from '../../forms/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { Radios } from '../components/radios.tsx';
import { Select } from '../components/select.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { Table } from '../components/table.tsx';
import { TextArea } from '../components/text-area.tsx';
import { TextField } from '../components/text-field.tsx';
import { type StaffFrame, StaffPage } from '../staff/views.tsx';

export const LEISTUNGEN_PATH = '/verwaltung/ozg/leistungen';
export const SETTINGS_PATH = '/verwaltung/ozg/kosten';

export type FormValues = Record<string, string>;

const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

export function DashboardStaffLinks(): VNode {
  return (
    <ul class="kern-list kern-list--horizontal app-nav-list">
      <li>
        <a class="kern-link" href={LEISTUNGEN_PATH}>
          Leistungen bearbeiten
        </a>
      </li>
      <li>
        <a class="kern-link" href={SETTINGS_PATH}>
          Kostenmodell
        </a>
      </li>
      <li>
        <a class="kern-link" href="/verwaltung/ozg/antwort.pdf">
          Antwort auf eine Ratsanfrage (PDF)
        </a>
      </li>
      <li>
        <a class="kern-link" href="/ozg-stand">
          Öffentliche Ansicht
        </a>
      </li>
    </ul>
  );
}

export interface LeistungListProps {
  frame: StaffFrame;
  entries: (CatalogEntry & { status: EffectiveStatus })[];
  total: number;
  text: string;
  themenfeld: string;
  themenfelder: string[];
  page: number;
  pageSize: number;
}

export function LeistungListPage(props: LeistungListProps): VNode {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const query = (page: number) =>
    `${LEISTUNGEN_PATH}?${new URLSearchParams({ suche: props.text, themenfeld: props.themenfeld, seite: String(page) })}`;
  return (
    <StaffPage frame={props.frame} title="Leistungen">
      <h1 class="kern-heading-large">Leistungen aus dem OZG-Katalog</h1>
      <search>
        <form class="app-form" method="get" action={LEISTUNGEN_PATH}>
          <TextField
            name="suche"
            label="Suche nach Name, LeiKa-Schlüssel oder Leistungsbündel"
            value={props.text}
          />
          <Select
            name="themenfeld"
            label="Themenfeld"
            options={props.themenfelder.map((t) => ({ value: t, label: t }))}
            value={props.themenfeld}
          />
          <Button variant="secondary">Suchen</Button>
        </form>
      </search>
      <p class="kern-body" aria-live="polite">
        {formatFigureValue(props.total, 'count')} Leistungen gefunden, Seite {props.page} von {pages}.
      </p>
      <Table
        caption="Leistungen"
        head={['Leistung', 'LeiKa-Schlüssel', 'OZG-Leistungsbündel', 'Stand']}
        rows={props.entries.map((e) => [
          <a class="kern-link" href={`${LEISTUNGEN_PATH}/${e.leikaKey}`} key="name">
            {e.name}
          </a>,
          e.leikaKey,
          e.bundleName ?? '–',
          STATUS_LABELS[e.status],
        ])}
      />
      <nav aria-label="Seiten">
        <ul class="kern-list kern-list--horizontal app-nav-list">
          {props.page > 1 && (
            <li>
              <a class="kern-link" href={query(props.page - 1)}>
                Vorherige Seite
              </a>
            </li>
          )}
          {props.page < pages && (
            <li>
              <a class="kern-link" href={query(props.page + 1)}>
                Nächste Seite
              </a>
            </li>
          )}
        </ul>
      </nav>
    </StaffPage>
  );
}

export interface LeistungPageProps {
  frame: StaffFrame;
  entry: CatalogEntry;
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

export function SettingsPage(props: {
  frame: StaffFrame;
  values: FormValues;
  errors: FieldError[];
  canChange: boolean;
  done?: string;
}): VNode {
  const { values, errors } = props;
  return (
    <StaffPage frame={props.frame} title="Kostenmodell" errors={errors}>
      <a class="kern-link" href="/verwaltung/ozg">
        Zurück zum OZG-Stand
      </a>
      <h1 class="kern-heading-large">Kostenmodell</h1>
      {props.done && <Alert type="success" title={props.done} />}
      <p class="kern-body">
        Die Kosten pro Jahr setzen sich zusammen aus einer festen Gebühr für die Plattform, einem Betrag je
        Einwohnerin und Einwohner und den Kosten der einzelnen Online-Dienste (bei jeder Leistung
        eingetragen).
      </p>
      {props.canChange ? (
        <Form action={SETTINGS_PATH} csrfToken={props.frame.csrfToken}>
          <TextField
            name="costModelName"
            label="Name des Kostenmodells"
            value={values.costModelName}
            error={errorFor(errors, 'costModelName')}
          />
          <TextField
            name="platformFee"
            label="Feste Gebühr pro Jahr in Euro"
            value={values.platformFee}
            error={errorFor(errors, 'platformFee')}
            width="medium"
          />
          <TextField
            name="perInhabitant"
            label="Betrag je Einwohnerin und Einwohner pro Jahr in Euro"
            value={values.perInhabitant}
            error={errorFor(errors, 'perInhabitant')}
            width="medium"
          />
          <TextField
            name="inhabitants"
            label="Einwohnerinnen und Einwohner"
            value={values.inhabitants}
            error={errorFor(errors, 'inhabitants')}
            width="medium"
            inputMode="numeric"
          />
          <TextField
            name="trendStart"
            label="Zeitverlauf beginnt am"
            hint="Zum Beispiel 01.01.2020"
            value={values.trendStart}
            error={errorFor(errors, 'trendStart')}
            width="medium"
          />
          <Button>Speichern</Button>
        </Form>
      ) : (
        <p class="kern-body">Ändern dürfen diese Angaben nur Mitarbeitende der OZG-Koordination.</p>
      )}
    </StaffPage>
  );
}
