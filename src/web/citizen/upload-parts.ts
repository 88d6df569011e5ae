/** Multipart posts of pages with uploads: files are streamed to the store as they arrive, other inputs kept. */
import type { FastifyRequest } from 'fastify';
import { logOrphans } from '../../documents/delete-contents.ts';
import type { DraftKey } from '../../forms/drafts.ts';
import { postedCount } from '../../forms/raw-input.ts';
import type { FieldError, FileAnswer, FileFieldDef } from '../../forms/types.ts';
import { isFileTooLarge, storeDraftUpload, type UploadTarget } from '../../forms/uploads.ts';
import type { PageItem } from '../../packages/compile.ts';
import type { ValueFieldDef } from '../../packages/schema.ts';
import type { AppDeps } from '../app.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { localeOf } from './locale.ts';

/**
 * The upload target a file input's name stands for: "proof", or "dogs.1.certificate" for an item the post
 * has (the group's counter comes before its items' inputs); undefined for any other name.
 */
function uploadTarget(
  items: readonly PageItem[],
  body: Record<string, unknown>,
  name: string,
): UploadTarget | undefined {
  const [groupName, index, fieldName, ...rest] = name.split('.');
  for (const item of items) {
    if (item.kind === 'file' && item.name === name) return { field: item, path: name, inRepeat: false };
    if (item.kind !== 'repeat' || item.name !== groupName || rest.length > 0) continue;
    if (index === undefined || !/^\d{1,3}$/.test(index) || Number(index) >= postedCount(item, body)) return;
    const field = item.fields.find((f): f is FileFieldDef => f.kind === 'file' && f.name === fieldName);
    return field && { field, path: name, inRepeat: true };
  }
  return undefined;
}

/**
 * Reads a multipart post: the CSRF token must come first, then at most one file for each of the page's
 * file inputs, stored at once; returns the other inputs as a body, the files stored for repeating groups'
 * items by input name, and an error per refused file.
 */
export async function receiveUploads(
  deps: Pick<AppDeps, 'db' | 'store' | 'scanner' | 'config'>,
  request: FastifyRequest,
  key: DraftKey,
  items: readonly PageItem[],
): Promise<{ body: Record<string, unknown>; errors: FieldError[]; uploaded: Map<string, FileAnswer> }> {
  if (!request.isMultipart())
    throw WebError.badRequest(
      'Bitte wählen Sie eine Datei aus und senden Sie das Formular ab.',
      'Please choose a file and send the form.',
    );
  let csrfChecked = false;
  const body: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const uploaded = new Map<string, FileAnswer>();
  const received = new Set<string>();
  const uploadDeps = {
    db: deps.db,
    store: deps.store,
    maxBytes: deps.config.uploadMaxBytes,
    scanner: deps.scanner,
    onOrphan: logOrphans(request.log),
  };
  try {
    for await (const part of request.parts({ limits: multipartLimits(items) })) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf') {
          assertCsrf(request, part.value);
          csrfChecked = true;
        }
        const before = body[part.fieldname];
        body[part.fieldname] = before === undefined ? part.value : [before, part.value].flat();
        continue;
      }
      if (!csrfChecked) throw WebError.csrf();
      const target = uploadTarget(items, body, part.fieldname);
      if (!target || received.has(target.path) || part.filename === '') {
        part.file.resume();
        continue;
      }
      received.add(target.path);
      const outcome = await storeDraftUpload(
        uploadDeps,
        key,
        target,
        { stream: part.file, filename: part.filename },
        localeOf(request),
      );
      if ('error' in outcome) errors.push(outcome.error);
      else if (target.inRepeat) uploaded.set(target.path, outcome.answer);
    }
  } catch (caught) {
    // The parser's own size error follows the field error already reported for the same file.
    if (!(errors.length > 0 && isFileTooLarge(caught))) throw caught;
  }
  if (!csrfChecked) throw WebError.csrf();
  return { body, errors, uploaded };
}

/** The inputs a field posts besides files: a file in a repeating group posts its document id. */
const postedValues = (def: ValueFieldDef, inRepeat: boolean) =>
  def.kind === 'file'
    ? inRepeat
      ? 1
      : 0
    : def.kind === 'address'
      ? 4
      : def.kind === 'multiChoice'
        ? def.options.length
        : 1;

/**
 * The multipart parser's limits for a page with uploads: its own inputs (with the CSRF token and the button
 * pressed), one file per file field (in a repeating group: per item, up to its maximum), and values as long
 * as its longest text (UTF-8: up to 4 bytes a character; busboy would cut a longer value off silently).
 * These replace the app-wide limits registered with @fastify/multipart for this request.
 */
function multipartLimits(items: readonly PageItem[]) {
  let fields = 2;
  let files = 0;
  let longest = 1000;
  for (const item of items) {
    if (item.kind === 'info') continue;
    const inRepeat = item.kind === 'repeat';
    const defs = item.kind === 'repeat' ? item.fields : [item];
    const times = item.kind === 'repeat' ? item.max : 1;
    fields += (inRepeat ? 1 : 0) + times * defs.reduce((n, def) => n + postedValues(def, inRepeat), 0);
    files += times * defs.filter((def) => def.kind === 'file').length;
    for (const def of defs)
      if (def.kind === 'text' || def.kind === 'multiline') longest = Math.max(longest, def.maxLength ?? 2000);
  }
  return { files, fields, parts: fields + files, fieldSize: 4 * longest };
}

/** Reads and discards a multipart body (a post that is answered without looking at it). */
export async function drainMultipart(request: FastifyRequest): Promise<void> {
  for await (const part of request.parts()) if (part.type === 'file') part.file.resume();
}
