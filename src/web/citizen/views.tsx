/** Citizen pages outside the form journey: service list, service start page, test log-in, postbox, confirmation. */
import type { ComponentChildren, VNode } from 'preact';
import type { PostboxMessage } from '../../cases/postbox.ts';
import type { Case } from '../../cases/types.ts';
import type { FieldError } from '../../forms/types.ts';
import type { TestPerson } from '../../identity/test-persons.ts';
import type { Citizen } from '../../identity/types.ts';
import type { CompiledPackage } from '../../packages/compile.ts';
import { Alert } from '../components/alert.tsx';
import { Badge } from '../components/badge.tsx';
import { Button, ButtonLink } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { Page } from '../components/page.tsx';
import { Radios } from '../components/radios.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { dateTimeFormat } from '../context.ts';
import { CitizenNav } from './nav.tsx';

export interface CitizenFrame {
  tenantName: string;
  citizen: Citizen | undefined;
  csrfToken: string;
}

export function CitizenPage(props: {
  frame: CitizenFrame;
  title: string;
  errors?: FieldError[];
  children: ComponentChildren;
}): VNode {
  const { frame } = props;
  return (
    <Page
      title={props.title}
      tenantName={frame.tenantName}
      errors={props.errors}
      nav={<CitizenNav citizen={frame.citizen} csrfToken={frame.csrfToken} />}
    >
      {props.children}
    </Page>
  );
}

