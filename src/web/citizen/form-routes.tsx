/** The form journey: resume, question pages (text and upload), check your answers, declaration and submit. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitApplication } from '../../cases/service.ts';
import { findDraft, saveAnswers } from '../../forms/drafts.ts';
import {
  CHECK_ANSWERS,
  DECLARATION,
  findPage,
  firstIncompletePage,
  nextStep,
  previousStep,
} from '../../forms/journey.ts';
import { messages } from '../../forms/messages.ts';
import type { FieldError, FileFieldDef, PageDef, ServiceDefinition } from '../../forms/types.ts';
import { isFileTooLarge, storeDraftUpload } from '../../forms/uploads.ts';
import { validateTextFields } from '../../forms/validate.ts';
import { meetsTrustLevel } from '../../identity/types.ts';
import type { AppDeps } from '../app.ts';
import { currentCitizen, loginRedirect, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { CheckAnswersPage, DeclarationPage, QuestionPage } from './form-views.tsx';
import { frameOf } from './frame.ts';
import { type CitizenFrame, CitizenPage } from './views.tsx';

type Params = { serviceId: string; pageId: string };

const FROM_SUMMARY = 'von=pruefen';

export async function formRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const base = (service: ServiceDefinition) => `/dienste/${service.id}/formular`;
  const pageUrl = (service: ServiceDefinition, step: string) => `${base(service)}/${step}`;

  /** The service and signed-in citizen for a journey request, or a reply that already handled it. */
  function journey(request: FastifyRequest<{ Params: Partial<Params> }>, reply: FastifyReply) {
    const service = deps.services.find(request.params.serviceId ?? '');
    if (!service) throw WebError.notFound();
    const citizen = currentCitizen(request);
    if (!citizen) return { redirect: loginRedirect(reply, base(service)) } as const;
    if (!meetsTrustLevel(citizen.trustLevel, service.requiredTrustLevel)) {
      return {
        redirect: sendPage(reply, <TrustLevelTooLow frame={frameOf(request, deps)} service={service} />, 403),
      } as const;
    }
    const key = { tenantArs: deps.tenant.ars, service, citizenId: citizen.id };
    return { service, citizen, key } as const;
  }

  app.get<{ Params: Params }>('/dienste/:serviceId/formular', async (request, reply) => {
    const j = journey(request, reply);
    if ('redirect' in j) return j.redirect;
    const draft = await findDraft(deps.db, j.key);
    const answers = draft?.answers ?? {};
    const next = firstIncompletePage(j.service, answers);
    return reply.redirect(pageUrl(j.service, next?.id ?? CHECK_ANSWERS), 303);
  });

  app.get<{ Params: Params }>(`/dienste/:serviceId/formular/${CHECK_ANSWERS}`, async (request, reply) => {
    const j = journey(request, reply);
    if ('redirect' in j) return j.redirect;
    const answers = (await findDraft(deps.db, j.key))?.answers ?? {};
    const missing = firstIncompletePage(j.service, answers);
    if (missing) return reply.redirect(pageUrl(j.service, missing.id), 303);
    return sendPage(
      reply,
      <CheckAnswersPage
        frame={frameOf(request, deps)}
        service={j.service}
        backHref={pageUrl(j.service, previousStep(j.service, CHECK_ANSWERS) ?? '')}
        answers={answers}
        pageHref={(page: PageDef) => `${pageUrl(j.service, page.id)}?${FROM_SUMMARY}`}
        nextHref={pageUrl(j.service, DECLARATION)}
      />,
    );
  });

  const declarationPage = (request: FastifyRequest, service: ServiceDefinition, errors: FieldError[]) => (
    <DeclarationPage
      frame={frameOf(request, deps)}
      service={service}
      backHref={pageUrl(service, CHECK_ANSWERS)}
      action={pageUrl(service, DECLARATION)}
      errors={errors}
    />
  );

  app.get<{ Params: Params }>(`/dienste/:serviceId/formular/${DECLARATION}`, async (request, reply) => {
    const j = journey(request, reply);
    if ('redirect' in j) return j.redirect;
    return sendPage(reply, declarationPage(request, j.service, []));
  });

  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    `/dienste/:serviceId/formular/${DECLARATION}`,
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const j = journey(request, reply);
      if ('redirect' in j) return j.redirect;
      if (request.body?.[j.service.declaration.name] !== 'yes') {
        const errors = [{ field: j.service.declaration.name, message: messages.declaration().de }];
        return sendPage(reply, declarationPage(request, j.service, errors), 400);
      }
      const created = await submitApplication(deps, {
        tenantArs: deps.tenant.ars,
        service: j.service,
        citizen: j.citizen,
      });
      return reply.redirect(`/antraege/${created.id}/bestaetigung`, 303);
    },
  );

  app.get<{ Params: Params; Querystring: { von?: string } }>(
    '/dienste/:serviceId/formular/:pageId',
    async (request, reply) => {
      const j = journey(request, reply);
      if ('redirect' in j) return j.redirect;
      const page = findPage(j.service, request.params.pageId);
      if (!page) throw WebError.notFound();
      const answers = (await findDraft(deps.db, j.key))?.answers ?? {};
      return sendPage(reply, questionPage(request, j.service, page, answers, []));
    },
  );

  function questionPage(
    request: FastifyRequest,
    service: ServiceDefinition,
    page: PageDef,
    values: Record<string, unknown>,
    errors: FieldError[],
  ) {
    const fromSummary = request.url.includes(FROM_SUMMARY);
    const back = fromSummary ? CHECK_ANSWERS : previousStep(service, page.id);
    const frame: CitizenFrame = frameOf(request, deps);
    return (
      <QuestionPage
        frame={frame}
        service={service}
        page={page}
        values={values}
        errors={errors}
        backHref={back ? pageUrl(service, back) : `/dienste/${service.id}`}
        action={`${pageUrl(service, page.id)}${fromSummary ? `?${FROM_SUMMARY}` : ''}`}
      />
    );
  }

  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    '/dienste/:serviceId/formular/:pageId',
    async (request, reply) => {
      const j = journey(request, reply);
      if ('redirect' in j) {
        if (request.isMultipart()) await drainMultipart(request);
        return j.redirect;
      }
      const page = findPage(j.service, request.params.pageId);
      if (!page) throw WebError.notFound();
      const fromSummary = request.url.includes(FROM_SUMMARY);
      const fileField = page.fields.find((f): f is FileFieldDef => f.kind === 'file');
      let errors: FieldError[];
      if (fileField) {
        errors = await receiveUpload(request, j.key, fileField);
      } else {
        assertCsrf(request, request.body?._csrf);
        const result = validateTextFields(page, request.body ?? {}, 'de');
        errors = result.errors;
        if (errors.length > 0)
          return sendPage(reply, questionPage(request, j.service, page, result.values, errors), 400);
        await saveAnswers(deps.db, j.key, result.values, page.id);
      }
      const answers = (await findDraft(deps.db, j.key))?.answers ?? {};
      if (errors.length > 0)
        return sendPage(reply, questionPage(request, j.service, page, answers, errors), 400);
      return reply.redirect(pageUrl(j.service, nextStep(j.service, page.id, answers, fromSummary)), 303);
    },
  );

  /** Reads a multipart post: the CSRF token must come first, then at most one file for the page's field. */
  async function receiveUpload(
    request: FastifyRequest,
    key: { tenantArs: string; service: ServiceDefinition; citizenId: string },
    field: FileFieldDef,
  ): Promise<FieldError[]> {
    if (!request.isMultipart())
      throw WebError.badRequest(
        'Bitte wählen Sie eine Datei aus und senden Sie das Formular ab.',
        'Please choose a file and send the form.',
      );
    let csrfChecked = false;
    let error: FieldError | undefined;
    let received = false;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === '_csrf') {
            assertCsrf(request, part.value);
            csrfChecked = true;
          }
          continue;
        }
        if (!csrfChecked) throw WebError.csrf();
        if (part.fieldname !== field.name || received) {
          part.file.resume();
          continue;
        }
        received = true;
        if (part.filename === '') {
          part.file.resume();
          continue;
        }
        error = await storeDraftUpload(
          { db: deps.db, store: deps.store, maxBytes: deps.config.uploadMaxBytes, scanner: deps.scanner },
          key,
          field,
          { stream: part.file, filename: part.filename },
          'de',
        );
      }
    } catch (thrown) {
      // The parser raises its size limit again after the file; the field error already says it.
      if (!(error && isFileTooLarge(thrown))) throw thrown;
    }
    if (!csrfChecked) throw WebError.csrf();
    if (error) return [error];
    const draft = await findDraft(deps.db, key);
    const hasFile = draft?.answers[field.name] !== undefined;
    return hasFile ? [] : [{ field: field.name, message: messages.fileMissing(field.label.de).de }];
  }
}

async function drainMultipart(request: FastifyRequest): Promise<void> {
  for await (const part of request.parts()) if (part.type === 'file') part.file.resume();
}

function TrustLevelTooLow(props: { frame: CitizenFrame; service: ServiceDefinition }) {
  return (
    <CitizenPage frame={props.frame} title="Höheres Vertrauensniveau nötig">
      <h1 class="kern-heading-large">Höheres Vertrauensniveau nötig</h1>
      <p class="kern-body">
        Für „{props.service.title.de}“ müssen Sie sich mit einem höheren Vertrauensniveau anmelden, zum
        Beispiel mit dem ELSTER-Zertifikat oder dem Online-Ausweis.
      </p>
      <p class="kern-body">
        <a
          class="kern-link"
          href={`/anmelden?weiter=${encodeURIComponent(`/dienste/${props.service.id}/formular`)}`}
        >
          Neu anmelden
        </a>
      </p>
    </CitizenPage>
  );
}
