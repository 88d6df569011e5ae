/** Only the OZG coordination ("OZG-Koordination") may change a tenant's progress data; checked in the module. */
import { notAllowed } from '../cases/errors.ts';
import type { StaffMember } from '../identity/types.ts';

export const COORDINATOR_ROLE = 'coordinator';

export function canCoordinate(staff: StaffMember): boolean {
  return staff.roles.includes(COORDINATOR_ROLE);
}

export function assertCoordinator(staff: StaffMember): void {
  if (!canCoordinate(staff)) throw notAllowed();
}
