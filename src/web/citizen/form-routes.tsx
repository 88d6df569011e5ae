/** The form journey: resume, question pages (all field kinds, repeating groups, uploads), summary, declaration. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitApplication } from '../../cases/service.ts';
import { checkEmail } from '../../forms/checks/email.ts';
import { isoDateInBerlin, localize, plainMoney } from '../../forms/display.ts';
import { draftExpiresAt } from '../../forms/draft-expiry.ts';
import { type DraftKey, findDraft, savePageAnswers } from '../../forms/drafts.ts';
import { evaluationContext, summaryRows, validatePage, visiblePages } from '../../forms/engine.ts';
import { problemMessage } from '../../forms/field-messages.ts';
import {
  CHECK_ANSWERS,
  DECLARATION,
  findPage,
  firstIncompletePage,
  nextStep,
  previousStep,
} from '../../forms/journey.ts';
import { messages } from '../../forms/messages.ts';
import {
  applyRepeatAction,
  parseRepeatAction,
  type RawPage,
  readPageBody,
  storedToRaw,
} from '../../forms/raw-input.ts';
import {
  carriedDocumentIds,
  discardDetachedUploads,
  documentIdsIn,
  hasUploads,
  resolveRepeatFiles,
  withoutMissingFiles,
} from '../../forms/repeat-uploads.ts';
import { pageLayout } from '../../forms/reveal.ts';
import type { FieldError, FileFieldDef, Locale } from '../../forms/types.ts';
import { removeDraftUpload } from '../../forms/uploads.ts';
import { meetsTrustLevel } from '../../identity/types.ts';
import type { CompiledPackage, PageItem } from '../../packages/compile.ts';
import type { AppDeps } from '../app.ts';
import { citizenOrVisitor, currentCitizen, loginRedirect, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { CheckAnswersPage, DELIVERY_EMAIL, DeclarationPage, QuestionPage } from './form-views.tsx';
import { frameOf } from './frame.ts';
import { localeOf } from './locale.ts';
import { SAVE_LATER } from './resume-routes.tsx';
import { citizenTexts } from './texts.ts';
import { drainMultipart, receiveUploads } from './upload-parts.ts';
import { type CitizenFrame, CitizenPage } from './views.tsx';

type Params = { serviceId: string; pageId: string };

const FROM_SUMMARY = 'von=pruefen';
const base = (pkg: CompiledPackage) => `/dienste/${pkg.definition.id}/formular`;
const pageUrl = (pkg: CompiledPackage, step: string) => `${base(pkg)}/${step}`;

/** A repeating group starts with as many empty entries as it needs (at least one), so its fields show at once. */
function withEmptyEntries(items: readonly PageItem[], raw: RawPage): RawPage {
  const filled = { ...raw };
  for (const item of items) {
    if (item.kind !== 'repeat') continue;
    const entries = Array.isArray(filled[item.name]) ? (filled[item.name] as unknown[]) : [];
    const wanted = Math.max(item.min, 1);
    filled[item.name] =
      entries.length >= wanted
        ? entries
        : [...entries, ...Array.from({ length: wanted - entries.length }, () => ({}))];
  }
  return filled;
}

