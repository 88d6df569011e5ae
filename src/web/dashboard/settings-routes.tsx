/** The cost model page: only coordinators may change it (checked again in catalog/progress-store.ts). */
import type { FastifyInstance } from 'fastify';
import { canCoordinate } from '../../catalog/coordinator.ts';
import { FormReader } from '../../catalog/form-reader.ts';
import { loadSettings, saveSettings } from '../../catalog/progress-store.ts';
import { isoDateInBerlin } from '../../forms/display.ts';
import type { AppDeps } from '../app.ts';
import { sendPage } from '../context.ts';
import { assertCsrf } from '../security.ts';
import { signedInStaff, staffFrame } from '../staff/session.ts';
import { asValues, dateAsTyped, eurosAsTyped, SETTINGS_PATH } from './form-state.ts';
import { SettingsPage } from './settings-view.tsx';

type Body = Record<string, unknown>;

export async function settingsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Querystring: { erledigt?: string } }>(SETTINGS_PATH, async (request, reply) => {
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    const s = await loadSettings(deps.db, deps.tenant.ars);
    return sendPage(
      reply,
      <SettingsPage
        frame={staffFrame(request, deps, staff)}
        canChange={canCoordinate(staff)}
        errors={[]}
        done={request.query.erledigt === 'ja' ? 'Kostenmodell gespeichert' : undefined}
        values={{
          costModelName: s.costModelName,
          platformFee: eurosAsTyped(s.platformFeeCentsPerYear),
          perInhabitant: eurosAsTyped(s.centsPerInhabitantPerYear),
          inhabitants: String(s.inhabitants),
          trendStart: dateAsTyped(s.trendStart),
        }}
      />,
    );
  });

  app.post<{ Body: Body }>(SETTINGS_PATH, async (request, reply) => {
    assertCsrf(request, request.body?._csrf);
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    const form = new FormReader(request.body ?? {}, isoDateInBerlin(deps.now()));
    const settings = {
      costModelName: form.required('costModelName', 'Name des Kostenmodells'),
      platformFeeCentsPerYear: form.euros('platformFee', 'Feste Gebühr pro Jahr', true),
      centsPerInhabitantPerYear: form.euros('perInhabitant', 'Betrag je Einwohnerin und Einwohner', true),
      inhabitants: form.integer('inhabitants', 'Einwohnerinnen und Einwohner', 0, 100_000_000),
      trendStart: form.date('trendStart', 'Zeitverlauf beginnt am', { notAfterToday: true }),
    };
    const { platformFeeCentsPerYear, centsPerInhabitantPerYear, inhabitants, trendStart } = settings;
    if (
      form.errors.length ||
      platformFeeCentsPerYear === null ||
      centsPerInhabitantPerYear === null ||
      inhabitants === null ||
      trendStart === null
    ) {
      return sendPage(
        reply,
        <SettingsPage
          frame={staffFrame(request, deps, staff)}
          canChange={canCoordinate(staff)}
          errors={form.errors}
          values={asValues(request.body ?? {})}
        />,
        400,
      );
    }
    await saveSettings(deps.db, staff, {
      ...settings,
      platformFeeCentsPerYear,
      centsPerInhabitantPerYear,
      inhabitants,
      trendStart,
    });
    return reply.redirect(`${SETTINGS_PATH}?erledigt=ja`, 303);
  });
}
