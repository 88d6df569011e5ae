/** What every step of the form journey starts from: the service, the citizen, their draft and its version. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isoDateInBerlin, localize } from '../../forms/display.ts';
import { draftExpiresAt } from '../../forms/draft-expiry.ts';
import { type DraftKey, findDraft } from '../../forms/drafts.ts';
import { meetsTrustLevel } from '../../identity/types.ts';
import type { CompiledPackage } from '../../packages/compile.ts';
import type { AppDeps } from '../app.ts';
import { citizenOrVisitor, currentCitizen, loginRedirect, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { frameOf } from './frame.ts';
import { citizenTexts } from './texts.ts';
import { type CitizenFrame, CitizenPage } from './views.tsx';

export type FormParams = { serviceId: string; pageId: string };

/** Query of a page opened from "check your answers": it returns there when saved. */
export const FROM_SUMMARY = 'von=pruefen';
export const formBase = (pkg: CompiledPackage) => `/dienste/${pkg.definition.id}/formular`;
export const pageUrl = (pkg: CompiledPackage, step: string) => `${formBase(pkg)}/${step}`;

/**
 * The package and signed-in citizen for a journey request, or a reply that already handled it. A draft
 * is finished with the package version it was started with, even after a newer one is published.
 */
export async function startJourney(
  deps: AppDeps,
  request: FastifyRequest<{ Params: Partial<FormParams> }>,
  reply: FastifyReply,
) {
  const latest = deps.services.find(request.params.serviceId ?? '');
  if (!latest) throw WebError.notFound();
  const anonymous = latest.definition.metadata.requiredTrustLevel === 'none';
  const citizen = anonymous ? citizenOrVisitor(request) : currentCitizen(request);
  if (!citizen) return { redirect: loginRedirect(reply, formBase(latest)) } as const;
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

export type Journey = Exclude<Awaited<ReturnType<typeof startJourney>>, { redirect: unknown }>;

function TrustLevelTooLow(props: { frame: CitizenFrame; pkg: CompiledPackage }) {
  const t = citizenTexts(props.frame.locale);
  return (
    <CitizenPage frame={props.frame} title={t.trustLevelTooLow}>
      <h1 class="kern-heading-large">{t.trustLevelTooLow}</h1>
      <p class="kern-body">
        {t.trustLevelTooLowText(localize(props.pkg.definition.metadata.title, props.frame.locale))}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`/anmelden?weiter=${encodeURIComponent(formBase(props.pkg))}`}>
          {t.logInAgain}
        </a>
      </p>
    </CitizenPage>
  );
}
