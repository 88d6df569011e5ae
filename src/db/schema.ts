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

/** The e-mail address an applicant without log-in gave for their case's messages. */
export interface CaseDeliveryAddressesTable {
  case_id: string;
  tenant_ars: string;
  email: string;
  created_at: Generated<Date>;
}

export interface CaseLinksTable {
  token_hash: string;
  tenant_ars: string;
  case_id: string;
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
  /** Set when sending failed its last retry (migration 0008). */
  failed_at: Date | null;
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

export interface CatalogBundlesTable {
  ozg_id: string;
  name: string;
  themenfeld: string;
  lage: string;
  lage_kind: 'lebenslage' | 'unternehmenslage' | null;
}

export interface CatalogLeistungenTable {
  leika_key: string;
  name: string;
  leika_type: string;
  bundle_ozg_id: string | null;
  /** Derived from the LeiKa type at import: the Land or a municipality may execute it (see catalog/). */
  municipal: boolean;
  sdg_annex1: ColumnType<boolean, boolean | undefined, boolean>;
  sdg_annex2: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface CatalogImportsTable {
  id: Generated<number>;
  source: string;
  format: string;
  leistungen: number;
  bundles: number;
  imported_at: Generated<Date>;
}

export type LeistungStatusKind = 'amtsweg' | 'elsewhere' | 'planned' | 'not_relevant';

/** A tenant's status for one Leistung; no row means "not yet assessed" (required, not online, no plan). */
export interface LeistungStatusesTable {
  tenant_ars: string;
  leika_key: string;
  status: LeistungStatusKind;
  /** The Amtsweg service package that offers it (status 'amtsweg'). */
  service_id: string | null;
  /** Who offers it when it is not Amtsweg, e.g. "EfA-Dienst des Landes". */
  provider: string | null;
  url: string | null;
  /** Maturity entered by staff for services offered elsewhere; derived for Amtsweg packages. */
  maturity_11: number | null;
  maturity_20: number | null;
  online_since: ColumnType<string | null, string | null | undefined, string | null>;
  target_date: ColumnType<string | null, string | null | undefined, string | null>;
  delay_reason: string | null;
  /** Never shown on the public dashboard. */
  internal_note: string | null;
  annual_cost_cents: number | null;
  updated_at: Timestamp;
  updated_by: string;
}

export interface MaturityAnswersTable {
  tenant_ars: string;
  leika_key: string;
  model: string;
  criterion: string;
  option: string;
  justification: string;
  answered_by: string;
  answered_at: Timestamp;
}

export interface ApplicationCountsTable {
  tenant_ars: string;
  leika_key: string;
  /** First day of the month, YYYY-MM-01. */
  month: ColumnType<string, string, string>;
  online: number;
  paper: number;
  updated_by: string;
}

export interface DashboardSettingsTable {
  tenant_ars: string;
  inhabitants: number;
  platform_fee_cents_per_year: number;
  cents_per_inhabitant_per_year: number;
  cost_model_name: string;
  trend_start: ColumnType<string, string, string>;
  demo_data: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
  updated_by: string;
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
  case_delivery_addresses: CaseDeliveryAddressesTable;
  case_links: CaseLinksTable;
  incidents: IncidentsTable;
  catalog_bundles: CatalogBundlesTable;
  catalog_leistungen: CatalogLeistungenTable;
  catalog_imports: CatalogImportsTable;
  leistung_statuses: LeistungStatusesTable;
  maturity_answers: MaturityAnswersTable;
  application_counts: ApplicationCountsTable;
  dashboard_settings: DashboardSettingsTable;
}
