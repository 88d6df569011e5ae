/**
 * Bearer tokens for links sent by e-mail (resume a draft, open a case without log-in): 256 random bits,
 * base64url. Only the token's SHA-256 is stored, so a database leak opens nothing; guessing is hopeless,
 * so no rate limit is needed.
 */
import { createHash, randomBytes } from 'node:crypto';

const SHAPE = /^[\w-]{43}$/;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A fresh token for the e-mail and the hash to store. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

/** The stored hash a token from a request stands for; undefined when it cannot be one of ours. */
export function linkTokenHash(token: string): string | undefined {
  return SHAPE.test(token) ? sha256(token) : undefined;
}
