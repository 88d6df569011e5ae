/** The end of the form journey: check your answers, the declaration, and the submission. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { submitApplication } from '../../cases/service.ts';
import { logOrphans } from '../../documents/delete-contents.ts';
import { checkEmail } from '../../forms/checks/email.ts';
import { localize, plainMoney } from '../../forms/display.ts';
import { evaluationContext, summaryRows } from '../../forms/engine.ts';
import { problemMessage } from '../../forms/field-messages.ts';
import { CHECK_ANSWERS, DECLARATION, firstIncompletePage, previousStep } from '../../forms/journey.ts';
import { messages } from '../../forms/messages.ts';
import type { FieldError, Locale } from '../../forms/types.ts';
import type { CompiledPackage } from '../../packages/compile.ts';
import type { AppDeps } from '../app.ts';
import { sendPage } from '../context.ts';
import { assertCsrf } from '../security.ts';
import { CheckAnswersPage, DELIVERY_EMAIL, DeclarationPage } from './form-views.tsx';
import { frameOf } from './frame.ts';
import { type FormParams, FROM_SUMMARY, pageUrl, startJourney } from './journey-context.tsx';
import { localeOf } from './locale.ts';
import { citizenTexts } from './texts.ts';

export async function submitRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: FormParams }>(`/dienste/:serviceId/formular/${CHECK_ANSWERS}`, async (request, reply) => {
    const j = await startJourney(deps, request, reply);
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

  app.get<{ Params: FormParams }>(`/dienste/:serviceId/formular/${DECLARATION}`, async (request, reply) => {
    const j = await startJourney(deps, request, reply);
    if ('redirect' in j) return j.redirect;
    const offered = j.citizen.trustLevel === 'none' ? formEmail(j.pkg, j.answers) : undefined;
    return sendPage(reply, declarationPage(request, j.pkg, [], offered));
  });

  app.post<{ Params: FormParams; Body: Record<string, unknown> }>(
    `/dienste/:serviceId/formular/${DECLARATION}`,
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const j = await startJourney(deps, request, reply);
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
      const withLog = { ...deps, onOrphan: logOrphans(request.log) };
      const created = await submitApplication(withLog, {
        tenantArs: deps.tenant.ars,
        pkg: j.pkg,
        citizen: j.citizen,
        deliveryEmail: email?.value,
      });
      return reply.redirect(`/antraege/${created.id}/bestaetigung`, 303);
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
