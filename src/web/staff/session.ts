/** The signed-in member of staff for a request, and what every staff page needs. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findStaff } from '../../identity/tenants.ts';
import type { StaffMember } from '../../identity/types.ts';
import type { AppDeps } from '../app.ts';
import { loginRedirect } from '../context.ts';
import { csrfToken } from '../security.ts';
import type { StaffFrame } from './views.tsx';

export const STAFF_LOGIN = '/verwaltung/anmelden';

export function staffFrame(
  request: FastifyRequest,
  deps: Pick<AppDeps, 'tenant'>,
  staff: StaffMember | undefined,
): StaffFrame {
  return { tenantName: deps.tenant.name, staff, csrfToken: csrfToken(request) };
}

/** The staff member, or undefined after sending them to the log-in. */
export async function signedInStaff(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppDeps, 'db'>,
): Promise<StaffMember | undefined> {
  const id = request.session.get('staffId');
  const staff = id ? await findStaff(deps.db, id) : undefined;
  if (!staff) loginRedirect(reply, request.url, STAFF_LOGIN);
  return staff;
}
