/**
 * The OZG progress dashboard: for staff at /verwaltung/ozg (with internal notes), for everyone at /ozg-stand
 * (cacheable, no cookies, no internal notes); every figure as CSV and JSON; the answer to a council
 * inquiry as PDF.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Audience, CouncilFigures } from '../../catalog/council-figures.ts';
import { type CouncilReport, councilReport } from '../../catalog/council-report.ts';
import { type Figure, figureToCsv, figureToJson } from '../../catalog/figure.ts';
import { renderCouncilAnswer } from '../../pdf/council-answer.ts';
import type { AppDeps } from '../app.ts';
import { CitizenPage } from '../citizen/views.tsx';
import { attachment, sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { renderPage } from '../render.ts';
import { signedInStaff, staffFrame } from '../staff/session.ts';
import { StaffPage } from '../staff/views.tsx';
import { Dashboard } from './dashboard-view.tsx';
import { DashboardStaffLinks } from './leistung-list-view.tsx';
import { type PublicBody, ttlCache, withEtag } from './public-cache.ts';

export const PUBLIC_DASHBOARD = '/ozg-stand';
export const STAFF_DASHBOARD = '/verwaltung/ozg';
// Five minutes: fresh enough for a council session, and a crowd of visitors costs one computation each.
const PUBLIC_MAX_AGE_SECONDS = 300;
// Computing the public page takes ~50 ms (4,000 catalogue rows, 150 KB of HTML); each process keeps it for a
// minute, so a rush of visitors (or a press release) costs one computation a minute, not one per request.
const PUBLIC_CACHE_MS = 60_000;

function findFigure(figures: CouncilFigures, file: string): { figure: Figure; format: 'csv' | 'json' } {
  const match = /^([a-z0-9-]+)\.(csv|json)$/.exec(file);
  const figure = match && Object.values(figures).find((f) => f.id === match[1]);
  if (!match || !figure) throw WebError.notFound();
  return { figure, format: match[2] as 'csv' | 'json' };
}

function sendFigure(reply: FastifyReply, figure: Figure, format: 'csv' | 'json'): FastifyReply {
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', attachment(`${figure.id}.${format}`))
    .send(format === 'csv' ? figureToCsv(figure) : figureToJson(figure));
}

const allFiguresJson = (figures: CouncilFigures) =>
  `[${Object.values(figures)
    .map((f) => figureToJson(f))
    .join(',')}]`;

/** Public responses carry no cookie and an ETag, so browsers and proxies may keep them. */
function sendPublic(request: FastifyRequest, reply: FastifyReply, response: PublicBody) {
  reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`).header('etag', response.etag);
  if (request.headers['if-none-match'] === response.etag) return reply.code(304).send();
  return reply.type(response.type).send(response.body);
}

export async function dashboardRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const report = (audience: Audience) =>
    councilReport(deps.db, deps.tenant.ars, deps.services.list(), deps.now(), audience);

  const cached = ttlCache(deps.now, PUBLIC_CACHE_MS);
  // One public report a minute feeds the page, the downloads and the PDF, so they always agree.
  const publicReport = () => cached('report', () => report('public'));

  app.get(PUBLIC_DASHBOARD, async (request, reply) =>
    sendPublic(
      request,
      reply,
      await cached('page', async () => withEtag('text/html; charset=utf-8', await publicPage())),
    ),
  );

  async function publicPage(): Promise<string> {
    const r = await publicReport();
    // Cached for all visitors, so German only and without the language link.
    const frame = {
      tenantName: deps.tenant.name,
      citizen: undefined,
      csrfToken: '',
      locale: 'de',
      url: undefined,
    } as const;
    return renderPage(
      <CitizenPage frame={frame} title="Stand der OZG-Umsetzung">
        <Dashboard tenantName={deps.tenant.name} report={r} dataHref={`${PUBLIC_DASHBOARD}/daten`} />
        <p class="kern-body">
          <a class="kern-link" href={`${PUBLIC_DASHBOARD}/antwort.pdf`}>
            Zusammenfassung als PDF (Antwort auf eine Anfrage des Rates)
          </a>
        </p>
      </CitizenPage>,
    );
  }

  app.get(`${PUBLIC_DASHBOARD}/daten.json`, async (request, reply) =>
    sendPublic(
      request,
      reply,
      await cached('json', async () =>
        withEtag('application/json; charset=utf-8', allFiguresJson((await publicReport()).figures)),
      ),
    ),
  );

  app.get<{ Params: { file: string } }>(`${PUBLIC_DASHBOARD}/daten/:file`, async (request, reply) => {
    const { figure, format } = findFigure((await publicReport()).figures, request.params.file);
    reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    return sendFigure(reply, figure, format);
  });

  app.get(`${PUBLIC_DASHBOARD}/antwort.pdf`, async (request, reply) => {
    reply.header('content-disposition', attachment('ozg-stand.pdf', true));
    return sendPublic(
      request,
      reply,
      await cached('pdf', async () =>
        withEtag('application/pdf', await councilAnswerPdf(await publicReport())),
      ),
    );
  });

  /** The answer to the council is a public document: built from the public figures, whoever downloads it. */
  function councilAnswerPdf(r: CouncilReport): Promise<Uint8Array> {
    return renderCouncilAnswer({
      letterhead: deps.tenant.letterhead,
      tenantName: deps.tenant.name,
      date: deps.now(),
      figures: r.figures,
      totals: r.totals,
    });
  }

  app.get(STAFF_DASHBOARD, async (request, reply) => {
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    const r = await report('staff');
    const frame = staffFrame(request, deps, staff);
    return sendPage(
      reply,
      <StaffPage frame={frame} title="OZG-Stand">
        <DashboardStaffLinks />
        <Dashboard
          tenantName={deps.tenant.name}
          report={r}
          dataHref={`${STAFF_DASHBOARD}/daten`}
          showUnknownKeys
        />
      </StaffPage>,
    );
  });

  app.get(`${STAFF_DASHBOARD}/daten.json`, async (request, reply) => {
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(allFiguresJson((await report('staff')).figures));
  });

  app.get<{ Params: { file: string } }>(`${STAFF_DASHBOARD}/daten/:file`, async (request, reply) => {
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    const { figure, format } = findFigure((await report('staff')).figures, request.params.file);
    reply.header('cache-control', 'no-store');
    return sendFigure(reply, figure, format);
  });

  app.get(`${STAFF_DASHBOARD}/antwort.pdf`, async (request, reply) => {
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    const pdf = await councilAnswerPdf(await report('public'));
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', attachment('antwort-ozg-anfrage.pdf', true))
      .send(pdf);
  });
}
