/** Tenants (municipalities, keyed by their 12-digit Amtlicher Regionalschlüssel) and their staff. */
import type { Db } from '../db/database.ts';
import type { Letterhead } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';
import type { StaffMember } from './types.ts';

export interface Tenant {
  ars: string;
  name: string;
  letterhead: Letterhead;
}

export const DEMO_TENANT: Tenant = {
  ars: '099990000000',
  name: 'Musterstadt',
  letterhead: {
    name: 'Stadt Musterstadt',
    department: 'Straßenverkehrsbehörde',
    street: 'Marktplatz 1',
    postalCode: '12345',
    city: 'Musterstadt',
    phone: '0123 456-0',
    email: 'verkehr@musterstadt.example',
  },
};

const DEMO_STAFF = [
  { login: 'sachbearbeitung', display_name: 'Sabine Meier', roles: ['caseworker'] },
  { login: 'sachbearbeitung2', display_name: 'Tobias Wagner', roles: ['caseworker'] },
  { login: 'leistungsdesign', display_name: 'Dana Schmidt', roles: ['designer'] },
  { login: 'ozg-koordination', display_name: 'Jana Becker', roles: ['coordinator'] },
];

/** Creates the demo tenant and its staff once; running it again changes nothing. */
export async function seedDemoTenant(db: Db): Promise<void> {
  await db
    .insertInto('tenants')
    .values({
      ars: DEMO_TENANT.ars,
      name: DEMO_TENANT.name,
      letterhead: JSON.stringify(DEMO_TENANT.letterhead),
    })
    .onConflict((oc) => oc.column('ars').doNothing())
    .execute();
  await db
    .insertInto('staff_users')
    .values(DEMO_STAFF.map((staff) => ({ ...staff, tenant_ars: DEMO_TENANT.ars })))
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
}

export async function findTenant(db: Db, ars: string): Promise<Tenant | undefined> {
  const row = await db
    .selectFrom('tenants')
    .select(['ars', 'name', 'letterhead'])
    .where('ars', '=', ars)
    .executeTakeFirst();
  return row && { ars: row.ars, name: row.name, letterhead: row.letterhead };
}

export async function listStaff(db: Db, tenantArs: string): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('staff_users')
    .select(['id', 'tenant_ars', 'display_name', 'roles'])
    .where('tenant_ars', '=', tenantArs)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenantArs: r.tenant_ars,
    displayName: r.display_name,
    roles: r.roles,
  }));
}

export async function findStaff(db: Db, id: string): Promise<StaffMember | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await db
    .selectFrom('staff_users')
    .select(['id', 'tenant_ars', 'display_name', 'roles'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, tenantArs: r.tenant_ars, displayName: r.display_name, roles: r.roles };
}
