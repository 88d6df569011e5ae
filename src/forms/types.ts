/** A service's form as immutable data: pages of fields, validated on the server. */

/** UI text in German with an English translation. */
export interface Text {
  de: string;
  en: string;
}

export type Locale = keyof Text;

interface FieldBase {
  name: string;
  label: Text;
  hint?: Text;
  /** Label in the summary and PDFs when it differs from the question. */
  summaryLabel?: Text;
  optional?: boolean;
}

export interface TextFieldDef extends FieldBase {
  kind: 'text';
  maxLength: number;
  autocomplete?: string;
  width?: 'short' | 'medium' | 'full';
  format?: 'postalCode' | 'vehicleRegistration' | 'houseNumber';
}

export interface FileFieldDef extends FieldBase {
  kind: 'file';
  /** Accepted media types, checked against the file's content, not its name. */
  mediaTypes: string[];
}

export interface DeclarationFieldDef extends FieldBase {
  kind: 'declaration';
}

export type FieldDef = TextFieldDef | FileFieldDef | DeclarationFieldDef;

export interface PageDef {
  id: string;
  /** The page heading; a one-field page uses it as the field's label. */
  title: Text;
  fields: FieldDef[];
}

export interface ServiceDefinition {
  id: string;
  version: string;
  /** Prefix of case references, e.g. BPA-2026-000042. */
  referencePrefix: string;
  title: Text;
  summary: Text;
  leikaKeys: string[];
  requiredTrustLevel: 'basic' | 'substantial' | 'high';
  startPage: {
    whatYouNeed: Text[];
    cost: Text;
    duration: Text;
    legalBasis: Text;
  };
  pages: PageDef[];
  declaration: DeclarationFieldDef;
  /** Answer names that form the applicant's display name, in order. */
  applicantNameFields: string[];
  decision: {
    approvedTenor: Text;
    rejectedTenor: Text;
    legalRemedy: Text;
  };
}

/** A stored uploaded file, as kept in the answers. */
export interface FileAnswer {
  documentId: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
}

export interface FieldError {
  field: string;
  message: string;
}
