/**
 * File answers wherever they are (a field of the page, a field in an item of a repeating group), in answers
 * and in raw pages alike; and the page shown again when some of them are gone.
 */
import type { PageItem } from '../packages/compile.ts';
import { label } from './fields.ts';
import { messages } from './messages.ts';
import { entriesOf, type RawPage } from './raw-input.ts';
import type { FieldError, FileAnswer, Locale } from './types.ts';

/** A file answer and its input path: "proof" for a field of the page, "dogs.1.proof" in a repeating group. */
export interface FileAt {
  path: string;
  file: FileAnswer;
}

/** Whether `value` is a stored file's answer (it names its document). */
export const isFileAnswer = (value: unknown): value is FileAnswer =>
  !!value && typeof value === 'object' && typeof (value as Partial<FileAnswer>).documentId === 'string';

/** The file answers in `value` (answers or a raw page) with their input paths, at any depth. */
export function fileAnswersIn(value: unknown, path = ''): FileAt[] {
  if (isFileAnswer(value)) return [{ path, file: value }];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    fileAnswersIn(inner, path === '' ? key : `${path}.${key}`),
  );
}

/** The document ids of all file answers in `values` (answers or raw pages). */
export function documentIdsIn(values: readonly unknown[]): Set<string> {
  return new Set(values.flatMap((value) => fileAnswersIn(value).map(({ file }) => file.documentId)));
}

/**
 * A file the page refers to whose upload the draft no longer has (removed in another tab, or deleted an
 * hour after it was stored for an item never saved). `filename` is unknown when the upload's record is gone.
 */
export interface MissingFile {
  path: string;
  filename?: string | undefined;
}

/**
 * The page shown again after a save refused for files that are gone: without those files, with an error at
 * each of their inputs asking to upload it again.
 */
export function withoutMissingFiles(
  items: readonly PageItem[],
  raw: RawPage,
  missing: readonly MissingFile[],
  locale: Locale,
): { raw: RawPage; errors: FieldError[] } {
  const cleared: RawPage = structuredClone(raw);
  const errors = missing.map(({ path, filename }) => {
    const [name = '', index, fieldName] = path.split('.');
    const item = items.find((i) => i.kind !== 'info' && i.name === name);
    const group = item?.kind === 'repeat' ? item : undefined;
    const def = group ? group.fields.find((f) => f.name === fieldName) : item;
    const entry = group && index !== undefined ? entriesOf(cleared[name])[Number(index)] : undefined;
    if (group && entry && fieldName) entry[fieldName] = undefined;
    else if (!group) cleared[name] = undefined;
    const text = def && def.kind !== 'info' ? label(def, locale) : path;
    return { field: path, message: messages.fileGone(text, filename)[locale] };
  });
  return { raw: cleared, errors };
}
