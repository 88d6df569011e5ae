/** A case as the rest of the system sees it. */
import type { Answers } from '../db/schema.ts';

export type CaseStatus = 'submitted' | 'approved' | 'rejected';

export interface Outcome {
  decision: 'approved' | 'rejected';
  reason: string;
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
}

export interface Case {
  id: string;
  tenantArs: string;
  reference: string;
  serviceId: string;
  serviceVersion: string;
  citizenId: string;
  applicantName: string;
  answers: Answers;
  status: CaseStatus;
  outcome: Outcome | null;
  version: number;
  submittedAt: Date;
  updatedAt: Date;
}

export interface CaseEvent {
  caseVersion: number;
  type: string;
  actor: string;
  data: unknown;
  createdAt: Date;
}
