/** The pages of a form journey: one question (or a small group) per page, check your answers, declaration. */
import type { VNode } from 'preact';
import { formatLongDate, localize } from '../../forms/display.ts';
import type { SummaryRow } from '../../forms/engine.ts';
import { hasUploads } from '../../forms/repeat-uploads.ts';
import type { Reveal } from '../../forms/reveal.ts';
import type { FieldError } from '../../forms/types.ts';
import type { CompiledPackage, PageItem } from '../../packages/compile.ts';
import type { PackagePage } from '../../packages/schema.ts';
import { BackLink } from '../components/back-link.tsx';
import { Button, ButtonLink } from '../components/button.tsx';
import { Checkbox } from '../components/checkbox.tsx';
import { Form } from '../components/form.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { TextField } from '../components/text-field.tsx';
import { PageItems } from './page-items.tsx';
import { citizenTexts } from './texts.ts';
import { type CitizenFrame, CitizenPage } from './views.tsx';

export interface JourneyProps {
  frame: CitizenFrame;
  pkg: CompiledPackage;
  backHref: string;
}

/** One field alone on a page carries the page's question as its label (in the <h1>). */
function singleQuestion(items: readonly PageItem[]): boolean {
  return (
    items.length === 1 &&
    items[0]?.kind !== 'repeat' &&
    items[0]?.kind !== 'info' &&
    items[0]?.kind !== 'address' &&
    items[0]?.kind !== 'declaration'
  );
}

export function QuestionPage(
  props: JourneyProps & {
    page: PackagePage;
    items: readonly PageItem[];
    /** Items whose condition depends on answers of this page: shown with a hint, hidden by script when possible. */
    reveals?: ReadonlyMap<PageItem, Reveal>;
    raw: Record<string, unknown>;
    errors: FieldError[];
    action: string;
    expiresAt: Date;
    /** Anonymous visitors: where to ask for a resume link by e-mail. */
    saveLaterHref?: string;
    /** What the citizen's last action on the page did, e.g. a file removed. */
    notice?: string | undefined;
  },
): VNode {
  const { locale } = props.frame;
  const t = citizenTexts(locale);
  const title = localize(props.page.title, locale);
  const single = singleQuestion(props.items);
  const scripted = [...(props.reveals?.values() ?? [])].some((reveal) => reveal.field !== undefined);
  return (
    <CitizenPage frame={props.frame} title={title} errors={props.errors}>
      <BackLink href={props.backHref} />
      <p class="kern-body kern-body--muted app-caption">
        {localize(props.pkg.definition.metadata.title, locale)}
      </p>
      {props.notice && (
        // A status, not an alert: it confirms what the citizen just did and need not interrupt.
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--success" aria-hidden="true" />
            <p class="kern-title">{props.notice}</p>
          </div>
        </div>
      )}
      <Form action={props.action} csrfToken={props.frame.csrfToken} multipart={hasUploads(props.items)}>
        {props.items.some((item) => item.kind === 'repeat' || item.kind === 'file') && (
          // Enter in a text field presses the form's first submit button; on a page with repeating groups or
          // uploads that would be "remove item 1" or "remove file". This copy of "continue" comes first,
          // hidden from sight and from assistive technology, so Enter saves the page as the visible one does.
          <button type="submit" hidden>
            {t.continue}
          </button>
        )}
        {single ? null : <h1 class="kern-heading-large">{title}</h1>}
        <PageItems
          items={props.items}
          raw={props.raw}
          errors={new Map(props.errors.map((e) => [e.field, e.message]))}
          codeLists={props.pkg.definition.codeLists ?? {}}
          isPageHeading={single}
          reveals={props.reveals}
          locale={locale}
        />
        <Button>{t.continue}</Button>
      </Form>
      {scripted && <script src="/assets/reveal.js" defer />}
      <p class="kern-body kern-body--small app-draft-note">
        {t.draftNote(formatLongDate(props.expiresAt, locale))}
      </p>
      {props.saveLaterHref && (
        <p class="kern-body">
          <a class="kern-link" href={props.saveLaterHref}>
            {t.saveLater}
          </a>
        </p>
      )}
    </CitizenPage>
  );
}

export function CheckAnswersPage(
  props: JourneyProps & {
    rows: SummaryRow[];
    pageTitles: Map<string, string>;
    pageHref: (pageId: string) => string;
    nextHref: string;
    computed: { label: string; value: string }[];
  },
): VNode {
  const t = citizenTexts(props.frame.locale);
  const pageIds = [...new Set(props.rows.map((row) => row.pageId))];
  return (
    <CitizenPage frame={props.frame} title={t.checkTitle}>
      <BackLink href={props.backHref} />
      <h1 class="kern-heading-large">{t.checkHeading}</h1>
      {pageIds.map((pageId) => (
        <section key={pageId}>
          <h2 class="kern-heading-medium">{props.pageTitles.get(pageId)}</h2>
          <SummaryList
            rows={props.rows
              .filter((row) => row.pageId === pageId)
              .map((row) => ({
                key: row.label,
                value: row.value || t.noAnswer,
                changeHref: props.pageHref(pageId),
                changeLabel: row.label,
              }))}
          />
        </section>
      ))}
      {props.computed.length > 0 && (
        <section>
          <h2 class="kern-heading-medium">{t.computed}</h2>
          <SummaryList rows={props.computed.map((c) => ({ key: c.label, value: c.value }))} />
        </section>
      )}
      <ButtonLink href={props.nextHref}>{t.toDeclaration}</ButtonLink>
    </CitizenPage>
  );
}

/** The field in which an applicant without log-in gives the address for their messages and Bescheid. */
export const DELIVERY_EMAIL = { name: 'deliveryEmail' } as const;

export function DeclarationPage(
  props: JourneyProps & {
    action: string;
    errors: FieldError[];
    /** Only without log-in: the address field's value and how long the e-mailed links work. */
    delivery?: { value: string; linkDays: number } | undefined;
  },
): VNode {
  const { definition } = props.pkg;
  const { delivery } = props;
  const { locale } = props.frame;
  const t = citizenTexts(locale);
  return (
    <CitizenPage frame={props.frame} title={t.declarationTitle} errors={props.errors}>
      <BackLink href={props.backHref} />
      <h1 class="kern-heading-large">{t.declarationTitle}</h1>
      <p class="kern-body">{t.declarationIntro(localize(definition.metadata.title, locale))}</p>
      <Form action={props.action} csrfToken={props.frame.csrfToken}>
        {delivery && (
          <TextField
            name={DELIVERY_EMAIL.name}
            label={t.deliveryEmail}
            hint={t.deliveryEmailHint(delivery.linkDays)}
            value={delivery.value}
            error={props.errors.find((e) => e.field === DELIVERY_EMAIL.name)?.message}
            autocomplete="email"
            inputMode="email"
            spellcheck={false}
          />
        )}
        <Checkbox
          name="declaration"
          label={localize(definition.form.declaration, locale)}
          value="yes"
          error={props.errors.find((e) => e.field === 'declaration')?.message}
        />
        <Button>{t.submit}</Button>
      </Form>
    </CitizenPage>
  );
}
