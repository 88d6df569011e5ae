/** Staff routes: test log-in, inbox, case page, decision, document download (every read audited in the module). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findDeliveryAddress } from '../../cases/case-links.ts';
import { decideCase, listInbox, readCaseForStaff } from '../../cases/service.ts';
import type { Outcome } from '../../cases/types.ts';
import { listCaseDocuments, openDocument, readDocumentForStaff } from '../../documents/service.ts';
import type { FieldError } from '../../forms/types.ts';
import { normalizeText } from '../../forms/validate.ts';
import { findStaff, listStaff } from '../../identity/tenants.ts';
import type { StaffMember } from '../../identity/types.ts';
import { serviceTitles } from '../../packages/registry.ts';
import { removeControlCharactersKeepingLines } from '../../text.ts';
import type { AppDeps } from '../app.ts';
import { attachment, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { incidentRoutes } from './incident-routes.tsx';
import { packageRoutes } from './package-routes.tsx';
import { STAFF_LOGIN, signedInStaff, staffFrame } from './session.ts';
import { CasePage, InboxPage, StaffLoginPage } from './views.tsx';

const LOGIN = STAFF_LOGIN;
const REASON_MAX = 2000;

export async function staffRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const devLogin = deps.config.nodeEnv !== 'production';
  const frame = (request: FastifyRequest, staff: StaffMember | undefined) => staffFrame(request, deps, staff);
  const signedIn = (request: FastifyRequest, reply: FastifyReply) => signedInStaff(request, reply, deps);

  app.get('/verwaltung', async (_request, reply) => reply.redirect('/verwaltung/eingang', 303));

  app.get(LOGIN, async (request, reply) => {
    if (!devLogin) throw WebError.devLoginDisabled();
    return sendPage(
      reply,
      <StaffLoginPage
        frame={frame(request, undefined)}
        staff={await listStaff(deps.db, deps.tenant.ars)}
        errors={[]}
      />,
    );
  });

  app.post<{ Body: Record<string, unknown> }>(LOGIN, async (request, reply) => {
    if (!devLogin) throw WebError.devLoginDisabled();
    assertCsrf(request, request.body?._csrf);
    const staff = await findStaff(deps.db, String(request.body?.staffId ?? ''));
    if (!staff || staff.tenantArs !== deps.tenant.ars) {
      const errors = [{ field: 'staffId', message: 'Wählen Sie aus, als wer Sie sich anmelden.' }];
      return sendPage(
        reply,
        <StaffLoginPage
          frame={frame(request, undefined)}
          staff={await listStaff(deps.db, deps.tenant.ars)}
          errors={errors}
        />,
        400,
      );
    }
    request.session.regenerate();
    request.session.set('staffId', staff.id);
    request.session.set('seenAt', deps.now().getTime());
    return reply.redirect('/verwaltung/eingang', 303);
  });

  app.post<{ Body: Record<string, unknown> }>('/verwaltung/abmelden', async (request, reply) => {
    assertCsrf(request, request.body?._csrf);
    request.session.delete();
    return reply.redirect(LOGIN, 303);
  });

  const titles = () => serviceTitles(deps.services);

  app.get('/verwaltung/eingang', async (request, reply) => {
    const staff = await signedIn(request, reply);
    if (!staff) return reply;
    return sendPage(
      reply,
      <InboxPage frame={frame(request, staff)} cases={await listInbox(deps.db, staff)} titles={titles()} />,
    );
  });

  async function casePage(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffMember,
    caseId: string,
    extra: { errors: FieldError[]; form: { decision?: string; reason?: string }; decided?: boolean },
    status = 200,
  ) {
    const { case: found, events } = await readCaseForStaff(deps.db, staff, caseId);
    // Only after readCaseForStaff: its case.read audit entry covers the address, which belongs to the case.
    const deliveryAddress = await findDeliveryAddress(deps.db, found.id);
    const documents = await listCaseDocuments(deps.db, found.id);
    const pkg = deps.services.findVersion(found.serviceId, found.serviceVersion);
    return sendPage(
      reply,
      <CasePage
        frame={frame(request, staff)}
        case={found}
        events={events}
        documents={documents}
        pkg={pkg}
        deliveryAddress={deliveryAddress}
        {...extra}
      />,
      status,
    );
  }

  app.get<{ Params: { caseId: string }; Querystring: { entschieden?: string } }>(
    '/verwaltung/vorgaenge/:caseId',
    async (request, reply) => {
      const staff = await signedIn(request, reply);
      if (!staff) return reply;
      return casePage(request, reply, staff, request.params.caseId, {
        errors: [],
        form: {},
        decided: request.query.entschieden === '1',
      });
    },
  );

  app.post<{ Params: { caseId: string }; Body: Record<string, unknown> }>(
    '/verwaltung/vorgaenge/:caseId/entscheidung',
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const staff = await signedIn(request, reply);
      if (!staff) return reply;
      const decision = String(request.body?.decision ?? '');
      const reason =
        typeof request.body?.reason === 'string'
          ? removeControlCharactersKeepingLines(request.body.reason).trim()
          : '';
      const errors: FieldError[] = [];
      if (decision !== 'approved' && decision !== 'rejected')
        errors.push({ field: 'decision', message: 'Wählen Sie aus, ob Sie genehmigen oder ablehnen.' });
      if (normalizeText(reason) === '')
        errors.push({ field: 'reason', message: 'Bitte füllen Sie das Feld „Begründung“ aus.' });
      else if (reason.length > REASON_MAX)
        errors.push({
          field: 'reason',
          message: `„Begründung“ darf höchstens ${REASON_MAX} Zeichen lang sein.`,
        });
      if (errors.length > 0)
        return casePage(
          request,
          reply,
          staff,
          request.params.caseId,
          { errors, form: { decision, reason } },
          400,
        );
      await decideCase(deps, staff, {
        caseId: request.params.caseId,
        expectedVersion: Number(request.body?.version),
        decision: decision as Outcome['decision'],
        reason,
      });
      return reply.redirect(`/verwaltung/vorgaenge/${request.params.caseId}?entschieden=1`, 303);
    },
  );

  app.get<{ Params: { documentId: string } }>('/verwaltung/dokumente/:documentId', async (request, reply) => {
    const staff = await signedIn(request, reply);
    if (!staff) return reply;
    const doc = await readDocumentForStaff(deps.db, staff, request.params.documentId);
    if (!doc) throw WebError.notFound();
    return reply
      .type(doc.mediaType)
      .header('content-disposition', attachment(doc.filename))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(openDocument(deps.store, doc));
  });

  await app.register(packageRoutes, deps);
  await app.register(incidentRoutes, deps);
}
