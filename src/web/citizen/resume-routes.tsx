/** Save and return later: anonymous visitors get a link by e-mail; the development outbox shows sent mails. */
import type { FastifyInstance } from 'fastify';
import { checkEmail } from '../../forms/checks/email.ts';
import { localize } from '../../forms/display.ts';
import { draftExpiresAt } from '../../forms/draft-expiry.ts';
import { findDraft } from '../../forms/drafts.ts';
import { problemMessage } from '../../forms/field-messages.ts';
import { redeemResumeLink, sendResumeLink } from '../../forms/resume-links.ts';
import { listOutbox } from '../../jobs/mail.ts';
import type { AppDeps } from '../app.ts';
import { Alert } from '../components/alert.tsx';
import { BackLink } from '../components/back-link.tsx';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { TextField } from '../components/text-field.tsx';
import { citizenOrVisitor, dateTimeFormat, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { frameOf } from './frame.ts';
import { localeOf } from './locale.ts';
import { citizenTexts } from './texts.ts';
import { CitizenPage } from './views.tsx';

export const SAVE_LATER = 'speichern';

export async function resumeRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { publicUrl } = deps.config;

  async function anonymousDraft(serviceId: string, request: Parameters<typeof citizenOrVisitor>[0]) {
    const pkg = deps.services.find(serviceId);
    if (pkg?.definition.metadata.requiredTrustLevel !== 'none') throw WebError.notFound();
    const visitor = citizenOrVisitor(request);
    const draft = await findDraft(deps.db, {
      tenantArs: deps.tenant.ars,
      service: pkg.definition,
      citizenId: visitor.id,
    });
    return { pkg, draft };
  }

  const savePage = (
    request: Parameters<typeof frameOf>[0],
    serviceId: string,
    title: string,
    value = '',
    error?: string,
    sentTo?: string,
  ) => {
    const form = `/dienste/${serviceId}/formular`;
    const frame = frameOf(request, deps);
    const t = citizenTexts(frame.locale);
    return (
      <CitizenPage
        frame={frame}
        title={t.resumeLater}
        errors={error ? [{ field: 'email', message: error }] : undefined}
      >
        <BackLink href={form} />
        <h1 class="kern-heading-large">{t.resumeLater}</h1>
        {sentTo ? (
          <Alert type="success" title={t.linkSent}>
            <p class="kern-body">{t.linkSentText(sentTo, title)}</p>
          </Alert>
        ) : (
          <Form action={`${form}/${SAVE_LATER}`} csrfToken={frame.csrfToken}>
            <p class="kern-body">{t.answersSaved}</p>
            <TextField
              name="email"
              label={t.email}
              value={value}
              error={error}
              autocomplete="email"
              inputMode="email"
              spellcheck={false}
            />
            <Button>{t.sendLink}</Button>
          </Form>
        )}
      </CitizenPage>
    );
  };

  app.get<{ Params: { serviceId: string } }>(
    `/dienste/:serviceId/formular/${SAVE_LATER}`,
    async (request, reply) => {
      const { pkg } = await anonymousDraft(request.params.serviceId, request);
      return sendPage(
        reply,
        savePage(request, pkg.definition.id, localize(pkg.definition.metadata.title, localeOf(request))),
      );
    },
  );

  app.post<{ Params: { serviceId: string }; Body: Record<string, unknown> }>(
    `/dienste/:serviceId/formular/${SAVE_LATER}`,
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const { pkg, draft } = await anonymousDraft(request.params.serviceId, request);
      const raw = typeof request.body?.email === 'string' ? request.body.email : '';
      const email = checkEmail(raw);
      const locale = localeOf(request);
      const title = localize(pkg.definition.metadata.title, locale);
      if (!email.ok)
        return sendPage(
          reply,
          savePage(
            request,
            pkg.definition.id,
            title,
            raw,
            problemMessage('email', email.problem, citizenTexts(locale).email)[locale],
          ),
          400,
        );
      if (!draft)
        throw WebError.badRequest(
          'Es gibt noch keine Angaben zum Speichern. Beantworten Sie zuerst eine Frage.',
          'There is nothing to save yet.',
        );
      const expiresAt = draftExpiresAt(draft.updatedAt, deps.config.draftRetentionDays);
      await sendResumeLink(deps, {
        tenantArs: deps.tenant.ars,
        draftId: draft.id,
        email: email.value,
        expiresAt,
        publicUrl,
        serviceTitle: title,
      });
      return sendPage(reply, savePage(request, pkg.definition.id, title, '', undefined, email.value));
    },
  );

  app.get<{ Params: { token: string } }>('/weitermachen/:token', async (request, reply) => {
    const found = await redeemResumeLink(deps.db, request.params.token, deps.now());
    if (!found?.citizenId.startsWith('anonym:')) {
      throw new WebError(
        404,
        { de: 'Link ungültig', en: 'Invalid link' },
        {
          de: 'Dieser Link ist ungültig oder abgelaufen. Ihre Angaben wurden nach Ablauf der Frist gelöscht, oder der Link wurde falsch kopiert.',
          en: 'This link is invalid or has expired.',
        },
      );
    }
    // A new session that carries only the draft's anonymous id.
    request.session.regenerate();
    request.session.set('anonymousId', found.citizenId.slice('anonym:'.length));
    return reply.redirect(`/dienste/${found.serviceId}/formular`, 303);
  });

  if (deps.config.nodeEnv === 'production') return;
  // A sent or failed mail has lost its body (its link): the status says which.
  const outboxStatus = {
    pending: ', nicht verschickt',
    sent: ', verschickt',
    failed: ', Versand fehlgeschlagen',
  };
  app.get('/entwicklung/postausgang', async (request, reply) => {
    const mails = await listOutbox(deps.db, deps.tenant.ars);
    return sendPage(
      reply,
      <CitizenPage frame={frameOf(request, deps)} title="Postausgang (Entwicklung)">
        <h1 class="kern-heading-large">Postausgang</h1>
        <Alert type="warning" title="Entwicklungsfunktion">
          Ohne SMTP_URL werden E-Mails nicht verschickt, sondern hier gezeigt.
        </Alert>
        {mails.map((mail) => (
          <section key={mail.created_at.toISOString()}>
            <h2 class="kern-heading-small">{mail.subject}</h2>
            <p class="kern-body kern-body--small">
              An {mail.recipient}, {dateTimeFormat.format(mail.created_at)}
              {outboxStatus[mail.status]}
            </p>
            <pre class="app-mail-body">{mail.body}</pre>
          </section>
        ))}
      </CitizenPage>,
    );
  });
}
