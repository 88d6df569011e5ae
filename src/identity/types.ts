/** Who is acting: a citizen (from BundID or the development log-in) or a member of staff. */
/** Lowest to highest; 'none' is an anonymous visitor of a service that needs no log-in. */
export const TRUST_LEVELS = ['none', 'basic', 'substantial', 'high'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];
/** The levels a log-in can give (BundID: Basisregistrierung, ELSTER certificate, eID). */
export const LOGIN_TRUST_LEVELS: readonly TrustLevel[] = ['basic', 'substantial', 'high'];

/** An anonymous visitor, known only by a random id kept in their session. */
export function anonymousCitizen(sessionId: string): Citizen {
  return { id: `anonym:${sessionId}`, givenName: '', familyName: '', trustLevel: 'none' };
}

export interface Citizen {
  /** Stable pseudonymous id from the identity provider (BundID: bPK2). */
  id: string;
  givenName: string;
  familyName: string;
  trustLevel: TrustLevel;
}

export interface StaffMember {
  id: string;
  tenantArs: string;
  displayName: string;
  roles: string[];
}

export function meetsTrustLevel(actual: TrustLevel, required: TrustLevel): boolean {
  return TRUST_LEVELS.indexOf(actual) >= TRUST_LEVELS.indexOf(required);
}
