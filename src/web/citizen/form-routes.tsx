/** The form journey: resume, question pages (all field kinds, repeating groups, uploads), summary, declaration. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitApplication } from '../../cases/service.ts';
import { isoDateInBerlin, plainMoney } from '../../forms/display.ts';
import { draftExpiresAt } from '../../forms/draft-expiry.ts';
import { type DraftKey, findDraft, saveAnswers } from '../../forms/drafts.ts';
import {
  evaluationContext,
  summaryRows,
  validatePage,
  visibleItems,
  visiblePages,
} from '../../forms/engine.ts';
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
import type { FieldError, FileFieldDef } from '../../forms/types.ts';
import { meetsTrustLevel } from '../../identity/types.ts';
import type { CompiledPackage, PageItem } from '../../packages/compile.ts';
import type { AppDeps } from '../app.ts';
import { citizenOrVisitor, currentCitizen, loginRedirect, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { CheckAnswersPage, DeclarationPage, QuestionPage } from './form-views.tsx';
import { frameOf } from './frame.ts';
import { SAVE_LATER } from './resume-routes.tsx';
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
    const context = evaluationContext(j.pkg, answers, j.today);
    const computed = j.pkg.computed
      .filter((c) => c.format === 'money' && typeof context[c.name] === 'number')
      .map((c) => ({ label: c.label.de, value: plainMoney(context[c.name] as number) }));
    return sendPage(
      reply,
      <CheckAnswersPage
        frame={frameOf(request, deps)}
        pkg={j.pkg}
        backHref={pageUrl(j.pkg, previousStep(j.pkg, CHECK_ANSWERS, answers, j.today) ?? '')}
        rows={summaryRows(j.pkg, answers, j.today, 'de')}
        pageTitles={new Map(j.pkg.pages.map((p) => [p.def.id, p.def.title.de]))}
        pageHref={(pageId) => `${pageUrl(j.pkg, pageId)}?${FROM_SUMMARY}`}
        nextHref={pageUrl(j.pkg, DECLARATION)}
        computed={computed}
      />,
    );
  });

  const declarationPage = (request: FastifyRequest, pkg: CompiledPackage, errors: FieldError[]) => (
    <DeclarationPage
      frame={frameOf(request, deps)}
      pkg={pkg}
      backHref={pageUrl(pkg, CHECK_ANSWERS)}
      action={pageUrl(pkg, DECLARATION)}
      errors={errors}
    />
  );

  app.get<{ Params: Params }>(`/dienste/:serviceId/formular/${DECLARATION}`, async (request, reply) => {
    const j = await journey(request, reply);
    if ('redirect' in j) return j.redirect;
    return sendPage(reply, declarationPage(request, j.pkg, []));
  });

  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    `/dienste/:serviceId/formular/${DECLARATION}`,
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const j = await journey(request, reply);
      if ('redirect' in j) return j.redirect;
      if (request.body?.declaration !== 'yes') {
        return sendPage(
          reply,
          declarationPage(request, j.pkg, [{ field: 'declaration', message: messages.declaration().de }]),
          400,
        );
      }
      const created = await submitApplication(deps, {
        tenantArs: deps.tenant.ars,
        pkg: j.pkg,
        citizen: j.citizen,
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
        raw={withEmptyEntries(shown.items, raw)}
        errors={errors}
        backHref={back ? pageUrl(pkg, back) : `/dienste/${pkg.definition.id}`}
        action={`${pageUrl(pkg, shown.page.def.id)}${fromSummary ? `?${FROM_SUMMARY}` : ''}`}
        expiresAt={j.expiresAt}
        saveLaterHref={j.citizen.trustLevel === 'none' ? pageUrl(pkg, SAVE_LATER) : undefined}
      />
    );
  }

  /** The page if it is shown for the answers so far, with its shown items. */
  function shownPage(pkg: CompiledPackage, pageId: string, answers: Record<string, unknown>, today: string) {
    const page = findPage(pkg, pageId);
    if (!page) throw WebError.notFound();
    const context = evaluationContext(pkg, answers, today);
    if (!visiblePages(pkg, context).includes(page)) return undefined;
    return { page, context, items: visibleItems(page, context) };
  }

  app.get<{ Params: Params }>('/dienste/:serviceId/formular/:pageId', async (request, reply) => {
    const j = await journey(request, reply);
    if ('redirect' in j) return j.redirect;
    const answers = j.answers;
    const shown = shownPage(j.pkg, request.params.pageId, answers, j.today);
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
      const shown = shownPage(j.pkg, request.params.pageId, answers, j.today);
      if (!shown) {
        if (request.isMultipart()) await drainMultipart(request);
        return reply.redirect(base(j.pkg), 303);
      }
      const { page, items, context } = shown;
      const fromSummary = request.url.includes(FROM_SUMMARY);
      // A page with uploads is posted as multipart: its files are stored as they arrive, then the page's
      // other inputs (and the stored files) are validated and saved like those of any other page.
      const fileFields = items.filter((item): item is FileFieldDef => item.kind === 'file');
      let body: Record<string, unknown> = request.body ?? {};
      let uploadErrors: FieldError[] = [];
      let current = answers;
      if (fileFields.length > 0) {
        const received = await receiveUploads(deps, request, j.key, items, fileFields);
        ({ body, errors: uploadErrors } = received);
        // The stored files' answers as written; reading the draft back would cost a round trip.
        current = { ...answers, ...received.stored };
      } else assertCsrf(request, body._csrf);
      const raw: RawPage = readPageBody(items, body);
      for (const field of fileFields) raw[field.name] = current[field.name];
      const action = parseRepeatAction(body._action);
      if (action)
        return sendPage(
          reply,
          questionPage(request, j, shown, applyRepeatAction(items, raw, action), [], current),
        );
      const env = { locale: 'de' as const, today: j.today, codeLists: j.pkg.definition.codeLists ?? {} };
      const result = validatePage(page, raw, context, env);
      const errors = [
        ...uploadErrors,
        ...result.errors.filter((e) => !uploadErrors.some((u) => u.field === e.field)),
      ];
      if (errors.length > 0)
        return sendPage(reply, questionPage(request, j, shown, raw, errors, current), 400);
      await saveAnswers(deps.db, j.key, result.values, page.def.id);
      const saved = { ...current, ...result.values };
      return reply.redirect(pageUrl(j.pkg, nextStep(j.pkg, page.def.id, saved, j.today, fromSummary)), 303);
    },
  );
}

function TrustLevelTooLow(props: { frame: CitizenFrame; pkg: CompiledPackage }) {
  const title = props.pkg.definition.metadata.title.de;
  return (
    <CitizenPage frame={props.frame} title="Höheres Vertrauensniveau nötig">
      <h1 class="kern-heading-large">Höheres Vertrauensniveau nötig</h1>
      <p class="kern-body">
        Für „{title}“ müssen Sie sich mit einem höheren Vertrauensniveau anmelden, zum Beispiel mit dem
        ELSTER-Zertifikat oder dem Online-Ausweis.
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`/anmelden?weiter=${encodeURIComponent(base(props.pkg))}`}>
          Neu anmelden
        </a>
      </p>
    </CitizenPage>
  );
}
