/** Small helpers every route uses: send a page, read the signed-in person, keep redirects on this site. */

import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { anonymousCitizen, type Citizen } from '../identity/types.ts';
import { renderPage } from './render.ts';

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderPage(page));
}

export function currentCitizen(request: FastifyRequest): Citizen | undefined {
  return request.session.get('citizen');
}

/** The signed-in citizen, or else an anonymous visitor with a random id kept in the session. */
export function citizenOrVisitor(request: FastifyRequest): Citizen {
  const citizen = currentCitizen(request);
  if (citizen) return citizen;
  let id = request.session.get('anonymousId');
  if (!id) {
    id = randomUUID();
    request.session.set('anonymousId', id);
  }
  return anonymousCitizen(id);
}

/** The signed-in citizen, or the anonymous visitor this session already has; never creates one. */
export function sessionCitizen(request: FastifyRequest): Citizen | undefined {
  const anonymousId = request.session.get('anonymousId');
  return currentCitizen(request) ?? (anonymousId ? anonymousCitizen(anonymousId) : undefined);
}

/** Only paths on this site are followed after log-in, never another host (open-redirect protection). */
export function localPath(raw: unknown, fallback: string): string {
  return typeof raw === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(raw) ? raw : fallback;
}

export function loginRedirect(reply: FastifyReply, returnTo: string, loginPath = '/anmelden'): FastifyReply {
  return reply.redirect(`${loginPath}?weiter=${encodeURIComponent(returnTo)}`, 303);
}

/** Content-Disposition per RFC 6266 with an ASCII fallback and the UTF-8 name. */
export function attachment(filename: string, inline = false): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});
