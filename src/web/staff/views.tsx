/** Staff pages: test log-in, inbox, case page with its history and the decision form. */
import type { ComponentChildren, VNode } from 'preact';
import type { Case, CaseEvent } from '../../cases/types.ts';
import type { DocumentRecord } from '../../documents/service.ts';
import { isoDateInBerlin } from '../../forms/display.ts';
import { summaryRows } from '../../forms/engine.ts';
import type { FieldError } from '../../forms/types.ts';
import type { StaffMember } from '../../identity/types.ts';
import type { CompiledPackage } from '../../packages/compile.ts';
import { STATUS_NAMES } from '../citizen/views.tsx';
import { Alert } from '../components/alert.tsx';
import { Badge } from '../components/badge.tsx';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { Page } from '../components/page.tsx';
import { Radios } from '../components/radios.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { Table } from '../components/table.tsx';
import { TextArea } from '../components/text-area.tsx';
import { dateTimeFormat } from '../context.ts';

export interface StaffFrame {
  tenantName: string;
  staff: StaffMember | undefined;
  csrfToken: string;
}

export function StaffPage(props: {
  frame: StaffFrame;
  title: string;
  errors?: FieldError[];
  children: ComponentChildren;
}): VNode {
  const { frame } = props;
  const nav = frame.staff ? (
    <ul class="kern-list kern-list--horizontal app-nav-list">
      <li>
        <a class="kern-link" href="/verwaltung/eingang">
          Eingang
        </a>
      </li>
      <li>
        <a class="kern-link" href="/verwaltung/pakete">
          Leistungspakete
        </a>
      </li>
      <li>
        <a class="kern-link" href="/verwaltung/stoerungen">
          Störungen
        </a>
      </li>
      <li>
        <a class="kern-link" href="/verwaltung/ozg">
          OZG-Stand
        </a>
      </li>
      <li>
        <Form action="/verwaltung/abmelden" csrfToken={frame.csrfToken}>
          <Button variant="tertiary">Abmelden ({frame.staff.displayName})</Button>
        </Form>
      </li>
    </ul>
  ) : undefined;
  return (
    <Page title={`${props.title} – Verwaltung`} tenantName={frame.tenantName} errors={props.errors} nav={nav}>
      {props.children}
    </Page>
  );
}

export function StaffLoginPage(props: {
  frame: StaffFrame;
  staff: StaffMember[];
  errors: FieldError[];
}): VNode {
  return (
    <StaffPage frame={props.frame} title="Anmelden (Test)" errors={props.errors}>
      <h1 class="kern-heading-large">Anmeldung für Mitarbeitende</h1>
      <Alert type="warning" title="Entwicklungsfunktion: Test-Anmeldung">
        Diese Anmeldung gibt es nur zum Ausprobieren. Im Betrieb melden sich Mitarbeitende über die Anmeldung
        der Verwaltung an.
      </Alert>
      <Form action="/verwaltung/anmelden" csrfToken={props.frame.csrfToken}>
        <Radios
          name="staffId"
          legend="Als wer möchten Sie sich anmelden?"
          options={props.staff.map((s) => ({
            value: s.id,
            label: s.displayName,
            hint: s.roles.includes('designer')
              ? 'Leistungsdesign'
              : s.roles.includes('coordinator')
                ? 'OZG-Koordination'
                : 'Sachbearbeitung',
          }))}
          error={props.errors.find((e) => e.field === 'staffId')?.message}
        />
        <Button>Anmelden</Button>
      </Form>
    </StaffPage>
  );
}

export function InboxPage(props: { frame: StaffFrame; cases: Case[]; titles: Map<string, string> }): VNode {
  return (
    <StaffPage frame={props.frame} title="Eingang">
      <h1 class="kern-heading-large">Eingang</h1>
      {props.cases.length === 0 ? (
        <p class="kern-body">Es sind keine Anträge eingegangen.</p>
      ) : (
        <Table
          caption="Eingegangene Anträge, neueste zuerst"
          head={['Aktenzeichen', 'Leistung', 'Antragsteller/in', 'Eingang', 'Status']}
          rows={props.cases.map((c) => [
            <a class="kern-link" href={`/verwaltung/vorgaenge/${c.id}`} key="ref">
              {c.reference}
            </a>,
            props.titles.get(c.serviceId) ?? c.serviceId,
            c.applicantName,
            dateTimeFormat.format(c.submittedAt),
            <Badge type={STATUS_NAMES[c.status].type} key="status">
              {STATUS_NAMES[c.status].label}
            </Badge>,
          ])}
        />
      )}
    </StaffPage>
  );
}