export async function formRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  /**
   * The package and signed-in citizen for a journey request, or a reply that already handled it. A draft
   * is finished with the package version it was started with, even after a newer one is published.
   */
  async function journey(request: FastifyRequest<{ Params: Partial<Params> }>, reply: FastifyReply) {
    const latest = deps.services.find(request.params.serviceId ?? '');
    if (!latest) throw WebError.notFound();
    const anonymous = latest.definition.metadata.requiredTrustLevel === 'none';
    const citizen = anonymous ? citizenOrVisitor(request) : currentCitizen(request);
    if (!citizen) return { redirect: loginRedirect(reply, base(latest)) } as const;
    if (!meetsTrustLevel(citizen.trustLevel, latest.definition.metadata.requiredTrustLevel)) {
      return {
        redirect: sendPage(reply, <TrustLevelTooLow frame={frameOf(request, deps)} pkg={latest} />, 403),
      } as const;
    }
    const draft = await findDraft(deps.db, {
      tenantArs: deps.tenant.ars,
      service: latest.definition,
      citizenId: citizen.id,
    });
    const pkg = (draft && deps.services.findVersion(latest.definition.id, draft.serviceVersion)) || latest;
    const key: DraftKey = { tenantArs: deps.tenant.ars, service: pkg.definition, citizenId: citizen.id };
    const expiresAt = draftExpiresAt(draft?.updatedAt ?? deps.now(), deps.config.draftRetentionDays);
    return {
      pkg,
      citizen,
      key,
      answers: draft?.answers ?? {},
      expiresAt,
      today: isoDateInBerlin(deps.now()),
    } as const;
  }

  app.get<{ Params: Params }>('/dienste/:serviceId/formular', async (request, reply) => {
    const j = await journey(request, reply);
    if ('redirect' in j) return j.redirect;
    const answers = j.answers;
    const next = firstIncompletePage(j.pkg, answers, j.today);
    return reply.redirect(pageUrl(j.pkg, next?.def.id ?? CHECK_ANSWERS), 303);
  });

  app.get<{ Params: Params }>(`/dienste/:serviceId/formular/${CHECK_ANSWERS}`, async (request, reply) => {
    const j = await journey(request, reply);
    if ('redirect' in j) return j.redirect;
    const answers = j.answers;
    const missing = firstIncompletePage(j.pkg, answers, j.today);
    if (missing) return reply.redirect(pageUrl(j.pkg, missing.def.id), 303);
    const locale = localeOf(request);
    const context = evaluationContext(j.pkg, answers, j.today);
    const computed = j.pkg.computed
      .filter((c) => c.format === 'money' && typeof context[c.name] === 'number')
      .map((c) => ({
        label: localize(c.label, locale),
        value: plainMoney(context[c.name] as number, locale),
      }));
    return sendPage(
      reply,
      <CheckAnswersPage
        frame={frameOf(request, deps)}
        pkg={j.pkg}
        backHref={pageUrl(j.pkg, previousStep(j.pkg, CHECK_ANSWERS, answers, j.today) ?? '')}
        rows={summaryRows(j.pkg, answers, j.today, locale)}
        pageTitles={new Map(j.pkg.pages.map((p) => [p.def.id, localize(p.def.title, locale)]))}
        pageHref={(pageId) => `${pageUrl(j.pkg, pageId)}?${FROM_SUMMARY}`}
        nextHref={pageUrl(j.pkg, DECLARATION)}
        computed={computed}
      />,
    );
  });

  /** `deliveryEmail` is the address field's value, for applicants without log-in only. */
  const declarationPage = (
    request: FastifyRequest,
    pkg: CompiledPackage,
    errors: FieldError[],
    deliveryEmail?: string,
  ) => (
    <DeclarationPage
      frame={frameOf(request, deps)}
      pkg={pkg}
      backHref={pageUrl(pkg, CHECK_ANSWERS)}
      action={pageUrl(pkg, DECLARATION)}
      errors={errors}
      delivery={
        deliveryEmail === undefined ? undefined : { value: deliveryEmail, linkDays: deps.config.caseLinkDays }
      }
    />
  );

  app.get<{ Params: Params }>(`/dienste/:serviceId/formular/${DECLARATION}`, async (request, reply) => {
    const j = await journey(request, reply);
    if ('redirect' in j) return j.redirect;
    const offered = j.citizen.trustLevel === 'none' ? formEmail(j.pkg, j.answers) : undefined;
    return sendPage(reply, declarationPage(request, j.pkg, [], offered));
  });

  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    `/dienste/:serviceId/formular/${DECLARATION}`,
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const j = await journey(request, reply);
      if ('redirect' in j) return j.redirect;
      const anonymous = j.citizen.trustLevel === 'none';
      const locale = localeOf(request);
      const rawEmail = String(request.body?.[DELIVERY_EMAIL.name] ?? '');
      const email = anonymous ? checkDeliveryEmail(rawEmail, locale) : undefined;
      const errors: FieldError[] = email?.error ? [email.error] : [];
      if (request.body?.declaration !== 'yes')
        errors.push({ field: 'declaration', message: messages.declaration()[locale] });
      if (errors.length > 0)
        return sendPage(
          reply,
          declarationPage(request, j.pkg, errors, anonymous ? rawEmail : undefined),
          400,
        );
      const created = await submitApplication(deps, {
        tenantArs: deps.tenant.ars,
        pkg: j.pkg,
        citizen: j.citizen,
        deliveryEmail: email?.value,
      });
      return reply.redirect(`/antraege/${created.id}/bestaetigung`, 303);
    },
  );

  type Journey = Exclude<Awaited<ReturnType<typeof journey>>, { redirect: unknown }>;
  type Shown = NonNullable<ReturnType<typeof shownPage>>;

  /** A question page for `shown`, filled with `raw` and showing `errors`; back links follow `answers`. */
  function questionPage(
    request: FastifyRequest,
    j: Journey,
    shown: Shown,
    raw: RawPage,
    errors: FieldError[],
    answers = j.answers,
  ) {
    const { pkg } = j;
    const fromSummary = request.url.includes(FROM_SUMMARY);
    const back = fromSummary ? CHECK_ANSWERS : previousStep(pkg, shown.page.def.id, answers, j.today);
    return (
      <QuestionPage
        frame={frameOf(request, deps)}
        pkg={pkg}
        page={shown.page.def}
        items={shown.items}
        reveals={shown.reveals}
        raw={withEmptyEntries(shown.items, raw)}
        errors={errors}
        backHref={back ? pageUrl(pkg, back) : `/dienste/${pkg.definition.id}`}
        action={`${pageUrl(pkg, shown.page.def.id)}${fromSummary ? `?${FROM_SUMMARY}` : ''}`}
        expiresAt={j.expiresAt}
        saveLaterHref={j.citizen.trustLevel === 'none' ? pageUrl(pkg, SAVE_LATER) : undefined}
      />
    );
  }

  /**
   * The page if it is shown for the answers so far, with the items it renders: those shown for the answers
   * so far and those whose condition depends on answers of this page (see forms/reveal.ts).
   */
  function shownPage(
    pkg: CompiledPackage,
    pageId: string,
    answers: Record<string, unknown>,
    today: string,
    locale: Locale,
  ) {
    const page = findPage(pkg, pageId);
    if (!page) throw WebError.notFound();
    const context = evaluationContext(pkg, answers, today);
    if (!visiblePages(pkg, context).includes(page)) return undefined;
    const withPosted = (posted: Record<string, unknown>) =>
      evaluationContext(pkg, { ...answers, ...posted }, today);
    const { items, reveals } = pageLayout(page, context, withPosted, locale);
    return { page, context, withPosted, items, reveals };
  }

  app.get<{ Params: Params }>('/dienste/:serviceId/formular/:pageId', async (request, reply) => {
    const j = await journey(request, reply);
    if ('redirect' in j) return j.redirect;
    const answers = j.answers;
    const shown = shownPage(j.pkg, request.params.pageId, answers, j.today, localeOf(request));
    if (!shown) return reply.redirect(base(j.pkg), 303);
    return sendPage(reply, questionPage(request, j, shown, storedToRaw(shown.items, answers), []));
  });

  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    '/dienste/:serviceId/formular/:pageId',
    async (request, reply) => {
      const j = await journey(request, reply);
      if ('redirect' in j) {
        if (request.isMultipart()) await drainMultipart(request);
        return j.redirect;
      }
      const answers = j.answers;
      const shown = shownPage(j.pkg, request.params.pageId, answers, j.today, localeOf(request));
      if (!shown) {
        if (request.isMultipart()) await drainMultipart(request);
        return reply.redirect(base(j.pkg), 303);
      }
      const { page, items, context, withPosted } = shown;
      const fromSummary = request.url.includes(FROM_SUMMARY);
      // A page with uploads is posted as multipart: its files are stored as they arrive, then the page's
      // other inputs (and the stored files) are validated and saved like those of any other page.
      const fileFields = items.filter((item): item is FileFieldDef => item.kind === 'file');
      const withUploads = hasUploads(items);
      let body: Record<string, unknown> = request.body ?? {};
      let uploadErrors: FieldError[] = [];
      let current = answers;
      let raw: RawPage;
      // The uploads this request has seen: stored by it, carried by its items (see discardDetached below).
      let seen: string[] = [];
      if (withUploads) {
        const received = await receiveUploads(deps, request, j.key, items);
        ({ body, errors: uploadErrors } = received);
        const draft = await findDraft(deps.db, j.key);
        current = draft?.answers ?? {};
        raw = readPageBody(items, body);
        const uploaded = [...received.uploaded.values()].map((file) => file.documentId);
        seen = [...uploaded, ...carriedDocumentIds(items, raw)];
        if (draft) raw = await resolveRepeatFiles(deps.db, draft.id, items, raw, received.uploaded);
      } else {
        assertCsrf(request, body._csrf);
        raw = readPageBody(items, body);
      }
      for (const field of fileFields) raw[field.name] = current[field.name];
      // Uploads of repeating groups' items that the page shown next no longer has (a removed item, a
      // replaced or removed file) are deleted, unless the saved answers still have them; only those this
      // request has seen, as another tab may be about to save one it has just stored.
      const known = new Set([...documentIdsIn([current]), ...seen]);
      const discardDetached = (pending: RawPage) =>
        withUploads ? discardDetachedUploads(deps, j.key, { items, pending, known }) : Promise.resolve();
      const action = parseRepeatAction(body._action);
      if (action) {
        // A file of the page itself joined the draft when it was uploaded: it leaves the draft at once.
        if (action.kind === 'removePageFile' && fileFields.some((field) => field.name === action.name))
          await removeDraftUpload(deps, j.key, action.name);
        const changed = applyRepeatAction(items, raw, action);
        await discardDetached(changed);
        return sendPage(reply, questionPage(request, j, shown, changed, [], current));
      }
      const locale = localeOf(request);
      const env = { locale, today: j.today, codeLists: j.pkg.definition.codeLists ?? {} };
      // Conditions on answers of this page are decided with what was posted for them.
      const result = validatePage(page, raw, context, env, withPosted);
      // A file refused for a question that no longer applies (its condition turned false) is no error.
      const applying = uploadErrors.filter(
        (u) => !result.dropped.some((name) => u.field === name || u.field.startsWith(`${name}.`)),
      );
      const errors = [
        ...applying,
        ...result.errors.filter((e) => !applying.some((u) => u.field === e.field)),
      ];
      if (errors.length > 0) {
        await discardDetached(raw);
        return sendPage(reply, questionPage(request, j, shown, raw, errors, current), 400);
      }
      const missing = await savePageAnswers(deps.db, j.key, result.values, page.def.id, result.dropped);
      if (missing.length > 0) {
        const gone = withoutMissingFiles(items, raw, missing, locale);
        await discardDetached(gone.raw);
        return sendPage(reply, questionPage(request, j, shown, gone.raw, gone.errors, current), 400);
      }
      await discardDetached({});
      const saved = { ...current, ...result.values };
      return reply.redirect(pageUrl(j.pkg, nextStep(j.pkg, page.def.id, saved, j.today, fromSummary)), 303);
    },
  );
}

