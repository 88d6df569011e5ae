/** Citizen routes: services, test log-in, postbox, confirmation and receipt; the form journey is in form-routes. */
import type { FastifyInstance } from 'fastify';
import { findDeliveryAddress } from '../../cases/case-links.ts';
import { findDeliveredDocument, listMessages } from '../../cases/postbox.ts';
import { listCitizenCases, readCaseForCitizen } from '../../cases/service.ts';
import { openDocument } from '../../documents/service.ts';
import { isoDateInBerlin, localize } from '../../forms/display.ts';
import { summaryRows } from '../../forms/engine.ts';
import { findTestPerson, testPersons } from '../../identity/test-persons.ts';
import { LOGIN_TRUST_LEVELS, type TrustLevel } from '../../identity/types.ts';
import { serviceTitles } from '../../packages/registry.ts';
import { renderReceipt } from '../../pdf/receipt.ts';
import type { AppDeps } from '../app.ts';
import {
  attachment,
  currentCitizen,
  localPath,
  loginRedirect,
  sendPage,
  sessionCitizen,
} from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { caseLinkRoutes } from './case-link-routes.tsx';
import { formRoutes } from './form-routes.tsx';
import { frameOf } from './frame.ts';
import { legalRoutes } from './legal-pages.tsx';
import { localeOf, rememberLanguageChoice } from './locale.ts';
import { resumeRoutes } from './resume-routes.tsx';
import { submitRoutes } from './submit-routes.tsx';
import { citizenTexts } from './texts.ts';
import { ConfirmationPage, HomePage, LoginPage, PostboxPage, ServiceStartPage } from './views.tsx';

export async function citizenRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const devLogin = deps.config.nodeEnv !== 'production';
  rememberLanguageChoice(app, deps.config.cookieSecure);

  app.get('/', async (request, reply) =>
    sendPage(reply, <HomePage frame={frameOf(request, deps)} services={deps.services.list()} />),
  );

  app.get<{ Params: { serviceId: string } }>('/dienste/:serviceId', async (request, reply) => {
    const pkg = deps.services.find(request.params.serviceId);
    if (!pkg) throw WebError.notFound();
    return sendPage(reply, <ServiceStartPage frame={frameOf(request, deps)} pkg={pkg} />);
  });

  app.get<{ Querystring: { weiter?: string } }>('/anmelden', async (request, reply) => {
    if (!devLogin) throw WebError.devLoginDisabled();
    const returnTo = localPath(request.query.weiter, '/postfach');
    return sendPage(
      reply,
      <LoginPage frame={frameOf(request, deps)} persons={testPersons} returnTo={returnTo} errors={[]} />,
    );
  });

  app.post<{ Querystring: { weiter?: string }; Body: Record<string, unknown> }>(
    '/anmelden',
    async (request, reply) => {
      if (!devLogin) throw WebError.devLoginDisabled();
      assertCsrf(request, request.body?._csrf);
      const returnTo = localPath(request.query.weiter, '/postfach');
      const person = findTestPerson(String(request.body?.person ?? ''), deps.config.devLoginLoadPersons);
      const trustLevel = String(request.body?.trustLevel ?? '') as TrustLevel;
      const t = citizenTexts(localeOf(request));
      const errors = [];
      if (!person) errors.push({ field: 'person', message: t.choosePerson });
      if (!LOGIN_TRUST_LEVELS.includes(trustLevel))
        errors.push({ field: 'trustLevel', message: t.chooseTrustLevel });
      if (!person || errors.length > 0) {
        return sendPage(
          reply,
          <LoginPage
            frame={frameOf(request, deps)}
            persons={testPersons}
            returnTo={returnTo}
            errors={errors}
          />,
          400,
        );
      }
      // A new session at log-in: nothing from before the log-in (e.g. a planted CSRF token) carries over.
      request.session.regenerate();
      request.session.set('citizen', {
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        trustLevel,
      });
      request.session.set('seenAt', deps.now().getTime());
      return reply.redirect(returnTo, 303);
    },
  );

  app.post<{ Body: Record<string, unknown> }>('/abmelden', async (request, reply) => {
    assertCsrf(request, request.body?._csrf);
    request.session.delete();
    return reply.redirect('/', 303);
  });

  app.get('/postfach', async (request, reply) => {
    const citizen = currentCitizen(request);
    if (!citizen) return loginRedirect(reply, '/postfach');
    const [cases, messages] = await Promise.all([
      listCitizenCases(deps.db, deps.tenant.ars, citizen.id),
      listMessages(deps.db, deps.tenant.ars, citizen.id),
    ]);
    const titles = serviceTitles(deps.services, localeOf(request));
    return sendPage(
      reply,
      <PostboxPage frame={frameOf(request, deps)} cases={cases} messages={messages} titles={titles} />,
    );
  });

  app.get<{ Params: { documentId: string } }>('/postfach/dokumente/:documentId', async (request, reply) => {
    const citizen = currentCitizen(request);
    if (!citizen) return loginRedirect(reply, '/postfach');
    const doc = await findDeliveredDocument(deps.db, citizen.id, request.params.documentId);
    if (!doc) throw WebError.notFound();
    return reply
      .type(doc.mediaType)
      .header('content-disposition', attachment(doc.filename))
      .header('cache-control', 'no-store')
      .send(openDocument(deps.store, doc));
  });

  // Applicants without log-in see their confirmation and receipt in the session they applied in.
  app.get<{ Params: { caseId: string } }>('/antraege/:caseId/bestaetigung', async (request, reply) => {
    const citizen = sessionCitizen(request);
    if (!citizen) return loginRedirect(reply, request.url);
    const found = await readCaseForCitizen(deps.db, citizen.id, request.params.caseId);
    const metadata = deps.services.find(found.serviceId)?.definition.metadata;
    const title = metadata ? localize(metadata.title, localeOf(request)) : found.serviceId;
    const deliveryEmail =
      citizen.trustLevel === 'none' ? await findDeliveryAddress(deps.db, found.id) : undefined;
    return sendPage(
      reply,
      <ConfirmationPage
        frame={frameOf(request, deps)}
        case={found}
        serviceTitle={title}
        deliveryEmail={deliveryEmail}
        linkDays={deps.config.caseLinkDays}
      />,
    );
  });

  app.get<{ Params: { caseId: string } }>(
    '/antraege/:caseId/eingangsbestaetigung.pdf',
    async (request, reply) => {
      const citizen = sessionCitizen(request);
      if (!citizen) return loginRedirect(reply, request.url);
      const found = await readCaseForCitizen(deps.db, citizen.id, request.params.caseId);
      const pkg = deps.services.findVersion(found.serviceId, found.serviceVersion);
      if (!pkg) throw WebError.notFound();
      const answers = summaryRows(pkg, found.answers, isoDateInBerlin(found.submittedAt), 'de').map(
        ({ label, value }) => ({ label, value }),
      );
      const pdf = await renderReceipt({
        letterhead: deps.tenant.letterhead,
        serviceTitle: pkg.definition.metadata.title.de,
        reference: found.reference,
        submittedAt: found.submittedAt,
        applicantName: found.applicantName,
        answers,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`Eingangsbestaetigung-${found.reference}.pdf`))
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );

  await app.register(caseLinkRoutes, deps);
  await app.register(resumeRoutes, deps);
  await app.register(formRoutes, deps);
  await app.register(submitRoutes, deps);
  await app.register(legalRoutes, deps);
}