const EVENT_NAMES: Record<string, string> = { submitted: 'Antrag eingegangen', decided: 'Entschieden' };

export interface CasePageProps {
  frame: StaffFrame;
  case: Case;
  events: CaseEvent[];
  documents: DocumentRecord[];
  pkg: CompiledPackage | undefined;
  /** Set for an applicant without log-in: every message, the Bescheid too, goes out as an e-mailed link. */
  deliveryAddress: string | undefined;
  errors: FieldError[];
  form: { decision?: string; reason?: string };
  decided?: boolean;
}

export function CasePage(props: CasePageProps): VNode {
  const c = props.case;
  const rows = props.pkg ? summaryRows(props.pkg, c.answers, isoDateInBerlin(c.submittedAt), 'de') : [];
  const error = (field: string) => props.errors.find((e) => e.field === field)?.message;
  const letter = props.documents.find((d) => d.kind === 'decision_letter');
  // Caseworkers must know that an applicant without log-in has no postbox: the Bescheid goes out as a link.
  const delivery = props.deliveryAddress
    ? `per E-Mail-Link an ${props.deliveryAddress}`
    : 'in das Postfach des Nutzerkontos';
  return (
    <StaffPage frame={props.frame} title={`Vorgang ${c.reference}`} errors={props.errors}>
      {props.decided && (
        <Alert type="success" title="Entscheidung gespeichert">
          Der Bescheid wird erstellt und {delivery} zugestellt.
        </Alert>
      )}
      <h1 class="kern-heading-large">Vorgang {c.reference}</h1>
      <p class="kern-body">
        {props.pkg?.definition.metadata.title.de ?? c.serviceId} · Status:{' '}
        <Badge type={STATUS_NAMES[c.status].type}>{STATUS_NAMES[c.status].label}</Badge>
      </p>
      <p class="kern-body">Zustellung: {delivery}</p>
      <h2 class="kern-heading-medium">Angaben</h2>
      <SummaryList
        rows={rows.map((row) => {
          const doc = props.documents.find((d) => d.kind === 'upload' && d.id === row.documentId);
          const text = row.value || 'Keine Angabe';
          return {
            key: row.label,
            value: doc ? (
              <a class="kern-link" href={`/verwaltung/dokumente/${doc.id}`}>
                {text}
              </a>
            ) : (
              text
            ),
          };
        })}
      />
      {c.outcome ? (
        <>
          <h2 class="kern-heading-medium">Entscheidung</h2>
          <SummaryList
            rows={[
              { key: 'Ergebnis', value: STATUS_NAMES[c.status].label },
              { key: 'Begründung', value: c.outcome.reason },
              { key: 'Entschieden von', value: c.outcome.decidedByName },
              {
                key: 'Bescheid',
                value: letter ? (
                  <a class="kern-link" href={`/verwaltung/dokumente/${letter.id}`}>
                    {letter.filename}
                  </a>
                ) : (
                  'wird erstellt'
                ),
              },
            ]}
          />
        </>
      ) : (
        <>
          <h2 class="kern-heading-medium">Entscheiden</h2>
          <Form action={`/verwaltung/vorgaenge/${c.id}/entscheidung`} csrfToken={props.frame.csrfToken}>
            <input type="hidden" name="version" value={String(c.version)} />
            <Radios
              name="decision"
              legend="Wie entscheiden Sie?"
              value={props.form.decision}
              options={[
                { value: 'approved', label: 'Genehmigen' },
                { value: 'rejected', label: 'Ablehnen' },
              ]}
              error={error('decision')}
            />
            <TextArea
              name="reason"
              label="Begründung"
              hint="Steht im Bescheid. Höchstens 2.000 Zeichen."
              value={props.form.reason}
              maxLength={2000}
              error={error('reason')}
            />
            <Button>Entscheidung speichern und Bescheid erstellen</Button>
          </Form>
        </>
      )}
      <h2 class="kern-heading-medium">Verlauf</h2>
      <Table
        caption="Ereignisse dieses Vorgangs"
        head={['Zeitpunkt', 'Ereignis', 'Version']}
        rows={props.events.map((e) => [
          dateTimeFormat.format(e.createdAt),
          EVENT_NAMES[e.type] ?? e.type,
          String(e.caseVersion),
        ])}
      />
    </StaffPage>
  );
}
