/**
 * CSRF protection with a per-session synchronizer token (OWASP's recommended pattern). Hand-written rather
 * than @fastify/csrf-protection because multipart uploads are streamed: the token must be checked when the
 * first part arrives, before the file is read, which that plugin's body-based hook cannot do.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WebError } from './errors.ts';

export function csrfToken(request: FastifyRequest): string {
  let token = request.session.get('csrf');
  if (!token) {
    token = randomBytes(32).toString('base64url');
    request.session.set('csrf', token);
  }
  return token;
}

export function isValidCsrf(request: FastifyRequest, submitted: unknown): boolean {
  const expected = request.session.get('csrf');
  if (typeof submitted !== 'string' || !expected || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}

export function assertCsrf(request: FastifyRequest, submitted: unknown): void {
  if (!isValidCsrf(request, submitted)) throw WebError.csrf();
}

/** Rejects state-changing requests whose Origin names another site (a second line of defence to the token). */
export async function checkOrigin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return;
  if (URL.parse(origin)?.host !== request.headers.host) throw WebError.csrf();
}
