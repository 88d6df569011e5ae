/**
 * The page an e-mailed case link opens for applicants without log-in: that case's messages and its
 * Bescheid, without an account, session or JavaScript; the token in the path is the only key.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { caseLinkPath, openCaseLink } from '../../cases/case-links.ts';
import { findCaseDocument, listCaseMessages } from '../../cases/postbox.ts';
import { openDocument } from '../../documents/service.ts';
import { formatDateTime, formatLongDate, localize } from '../../forms/display.ts';
import type { AppDeps } from '../app.ts';
import { Alert } from '../components/alert.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { attachment, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { frameOf } from './frame.ts';
import { citizenTexts } from './texts.ts';
import { CitizenPage, MessageList, StatusBadge } from './views.tsx';

const invalidLink = () =>
  new WebError(
    404,
    { de: 'Link ungültig', en: 'Invalid link' },
    {
      de: 'Dieser Link ist ungültig. Vielleicht wurde er nicht vollständig aus der E-Mail kopiert. Öffnen Sie den Link noch einmal direkt aus der E-Mail.',
      en: 'This link is invalid. It may not have been copied completely from the email.',
    },
  );

const expiredLink = (days: number) =>
  new WebError(
    410,
    { de: 'Link abgelaufen', en: 'Link expired' },
    {
      de: `Dieser Link ist abgelaufen. Zum Schutz Ihrer Daten gilt jeder Link nur ${days} Tage. Kommt eine neue Nachricht zu Ihrem Antrag, schicken wir Ihnen einen neuen Link. Den Bescheid bekommen Sie auch bei der zuständigen Stelle: Nennen Sie dort das Aktenzeichen aus der E-Mail.`,
      en: `This link has expired. To protect your data each link works for ${days} days only.`,
    },
  );

// The link is a password: search engines must not keep the page (the page sends no referrer anyway).
const noIndex = (reply: FastifyReply) => reply.header('x-robots-tag', 'noindex, nofollow');

export async function caseLinkRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  async function open(token: string) {
    const link = await openCaseLink(deps.db, deps.tenant.ars, token, deps.now());
    if (link.state === 'expired') throw expiredLink(deps.config.caseLinkDays);
    if (link.state === 'unknown') throw invalidLink();
    return link;
  }

  app.get<{ Params: { token: string } }>(caseLinkPath(':token'), async (request, reply) => {
    const token = request.params.token;
    const { case: found, expiresAt } = await open(token);
    const messages = await listCaseMessages(deps.db, found.id);
    const frame = frameOf(request, deps);
    const { locale } = frame;
    const t = citizenTexts(locale);
    const metadata = deps.services.findVersion(found.serviceId, found.serviceVersion)?.definition.metadata;
    const title = metadata ? localize(metadata.title, locale) : found.serviceId;
    return sendPage(
      noIndex(reply),
      <CitizenPage frame={frame} title={t.caseMessagesTitle}>
        <h1 class="kern-heading-large">{t.caseMessagesHeading(title)}</h1>
        <SummaryList
          rows={[
            { key: t.reference, value: found.reference },
            { key: t.receivedAt, value: formatDateTime(found.submittedAt, locale) },
            { key: t.status, value: <StatusBadge status={found.status} locale={locale} /> },
          ]}
        />
        <Alert type="info" title={t.linkValidUntil(formatLongDate(expiresAt, locale))}>
          <p class="kern-body">{t.keepTheDecision}</p>
        </Alert>
        <h2 class="kern-heading-medium">{t.messages}</h2>
        <MessageList
          messages={messages}
          documentHref={(id) => `${caseLinkPath(token)}/dokumente/${id}`}
          locale={locale}
        />
      </CitizenPage>,
    );
  });

  app.get<{ Params: { token: string; documentId: string } }>(
    `${caseLinkPath(':token')}/dokumente/:documentId`,
    async (request, reply) => {
      const { case: found } = await open(request.params.token);
      const doc = await findCaseDocument(deps.db, found.id, request.params.documentId);
      if (!doc) throw WebError.notFound();
      return noIndex(reply)
        .type(doc.mediaType)
        .header('content-disposition', attachment(doc.filename))
        .header('cache-control', 'no-store')
        .send(openDocument(deps.store, doc));
    },
  );
}
