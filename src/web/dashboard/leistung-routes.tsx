/** Staff routes to keep the OZG progress data: Leistungen (status, counts, maturity answers) and the cost model. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canCoordinate } from '../../catalog/coordinator.ts';
import { FormReader } from '../../catalog/form-reader.ts';
import {
  answerFieldId,
  assessPackage,
  loadMaturityAnswers,
  MaturityInputError,
  saveMaturityAnswer,
} from '../../catalog/package-maturity.ts';
import {
  findCatalogEntry,
  findStatuses,
  listThemenfelder,
  saveMonthlyCounts,
  saveStatus,
  searchCatalog,
} from '../../catalog/progress-store.ts';
import { type EffectiveStatus, parseStatusForm } from '../../catalog/status.ts';
import { isoDateInBerlin } from '../../forms/display.ts';
import type { FieldError } from '../../forms/types.ts';
import type { StaffMember } from '../../identity/types.ts';
import type { AppDeps } from '../app.ts';
import { sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { signedInStaff, staffFrame } from '../staff/session.ts';
import { asValues, dateAsTyped, eurosAsTyped, type FormValues, LEISTUNGEN_PATH } from './form-state.ts';
import { LeistungListPage } from './leistung-list-view.tsx';
import { LeistungPage } from './leistung-views.tsx';
import { MaturitySection } from './maturity-view.tsx';

const PAGE_SIZE = 50;
type Body = Record<string, unknown>;

export async function leistungRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const today = () => isoDateInBerlin(deps.now());

  app.get<{ Querystring: { suche?: string; themenfeld?: string; seite?: string } }>(
    LEISTUNGEN_PATH,
    async (request, reply) => {
      const staff = await signedInStaff(request, reply, deps);
      if (!staff) return reply;
      const text = String(request.query.suche ?? '').slice(0, 200);
      const themenfeld = String(request.query.themenfeld ?? '').slice(0, 200);
      const page = Math.max(
        1,
        Math.min(10_000, Number.parseInt(String(request.query.seite ?? '1'), 10) || 1),
      );
      const [found, themenfelder] = await Promise.all([
        searchCatalog(deps.db, deps.tenant.ars, {
          text,
          themenfeld,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        }),
        listThemenfelder(deps.db),
      ]);
      const offered = offeredKeys(deps);
      const statuses = await findStatuses(
        deps.db,
        deps.tenant.ars,
        found.entries.map((e) => e.leikaKey),
      );
      const entries = found.entries.map((e) => ({
        ...e,
        status: (offered.has(e.leikaKey)
          ? 'amtsweg'
          : (statuses.get(e.leikaKey)?.status ?? 'open')) as EffectiveStatus,
      }));
      return sendPage(
        reply,
        <LeistungListPage
          frame={staffFrame(request, deps, staff)}
          entries={entries}
          total={found.total}
          text={text}
          themenfeld={themenfeld}
          themenfelder={themenfelder}
          page={page}
          pageSize={PAGE_SIZE}
        />,
      );
    },
  );

  async function showLeistung(
    request: FastifyRequest<{ Params: { key: string } }>,
    reply: FastifyReply,
    staff: StaffMember,
    form: {
      values?: FormValues;
      errors?: FieldError[];
      countValues?: FormValues;
      countErrors?: FieldError[];
      maturityErrors?: FieldError[];
      /** The maturity answer that was sent with an error, to show it again. */
      maturityValues?: FormValues;
      done?: string;
    },
    status = 200,
  ) {
    const entry = await findCatalogEntry(deps.db, request.params.key);
    if (!entry) throw WebError.notFound();
    const row = (await findStatuses(deps.db, deps.tenant.ars, [entry.leikaKey])).get(entry.leikaKey);
    const pkg = deps.services.list().find((p) => p.definition.metadata.leikaKeys.includes(entry.leikaKey));
    const maturity = pkg && (
      <MaturitySection
        assessments={assessPackage(
          pkg.definition,
          await loadMaturityAnswers(deps.db, deps.tenant.ars, pkg.definition.metadata.leikaKeys),
        )}
        action={`${LEISTUNGEN_PATH}/${entry.leikaKey}/reifegrad`}
        csrfToken={staffFrame(request, deps, staff).csrfToken}
        canChange={canCoordinate(staff)}
        errors={form.maturityErrors ?? []}
        submitted={form.maturityValues}
      />
    );
    const values: FormValues = form.values ?? {
      status: row?.status ?? 'open',
      provider: row?.provider ?? '',
      url: row?.url ?? '',
      onlineSince: dateAsTyped(row?.onlineSince ?? null),
      maturity11: row?.maturity11?.toString() ?? '',
      maturity20: row?.maturity20?.toString() ?? '',
      targetDate: dateAsTyped(row?.targetDate ?? null),
      delayReason: row?.delayReason ?? '',
      annualCost: eurosAsTyped(row?.annualCostCents ?? null),
      internalNote: row?.internalNote ?? '',
    };
    return sendPage(
      reply,
      <LeistungPage
        frame={staffFrame(request, deps, staff)}
        entry={entry}
        status={pkg ? 'amtsweg' : (row?.status ?? 'open')}
        canChange={canCoordinate(staff)}
        values={values}
        errors={form.errors ?? []}
        countValues={form.countValues ?? {}}
        countErrors={form.countErrors ?? []}
        offeredBy={pkg && { serviceId: pkg.definition.id, title: pkg.definition.metadata.title.de }}
        done={form.done}
        maturity={maturity}
        pageErrors={form.maturityErrors}
      />,
      status,
    );
  }

  app.get<{ Params: { key: string }; Querystring: { erledigt?: string } }>(
    `${LEISTUNGEN_PATH}/:key`,
    async (request, reply) => {
      const staff = await signedInStaff(request, reply, deps);
      if (!staff) return reply;
      const done = {
        stand: 'Stand gespeichert',
        zahlen: 'Antragszahlen gespeichert',
        reifegrad: 'Antwort zum Reifegrad gespeichert',
      }[request.query.erledigt ?? ''];
      return showLeistung(request, reply, staff, { done });
    },
  );

  app.post<{ Params: { key: string }; Body: Body }>(`${LEISTUNGEN_PATH}/:key`, async (request, reply) => {
    assertCsrf(request, request.body?._csrf);
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    const entry = await findCatalogEntry(deps.db, request.params.key);
    if (!entry) throw WebError.notFound();
    const parsed = parseStatusForm(request.body ?? {}, today());
    if (!parsed.ok)
      return showLeistung(
        request,
        reply,
        staff,
        { values: asValues(request.body ?? {}), errors: parsed.errors },
        400,
      );
    await saveStatus(deps.db, staff, entry.leikaKey, parsed.value);
    return reply.redirect(`${LEISTUNGEN_PATH}/${entry.leikaKey}?erledigt=stand`, 303);
  });

  app.post<{ Params: { key: string }; Body: Body }>(
    `${LEISTUNGEN_PATH}/:key/antragszahlen`,
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const staff = await signedInStaff(request, reply, deps);
      if (!staff) return reply;
      const entry = await findCatalogEntry(deps.db, request.params.key);
      if (!entry) throw WebError.notFound();
      const form = new FormReader(request.body ?? {}, today());
      const month = form.month('month', 'Monat');
      const viaAmtsweg = offeredKeys(deps).has(entry.leikaKey);
      const online = viaAmtsweg ? 0 : form.integer('online', 'Anträge online', 0, 10_000_000);
      const paper = form.integer('paper', 'Anträge auf Papier oder vor Ort', 0, 10_000_000);
      if (form.errors.length || month === null || online === null || paper === null) {
        return showLeistung(
          request,
          reply,
          staff,
          { countValues: asValues(request.body ?? {}), countErrors: form.errors },
          400,
        );
      }
      await saveMonthlyCounts(deps.db, staff, [{ leikaKey: entry.leikaKey, month, online, paper }]);
      return reply.redirect(`${LEISTUNGEN_PATH}/${entry.leikaKey}?erledigt=zahlen`, 303);
    },
  );

  app.post<{ Params: { key: string }; Body: Body }>(
    `${LEISTUNGEN_PATH}/:key/reifegrad`,
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const staff = await signedInStaff(request, reply, deps);
      if (!staff) return reply;
      const entry = await findCatalogEntry(deps.db, request.params.key);
      if (!entry || !offeredKeys(deps).has(entry.leikaKey)) throw WebError.notFound();
      const body = request.body ?? {};
      const form = new FormReader(body, today());
      const model = form.text('model', 'Modell');
      const criterion = form.text('criterion', 'Anforderung');
      const field = answerFieldId(model, criterion);
      try {
        await saveMaturityAnswer(deps.db, staff, entry.leikaKey, {
          model,
          criterion,
          option: form.text(field, 'Antwort'),
          justification: form.note(`${field}-begruendung`, 'Begründung') ?? '',
        });
      } catch (error) {
        if (!(error instanceof MaturityInputError)) throw error;
        const errors = [...form.errors, { field: error.field, message: error.message }];
        return showLeistung(
          request,
          reply,
          staff,
          { maturityErrors: errors, maturityValues: asValues(body) },
          400,
        );
      }
      return reply.redirect(`${LEISTUNGEN_PATH}/${entry.leikaKey}?erledigt=reifegrad`, 303);
    },
  );
}

function offeredKeys(deps: AppDeps): Set<string> {
  return new Set(deps.services.list().flatMap((p) => p.definition.metadata.leikaKeys));
}
