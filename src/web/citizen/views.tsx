/** Citizen pages outside the form journey: service list, service start page, test log-in, postbox, confirmation. */
import type { ComponentChildren, VNode } from 'preact';
import type { PostboxMessage } from '../../cases/postbox.ts';
import type { Case } from '../../cases/types.ts';
import { formatDateTime, localize } from '../../forms/display.ts';
import type { FieldError, Locale } from '../../forms/types.ts';
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
import { CitizenNav } from './nav.tsx';
import { citizenTexts } from './texts.ts';

export interface CitizenFrame {
  tenantName: string;
  citizen: Citizen | undefined;
  csrfToken: string;
  locale: Locale;
  /** The request's path and query, for the link to the same page in the other language (none if undefined). */
  url: string | undefined;
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
      lang={frame.locale}
      tenantName={frame.tenantName}
      errors={props.errors}
      nav={
        <CitizenNav
          citizen={frame.citizen}
          csrfToken={frame.csrfToken}
          locale={frame.locale}
          url={frame.url}
        />
      }
    >
      {props.children}
    </Page>
  );
}

export function HomePage(props: { frame: CitizenFrame; services: readonly CompiledPackage[] }): VNode {
  const { locale } = props.frame;
  const t = citizenTexts(locale);
  return (
    <CitizenPage frame={props.frame} title={t.servicesTitle}>
      <h1 class="kern-heading-large">{t.servicesHeading(props.frame.tenantName)}</h1>
      <p class="kern-body">{t.servicesIntro}</p>
      <ul class="kern-list app-service-list">
        {props.services.map(({ definition }) => (
          <li key={definition.id}>
            <a class="kern-link kern-body--large" href={`/dienste/${definition.id}`}>
              {localize(definition.metadata.title, locale)}
            </a>
            <p class="kern-body">{localize(definition.metadata.summary, locale)}</p>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        {t.progressBefore}
        <a class="kern-link" href="/ozg-stand" hreflang="de">
          {t.progressLink}
        </a>
        .
      </p>
    </CitizenPage>
  );
}

export function ServiceStartPage(props: { frame: CitizenFrame; pkg: CompiledPackage }): VNode {
  const { id, metadata } = props.pkg.definition;
  const { locale } = props.frame;
  const t = citizenTexts(locale);
  const title = localize(metadata.title, locale);
  return (
    <CitizenPage frame={props.frame} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body kern-body--large">{localize(metadata.summary, locale)}</p>
      <h2 class="kern-heading-medium">{t.whatYouNeed}</h2>
      <ul class="kern-list kern-list--bullet">
        {metadata.whatYouNeed.map((item) => (
          <li key={item.de}>{localize(item, locale)}</li>
        ))}
        <li>{t.trustLevelNeeded(t.trustLevels[metadata.requiredTrustLevel])}</li>
      </ul>
      <SummaryList
        rows={[
          { key: t.fees, value: localize(metadata.fees, locale) },
          { key: t.processingTime, value: localize(metadata.processingTime, locale) },
          { key: t.responsible, value: localize(metadata.responsibleOrgUnit, locale) },
          {
            key: t.legalBasis,
            value: metadata.legalBasis.map((basis) => localize(basis, locale)).join('; '),
          },
        ]}
      />
      <ButtonLink href={`/dienste/${id}/formular`}>{t.startNow}</ButtonLink>
    </CitizenPage>
  );
}

export function LoginPage(props: {
  frame: CitizenFrame;
  persons: readonly TestPerson[];
  returnTo: string;
  errors: FieldError[];
}): VNode {
  const t = citizenTexts(props.frame.locale);
  const error = (field: string) => props.errors.find((e) => e.field === field)?.message;
  return (
    <CitizenPage frame={props.frame} title={t.logInTitle} errors={props.errors}>
      <h1 class="kern-heading-large">{t.logIn}</h1>
      <Alert type="warning" title={t.devLoginWarning}>
        {t.devLoginText}
      </Alert>
      <Form
        action={`/anmelden?weiter=${encodeURIComponent(props.returnTo)}`}
        csrfToken={props.frame.csrfToken}
      >
        <Radios
          name="person"
          legend={t.whichPerson}
          options={props.persons.map((p) => ({
            value: p.id,
            label: `${p.givenName} ${p.familyName}`,
            hint: `${p.street} ${p.houseNumber}, ${p.postalCode} ${p.city}`,
          }))}
          error={error('person')}
        />
        <Radios
          name="trustLevel"
          legend={t.whichTrustLevel}
          options={(['basic', 'substantial', 'high'] as const).map((level) => ({
            value: level,
            ...t.loginLevels[level],
          }))}
          error={error('trustLevel')}
        />
        <Button>{t.logIn}</Button>
      </Form>
    </CitizenPage>
  );
}

export const STATUS_TYPES: Record<Case['status'], 'info' | 'success' | 'danger'> = {
  submitted: 'info',
  approved: 'success',
  rejected: 'danger',
};

/** The German names, for staff pages. */
export const STATUS_NAMES: Record<Case['status'], { label: string; type: 'info' | 'success' | 'danger' }> = {
  submitted: { label: citizenTexts('de').statuses.submitted, type: 'info' },
  approved: { label: citizenTexts('de').statuses.approved, type: 'success' },
  rejected: { label: citizenTexts('de').statuses.rejected, type: 'danger' },
};

export function StatusBadge(props: { status: Case['status']; locale: Locale }): VNode {
  return <Badge type={STATUS_TYPES[props.status]}>{citizenTexts(props.locale).statuses[props.status]}</Badge>;
}

export function ConfirmationPage(props: {
  frame: CitizenFrame;
  case: Case;
  serviceTitle: string;
  /** Set for applicants without log-in: their messages come as links to this address. */
  deliveryEmail?: string | undefined;
  linkDays: number;
}): VNode {
  const found = props.case;
  const { locale } = props.frame;
  const t = citizenTexts(locale);
  return (
    <CitizenPage frame={props.frame} title={t.sentTitle}>
      <Alert type="success" title={t.sentAlert}>
        <p class="kern-body">
          {t.yourReference}
          <strong class="app-reference">{found.reference}</strong>
        </p>
      </Alert>
      <h1 class="kern-heading-large">{t.sentHeading(props.serviceTitle)}</h1>
      <p class="kern-body">{t.receivedOn(formatDateTime(found.submittedAt, locale))}</p>
      <h2 class="kern-heading-medium">{t.whatNext}</h2>
      {props.deliveryEmail ? (
        <>
          <p class="kern-body">
            {t.byEmail}
            <strong>{props.deliveryEmail}</strong>.
          </p>
          <p class="kern-body">{t.byEmailLink(props.linkDays)}</p>
        </>
      ) : (
        <p class="kern-body">
          {t.toPostbox}
          <a class="kern-link" href="/postfach">
            {t.postbox}
          </a>
          .
        </p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`/antraege/${found.id}/eingangsbestaetigung.pdf`}>
          {t.receiptLink}
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
  const { locale } = props.frame;
  const t = citizenTexts(locale);
  return (
    <CitizenPage frame={props.frame} title={t.postbox}>
      <h1 class="kern-heading-large">{t.postboxHeading}</h1>
      <h2 class="kern-heading-medium">{t.yourApplications}</h2>
      {props.cases.length === 0 ? (
        <p class="kern-body">{t.noApplications}</p>
      ) : (
        <ul class="kern-list app-card-list">
          {props.cases.map((c) => (
            <li key={c.id}>
              <p class="kern-body kern-body--bold">
                {props.titles.get(c.serviceId) ?? c.serviceId} ({c.reference})
              </p>
              <p class="kern-body">
                {t.status}: <StatusBadge status={c.status} locale={locale} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium">{t.messages}</h2>
      <MessageList
        messages={props.messages}
        documentHref={(id) => `/postfach/dokumente/${id}`}
        locale={locale}
      />
    </CitizenPage>
  );
}

/**
 * Messages newest first, each with a download link for its document (the Bescheid). The messages
 * themselves are written in German (they are kept as sent), so they are marked as German.
 */
export function MessageList(props: {
  messages: PostboxMessage[];
  documentHref: (documentId: string) => string;
  locale: Locale;
}): VNode {
  const t = citizenTexts(props.locale);
  const german = props.locale === 'de' ? undefined : 'de';
  if (props.messages.length === 0) return <p class="kern-body">{t.noMessages}</p>;
  return (
    <ul class="kern-list app-card-list">
      {props.messages.map((m) => (
        <li key={m.id}>
          <h3 class="kern-heading-small" lang={german}>
            {m.subject}
          </h3>
          <p class="kern-body kern-body--small">{formatDateTime(m.createdAt, props.locale)}</p>
          <p class="kern-body" lang={german}>
            {m.body}
          </p>
          {m.documentId && (
            <p class="kern-body">
              <a class="kern-link" href={props.documentHref(m.documentId)}>
                {t.decisionLink}
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