/** The address the form itself asked for (an e-mail field on a page), offered for the delivery of messages. */
function formEmail(pkg: CompiledPackage, answers: Record<string, unknown>): string {
  for (const page of pkg.pages)
    for (const { def } of page.items) {
      const value = def.kind === 'email' ? answers[def.name] : undefined;
      if (typeof value === 'string' && value !== '') return value;
    }
  return '';
}

function checkDeliveryEmail(raw: string, locale: Locale): { value?: string; error?: FieldError } {
  const checked = checkEmail(raw);
  if (checked.ok) return { value: checked.value };
  const label = citizenTexts(locale).deliveryEmail;
  const message =
    raw.trim() === '' ? messages.required(label) : problemMessage('email', checked.problem, label);
  return { error: { field: DELIVERY_EMAIL.name, message: message[locale] } };
}

function TrustLevelTooLow(props: { frame: CitizenFrame; pkg: CompiledPackage }) {
  const t = citizenTexts(props.frame.locale);
  return (
    <CitizenPage frame={props.frame} title={t.trustLevelTooLow}>
      <h1 class="kern-heading-large">{t.trustLevelTooLow}</h1>
      <p class="kern-body">
        {t.trustLevelTooLowText(localize(props.pkg.definition.metadata.title, props.frame.locale))}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`/anmelden?weiter=${encodeURIComponent(base(props.pkg))}`}>
          {t.logInAgain}
        </a>
      </p>
    </CitizenPage>
  );
}
