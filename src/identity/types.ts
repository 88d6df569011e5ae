/** Who is acting: a citizen (from BundID or the development log-in) or a member of staff. */
export const TRUST_LEVELS = ['basic', 'substantial', 'high'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

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
