/** What every citizen page needs from the request: tenant name, signed-in citizen, CSRF token. */
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../app.ts';
import { currentCitizen } from '../context.ts';
import { csrfToken } from '../security.ts';
import type { CitizenFrame } from './views.tsx';

export function frameOf(request: FastifyRequest, deps: Pick<AppDeps, 'tenant'>): CitizenFrame {
  return { tenantName: deps.tenant.name, citizen: currentCitizen(request), csrfToken: csrfToken(request) };
}
