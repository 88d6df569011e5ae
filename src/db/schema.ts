/** Table types for Kysely. Each module reads and writes only its own tables (see DESIGN.md). */
import type { ColumnType, Generated } from 'kysely';
import type { Letterhead } from '../pdf/types.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type { Letterhead } from '../pdf/types.ts';

export interface TenantsTable {
  ars: string;
  name: string;
  letterhead: Json<Letterhead>;
  created_at: Generated<Date>;
}

export interface StaffUsersTable {
  id: Generated<string>;
  tenant_ars: string;
  login: string;
  display_name: string;
  roles: string[];
}

export type Answers = Record<string, unknown>;

export interface DraftsTable {
  id: Generated<string>;
  tenant_ars: string;
  service_id: string;
  service_version: string;
  citizen_id: string;
  answers: Json<Answers>;
  last_page: string | null;
  updated_at: Timestamp;
}

export interface CasesTable {
  id: Generated<string>;
  tenant_ars: string;
  reference: string;
  service_id: string;
  service_version: string;
  citizen_id: string;
  applicant_name: string;
  answers: Json<Answers>;
  status: string;
  outcome: Json<unknown> | null;
  version: number;
  submitted_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventsTable {
  id: Generated<number>;
  tenant_ars: string;
  case_id: string;
  case_version: number;
  type: string;
  actor: string;
  data: Json<unknown>;
  created_at: Timestamp;
}

export interface DocumentsTable {
  id: Generated<string>;
  tenant_ars: string;
  draft_id: string | null;
  case_id: string | null;
  kind: string;
  field: string | null;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  idempotency_key: string | null;
  created_at: Generated<Date>;
}

export interface PostboxMessagesTable {
  id: Generated<string>;
  tenant_ars: string;
  citizen_id: string;
  case_id: string | null;
  subject: string;
  body: string;
  document_id: string | null;
  idempotency_key: string;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  tenant_ars: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  created_at: Generated<Date>;
}

export interface ServicePackagesTable {
  tenant_ars: string;
  id: string;
  version: string;
  status: 'draft' | 'published' | 'retired';
  definition: Json<unknown>;
  created_at: Generated<Date>;
  published_at: Date | null;
  retired_at: Date | null;
}

export interface ResumeLinksTable {
  token_hash: string;
  tenant_ars: string;
  draft_id: string;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface OutboundMailTable {
  id: Generated<string>;
  tenant_ars: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface IncidentsTable {
  id: Generated<string>;
  job_id: string;
  queue: string;
  data: Json<unknown>;
  created_at: Generated<Date>;
  resolved_at: Date | null;
  resolved_by: string | null;
}

export interface Database {
  tenants: TenantsTable;
  staff_users: StaffUsersTable;
  drafts: DraftsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  documents: DocumentsTable;
  postbox_messages: PostboxMessagesTable;
  audit_log: AuditLogTable;
  service_packages: ServicePackagesTable;
  resume_links: ResumeLinksTable;
  outbound_mail: OutboundMailTable;
  incidents: IncidentsTable;
}
