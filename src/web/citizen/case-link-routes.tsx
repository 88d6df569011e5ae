/**
 * The page an e-mailed case link opens for applicants without log-in: that case's messages and its
 * Bescheid, without an account, session or JavaScript; the token in the path is the only key.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { caseLinkPath, openCaseLink } from '../../cases/case-links.ts';
import { findCaseDocument, listCaseMessages } from '../../cases/postbox.ts';
import { openDocument } from '../../documents/service.ts';
import { formatLongDate } from '../../forms/display.ts';
import type { AppDeps } from '../app.ts';
import { Alert } from '../components/alert.tsx';
import { Badge } from '../components/badge.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { attachment, dateTimeFormat, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { frameOf } from './frame.ts';
import { CitizenPage, MessageList, STATUS_NAMES } from './views.tsx';

const invalidLink = () =>
  new WebError(404, 'Link ungültig', {
    de: 'Dieser Link ist ungültig. Vielleicht wurde er nicht vollständig aus der E-Mail kopiert. Öffnen Sie den Link noch einmal direkt aus der E-Mail.',
    en: 'This link is invalid. It may not have been copied completely from the email.',
  });

const expiredLink = (days: number) =>
  new WebError(410, 'Link abgelaufen', {
    de: `Dieser Link ist abgelaufen. Zum Schutz Ihrer Daten gilt jeder Link nur ${days} Tage. Kommt eine neue Nachricht zu Ihrem Antrag, schicken wir Ihnen einen neuen Link. Den Bescheid bekommen Sie auch bei der zuständigen Stelle: Nennen Sie dort das Aktenzeichen aus der E-Mail.`,
    en: `This link has expired. To protect your data each link works for ${days} days only.`,
  });

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
    const title =
      deps.services.findVersion(found.serviceId, found.serviceVersion)?.definition.metadata.title.de ??
      found.serviceId;
    const status = STATUS_NAMES[found.status];
    return sendPage(
      noIndex(reply),
      <CitizenPage frame={frameOf(request, deps)} title="Nachrichten zu Ihrem Antrag">
        <h1 class="kern-heading-large">{title}: Nachrichten zu Ihrem Antrag</h1>
        <SummaryList
          rows={[
            { key: 'Aktenzeichen', value: found.reference },
            { key: 'Eingegangen am', value: dateTimeFormat.format(found.submittedAt) },
            { key: 'Status', value: <Badge type={status.type}>{status.label}</Badge> },
          ]}
        />
        <Alert type="info" title={`Dieser Link gilt bis zum ${formatLongDate(expiresAt)}`}>
          <p class="kern-body">
            Speichern Sie den Bescheid auf Ihrem Gerät. Geben Sie den Link nicht weiter: Wer ihn hat, sieht
            diese Nachrichten.
          </p>
        </Alert>
        <h2 class="kern-heading-medium">Nachrichten</h2>
        <MessageList
          messages={messages}
          documentHref={(id) => `${caseLinkPath(token)}/dokumente/${id}`}
          locale="de"
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
