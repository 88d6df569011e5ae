/** What every citizen page needs from the request: tenant name, signed-in citizen, CSRF token, language. */
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../app.ts';
import { currentCitizen } from '../context.ts';
import { csrfToken } from '../security.ts';
import { localeOf } from './locale.ts';
import type { CitizenFrame } from './views.tsx';

export function frameOf(request: FastifyRequest, deps: Pick<AppDeps, 'tenant'>): CitizenFrame {
  return {
    tenantName: deps.tenant.name,
    citizen: currentCitizen(request),
    csrfToken: csrfToken(request),
    locale: localeOf(request),
    url: request.url,
  };
}