export function HomePage(props: { frame: CitizenFrame; services: readonly CompiledPackage[] }): VNode {
  return (
    <CitizenPage frame={props.frame} title="Online-Dienste">
      <h1 class="kern-heading-large">Online-Dienste der {props.frame.tenantName}</h1>
      <p class="kern-body">Diese Anträge können Sie vollständig online stellen.</p>
      <ul class="kern-list app-service-list">
        {props.services.map(({ definition }) => (
          <li key={definition.id}>
            <a class="kern-link kern-body--large" href={`/dienste/${definition.id}`}>
              {definition.metadata.title.de}
            </a>
            <p class="kern-body">{definition.metadata.summary.de}</p>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        Wie weit die Verwaltung mit ihren Online-Diensten ist, zeigt der{' '}
        <a class="kern-link" href="/ozg-stand">
          Stand der OZG-Umsetzung
        </a>
        .
      </p>
    </CitizenPage>
  );
}

const TRUST_LEVEL_NAMES = {
  none: 'keine (ohne Anmeldung)',
  basic: 'Basisregistrierung',
  substantial: 'substanziell (z. B. ELSTER-Zertifikat)',
  high: 'hoch (Online-Ausweis)',
};

export function ServiceStartPage(props: { frame: CitizenFrame; pkg: CompiledPackage }): VNode {
  const { id, metadata } = props.pkg.definition;
  return (
    <CitizenPage frame={props.frame} title={metadata.title.de}>
      <h1 class="kern-heading-large">{metadata.title.de}</h1>
      <p class="kern-body kern-body--large">{metadata.summary.de}</p>
      <h2 class="kern-heading-medium">Das brauchen Sie</h2>
      <ul class="kern-list kern-list--bullet">
        {metadata.whatYouNeed.map((item) => (
          <li key={item.de}>{item.de}</li>
        ))}
        <li>eine Anmeldung mit dem Vertrauensniveau {TRUST_LEVEL_NAMES[metadata.requiredTrustLevel]}</li>
      </ul>
      <SummaryList
        rows={[
          { key: 'Kosten', value: metadata.fees.de },
          { key: 'Bearbeitungsdauer', value: metadata.processingTime.de },
          { key: 'Zuständig', value: metadata.responsibleOrgUnit.de },
          { key: 'Rechtsgrundlage', value: metadata.legalBasis.map((basis) => basis.de).join('; ') },
        ]}
      />
      <ButtonLink href={`/dienste/${id}/formular`}>Jetzt starten</ButtonLink>
    </CitizenPage>
  );
}

export function LoginPage(props: {
  frame: CitizenFrame;
  persons: readonly TestPerson[];
  returnTo: string;
  errors: FieldError[];
}): VNode {
  const error = (field: string) => props.errors.find((e) => e.field === field)?.message;
  return (
    <CitizenPage frame={props.frame} title="Anmelden (Test)" errors={props.errors}>
      <h1 class="kern-heading-large">Anmelden</h1>
      <Alert type="warning" title="Entwicklungsfunktion: Test-Anmeldung">
        Diese Anmeldung gibt es nur zum Ausprobieren. Im Betrieb melden Sie sich mit der BundID an.
      </Alert>
      <Form
        action={`/anmelden?weiter=${encodeURIComponent(props.returnTo)}`}
        csrfToken={props.frame.csrfToken}
      >
        <Radios
          name="person"
          legend="Als welche Testperson möchten Sie sich anmelden?"
          options={props.persons.map((p) => ({
            value: p.id,
            label: `${p.givenName} ${p.familyName}`,
            hint: `${p.street} ${p.houseNumber}, ${p.postalCode} ${p.city}`,
          }))}
          error={error('person')}
        />
        <Radios
          name="trustLevel"
          legend="Mit welchem Vertrauensniveau?"
          options={[
            { value: 'basic', label: 'Basisregistrierung', hint: 'Benutzername und Passwort' },
            { value: 'substantial', label: 'Substanziell', hint: 'zum Beispiel ELSTER-Zertifikat' },
            { value: 'high', label: 'Hoch', hint: 'Online-Ausweis' },
          ]}
          error={error('trustLevel')}
        />
        <Button>Anmelden</Button>
      </Form>
    </CitizenPage>
  );
}

export const STATUS_NAMES: Record<Case['status'], { label: string; type: 'info' | 'success' | 'danger' }> = {
  submitted: { label: 'In Bearbeitung', type: 'info' },
  approved: { label: 'Genehmigt', type: 'success' },
  rejected: { label: 'Abgelehnt', type: 'danger' },
};

export function ConfirmationPage(props: {
  frame: CitizenFrame;
  case: Case;
  serviceTitle: string;
  /** Set for applicants without log-in: their messages come as links to this address. */
  deliveryEmail?: string | undefined;
  linkDays: number;
}): VNode {
  const found = props.case;
  return (
    <CitizenPage frame={props.frame} title="Antrag abgeschickt">
      <Alert type="success" title="Ihr Antrag ist abgeschickt">
        <p class="kern-body">
          Ihr Aktenzeichen: <strong class="app-reference">{found.reference}</strong>
        </p>
      </Alert>
      <h1 class="kern-heading-large">{props.serviceTitle}: Antrag abgeschickt</h1>
      <p class="kern-body">Eingegangen am {dateTimeFormat.format(found.submittedAt)}.</p>
      <h2 class="kern-heading-medium">Wie geht es weiter?</h2>
      {props.deliveryEmail ? (
        <>
          <p class="kern-body">
            Wir prüfen Ihren Antrag. Sie haben sich nicht angemeldet. Deshalb schicken wir Ihnen zu jeder
            Nachricht eine E-Mail an <strong>{props.deliveryEmail}</strong>.
          </p>
          <p class="kern-body">
            In der E-Mail steht ein Link. Mit ihm lesen Sie die Nachricht und laden den Bescheid herunter. Der
            Link gilt {props.linkDays} Tage. Die erste E-Mail bestätigt, dass Ihr Antrag eingegangen ist.
          </p>
        </>
      ) : (
        <p class="kern-body">
          Wir prüfen Ihren Antrag. Den Bescheid bekommen Sie in Ihr{' '}
          <a class="kern-link" href="/postfach">
            Postfach
          </a>
          .
        </p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`/antraege/${found.id}/eingangsbestaetigung.pdf`}>
          Eingangsbestätigung herunterladen (PDF)
        </a>
      </p>
    </CitizenPage>
  );
}

export function PostboxPage(props: {
  frame: CitizenFrame;
  cases: Case[];
  messages: PostboxMessage[];
  titles: Map<string, string>;
}): VNode {
  return (
    <CitizenPage frame={props.frame} title="Postfach">
      <h1 class="kern-heading-large">Ihr Postfach</h1>
      <h2 class="kern-heading-medium">Ihre Anträge</h2>
      {props.cases.length === 0 ? (
        <p class="kern-body">Sie haben noch keine Anträge gestellt.</p>
      ) : (
        <ul class="kern-list app-card-list">
          {props.cases.map((c) => (
            <li key={c.id}>
              <p class="kern-body kern-body--bold">
                {props.titles.get(c.serviceId) ?? c.serviceId} ({c.reference})
              </p>
              <p class="kern-body">
                Status: <Badge type={STATUS_NAMES[c.status].type}>{STATUS_NAMES[c.status].label}</Badge>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium">Nachrichten</h2>
      <MessageList messages={props.messages} documentHref={(id) => `/postfach/dokumente/${id}`} />
    </CitizenPage>
  );
}

/** Messages newest first, each with a download link for its document (the Bescheid). */
export function MessageList(props: {
  messages: PostboxMessage[];
  documentHref: (documentId: string) => string;
}): VNode {
  if (props.messages.length === 0) return <p class="kern-body">Keine Nachrichten.</p>;
  return (
    <ul class="kern-list app-card-list">
      {props.messages.map((m) => (
        <li key={m.id}>
          <h3 class="kern-heading-small">{m.subject}</h3>
          <p class="kern-body kern-body--small">{dateTimeFormat.format(m.createdAt)}</p>
          <p class="kern-body">{m.body}</p>
          {m.documentId && (
            <p class="kern-body">
              <a class="kern-link" href={props.documentHref(m.documentId)}>
                Bescheid herunterladen (PDF)
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
