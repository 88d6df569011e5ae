/** Störungen: effects that failed all retries, for staff to look into and mark as resolved. */
import type { FastifyInstance } from 'fastify';
import { listOpenIncidents, resolveIncident } from '../../jobs/incidents.ts';
import type { AppDeps } from '../app.ts';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { Table } from '../components/table.tsx';
import { dateTimeFormat, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { signedInStaff, staffFrame } from './session.ts';
import { StaffPage } from './views.tsx';

const QUEUE_NAMES: Record<string, string> = {
  'render-decision-letter': 'Bescheid erstellen und zustellen',
  'notify-citizen-submitted': 'Eingangsnachricht ins Postfach',
  'send-mail': 'E-Mail senden',
  'expire-drafts': 'Abgelaufene Entwürfe löschen',
};

export async function incidentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/verwaltung/stoerungen', async (request, reply) => {
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    const frame = staffFrame(request, deps, staff);
    const incidents = await listOpenIncidents(deps.db);
    return sendPage(
      reply,
      <StaffPage frame={frame} title="Störungen">
        <h1 class="kern-heading-large">Störungen</h1>
        <p class="kern-body">
          Diese Aufgaben sind auch nach allen Wiederholungen gescheitert. Bitte prüfen Sie sie und erledigen
          Sie sie von Hand (zum Beispiel den Bescheid selbst zustellen).
        </p>
        {incidents.length === 0 ? (
          <p class="kern-body">Keine offenen Störungen.</p>
        ) : (
          <Table
            caption="Offene Störungen, älteste zuerst"
            head={['Seit', 'Aufgabe', 'Daten', 'Erledigt']}
            rows={incidents.map((incident) => [
              dateTimeFormat.format(incident.createdAt),
              QUEUE_NAMES[incident.queue] ?? incident.queue,
              JSON.stringify(incident.data),
              <Form
                action={`/verwaltung/stoerungen/${incident.id}/erledigt`}
                csrfToken={frame.csrfToken}
                key="done"
              >
                <Button variant="secondary">Als erledigt markieren</Button>
              </Form>,
            ])}
          />
        )}
      </StaffPage>,
    );
  });

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/verwaltung/stoerungen/:id/erledigt',
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const staff = await signedInStaff(request, reply, deps);
      if (!staff) return reply;
      if (!(await resolveIncident(deps.db, staff, request.params.id))) throw WebError.notFound();
      return reply.redirect('/verwaltung/stoerungen', 303);
    },
  );
}
