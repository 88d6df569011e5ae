/** The append-only audit log of staff access to personal data (who, what, which record, when). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StaffMember } from './types.ts';

export type AuditAction = 'inbox.list' | 'case.read' | 'case.decide' | 'document.read';

export async function recordAudit(
  db: Kysely<Database>,
  staff: StaffMember,
  action: AuditAction,
  subject: { type: 'tenant' | 'case' | 'document'; id: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_ars: staff.tenantArs,
      actor: staff.id,
      action,
      subject_type: subject.type,
      subject_id: subject.id,
    })
    .execute();
}
