/** Shared form types: texts, errors and stored file answers. Field definitions live in the package schema. */
import type { ValueFieldDef } from '../packages/schema.ts';

/** UI text in German with an English translation. */
export interface Text {
  de: string;
  en: string;
}

export type Locale = keyof Text;

export type FileFieldDef = Extract<ValueFieldDef, { kind: 'file' }>;

/** A stored uploaded file, as kept in the answers. */
export interface FileAnswer {
  documentId: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
}

export interface FieldError {
  /** The id of the input to link to, e.g. "address.postalCode" or "dogs.1.breed". */
  field: string;
  message: string;
}
