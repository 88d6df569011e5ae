/**
 * The citizen's language: `?lang=en` (or `de`) chooses it and a small cookie keeps it. The choice is not
 * personal data, so it is not in the encrypted session. German is the default; staff pages stay German.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '../../forms/types.ts';

export const LANG_COOKIE = 'amtsweg_lang';
const LOCALES: readonly Locale[] = ['de', 'en'];
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function asLocale(value: unknown): Locale | undefined {
  return LOCALES.find((locale) => locale === value);
}

function queryLocale(request: FastifyRequest): Locale | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  return asLocale(query?.lang);
}

export function localeOf(request: FastifyRequest): Locale {
  return queryLocale(request) ?? asLocale(request.cookies[LANG_COOKIE]) ?? 'de';
}

/** Remembers a `?lang=` choice in the cookie (for the routes of the plugin that calls it). */
export function rememberLanguageChoice(app: FastifyInstance, secure: boolean): void {
  app.addHook('onRequest', async (request, reply) => {
    const chosen = queryLocale(request);
    if (chosen && chosen !== request.cookies[LANG_COOKIE])
      reply.setCookie(LANG_COOKIE, chosen, {
        path: '/',
        sameSite: 'lax',
        secure,
        httpOnly: true,
        maxAge: ONE_YEAR_SECONDS,
      });
  });
}

/** The same page in the other language: the request's path and query with `lang` set. */
export function switchLanguageHref(url: string, to: Locale): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set('lang', to);
  return `${parsed.pathname}${parsed.search}`;
}
