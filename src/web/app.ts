/** Builds the Fastify app: security plugins, sessions, assets, the citizen and staff routes, error pages. */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import secureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import { CaseError } from '../cases/errors.ts';
import type { LoadedConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { BlobStore } from '../documents/blob-store.ts';
import type { VirusScanner } from '../documents/virus-scan.ts';
import type { Locale, Text } from '../forms/types.ts';
import type { Tenant } from '../identity/tenants.ts';
import type { Citizen } from '../identity/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { ServiceRegistry } from '../packages/registry.ts';
import { localeOf } from './citizen/locale.ts';
import { citizenRoutes } from './citizen/routes.tsx';
import { leistungRoutes } from './dashboard/leistung-routes.tsx';
import { dashboardRoutes } from './dashboard/routes.tsx';
import { settingsRoutes } from './dashboard/settings-routes.tsx';
import { renderErrorPage } from './error-page.tsx';
import { WebError } from './errors.ts';
import { checkOrigin } from './security.ts';
import { securityHeaders } from './security-headers.ts';
import { staffRoutes } from './staff/routes.tsx';

declare module '@fastify/secure-session' {
  interface SessionData {
    csrf: string;
    citizen: Citizen;
    staffId: string;
    /** Random id of an anonymous visitor's drafts (services that need no log-in). */
    anonymousId: string;
    /** Last request time (ms), for the idle timeout. */
    seenAt: number;
  }
}

export interface AppDeps {
  config: Pick<
    LoadedConfig,
    | 'nodeEnv'
    | 'cookieSecure'
    | 'uploadMaxBytes'
    | 'logLevel'
    | 'draftRetentionDays'
    | 'caseLinkDays'
    | 'publicUrl'
    | 'devLoginLoadPersons'
  > & {
    sessionSecret: string;
  };
  db: Db;
  jobs: JobQueue;
  store: BlobStore;
  scanner: VirusScanner;
  services: ServiceRegistry;
  tenant: Tenant;
  now: () => Date;
}

const IDLE_TIMEOUT_MS = 60 * 60 * 1000;
const here = dirname(fileURLToPath(import.meta.url));
const kernDist = join(here, '..', '..', 'node_modules', '@kern-ux', 'native', 'dist');

export async function build(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 256 * 1024,
    // One log line per request cost a third of a page's CPU at level info (bench/profile.ts); access logs
    // belong to the reverse proxy. Errors are still logged by the error handler below.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
  });

  const headers = securityHeaders(deps.config.cookieSecure);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(formbody);
  await app.register(multipart, {
    limits: { fileSize: deps.config.uploadMaxBytes, files: 1, fields: 5, fieldSize: 4096, parts: 6 },
  });
  await app.register(secureSession, {
    key: createHash('sha256').update(deps.config.sessionSecret).digest(),
    cookieName: 'amtsweg_session',
    cookie: { path: '/', httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'lax' },
  });
  await app.register(fastifyStatic, {
    root: kernDist,
    prefix: '/assets/kern/',
    maxAge: '7d',
    immutable: false,
  });
  await app.register(fastifyStatic, {
    root: join(here, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
  });

  app.addHook('onRequest', async (request) => {
    const seenAt = request.session.get('seenAt');
    const now = deps.now().getTime();
    if (seenAt !== undefined && now - seenAt > IDLE_TIMEOUT_MS) {
      request.session.delete();
    }
    // Refreshed at most once a minute: each refresh re-encrypts and re-sends the session cookie.
    const signedIn = request.session.get('citizen') || request.session.get('staffId');
    if (signedIn && (seenAt === undefined || now - seenAt > 60_000)) request.session.set('seenAt', now);
  });
  app.addHook('preHandler', checkOrigin);

  // Error pages follow the citizen's language; staff pages are German only.
  const errorLocale = (request: FastifyRequest): Locale =>
    request.url.startsWith('/verwaltung') ? 'de' : localeOf(request);

  app.setErrorHandler((error, request, reply) => {
    const show = (status: number, title: Text, message: Text) =>
      renderErrorPage(reply, deps.tenant, status, { title, message }, errorLocale(request));
    if (error instanceof WebError || error instanceof CaseError) {
      const title =
        error instanceof WebError ? error.title : { de: 'Das hat nicht geklappt', en: 'That did not work' };
      return show(error.statusCode, title, error.text);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413 || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      return show(
        413,
        { de: 'Zu groß', en: 'Too large' },
        {
          de: 'Die gesendeten Daten sind zu groß. Bitte kürzen Sie Ihre Angaben oder wählen Sie eine kleinere Datei.',
          en: 'The data sent is too large. Please shorten your answers or choose a smaller file.',
        },
      );
    }
    if (status >= 400 && status < 500) {
      return show(
        status,
        { de: 'Ungültige Anfrage', en: 'Invalid request' },
        {
          de: 'Die Anfrage konnte nicht verarbeitet werden. Bitte gehen Sie zurück und versuchen Sie es noch einmal.',
          en: 'The request could not be processed. Please go back and try again.',
        },
      );
    }
    request.log.error({ err: error }, 'request failed');
    return show(
      500,
      { de: 'Technischer Fehler', en: 'Technical error' },
      {
        de: 'Es ist ein technischer Fehler aufgetreten. Ihre gespeicherten Angaben gehen dabei nicht verloren. Bitte versuchen Sie es später noch einmal.',
        en: 'A technical error occurred. Your saved answers are not lost. Please try again later.',
      },
    );
  });
  app.setNotFoundHandler((request, reply) => {
    const error = WebError.notFound();
    return renderErrorPage(
      reply,
      deps.tenant,
      404,
      { title: error.title, message: error.text },
      errorLocale(request),
    );
  });

  await app.register(citizenRoutes, deps);
  await app.register(staffRoutes, deps);
  await app.register(dashboardRoutes, deps);
  await app.register(leistungRoutes, deps);
  await app.register(settingsRoutes, deps);
  return app;
}
