/** Multipart posts of pages with uploads: files are streamed to the store as they arrive, other inputs kept. */
import type { FastifyRequest } from 'fastify';
import type { Answers } from '../../db/schema.ts';
import type { DraftKey } from '../../forms/drafts.ts';
import type { FieldError, FileFieldDef } from '../../forms/types.ts';
import { isFileTooLarge, storeDraftUpload } from '../../forms/uploads.ts';
import type { PageItem } from '../../packages/compile.ts';
import type { ValueFieldDef } from '../../packages/schema.ts';
import type { AppDeps } from '../app.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';

/**
 * Reads a multipart post: the CSRF token must come first, then at most one file for each of the page's
 * file fields, stored at once; returns the other inputs as a body, the draft's answers for the stored files
 * and an error per refused file.
 */
export async function receiveUploads(
  deps: Pick<AppDeps, 'db' | 'store' | 'scanner' | 'config'>,
  request: FastifyRequest,
  key: DraftKey,
  items: readonly PageItem[],
  fileFields: readonly FileFieldDef[],
): Promise<{ body: Record<string, unknown>; stored: Answers; errors: FieldError[] }> {
  if (!request.isMultipart())
    throw WebError.badRequest(
      'Bitte wählen Sie eine Datei aus und senden Sie das Formular ab.',
      'Please choose a file and send the form.',
    );
  let csrfChecked = false;
  const body: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const stored: Answers = {};
  const received = new Set<string>();
  const uploadDeps = {
    db: deps.db,
    store: deps.store,
    maxBytes: deps.config.uploadMaxBytes,
    scanner: deps.scanner,
  };
  try {
    for await (const part of request.parts({ limits: multipartLimits(items, fileFields.length) })) {
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
      const field = fileFields.find((f) => f.name === part.fieldname);
      if (!field || received.has(field.name) || part.filename === '') {
        part.file.resume();
        continue;
      }
      received.add(field.name);
      const result = await storeDraftUpload(
        uploadDeps,
        key,
        field,
        { stream: part.file, filename: part.filename },
        'de',
      );
      if ('error' in result) errors.push(result.error);
      else stored[field.name] = result.answer;
    }
  } catch (caught) {
    // The parser's own size error follows the field error already reported for the same file.
    if (!(errors.length > 0 && isFileTooLarge(caught))) throw caught;
  }
  if (!csrfChecked) throw WebError.csrf();
  return { body, stored, errors };
}

const postedValues = (def: ValueFieldDef) =>
  def.kind === 'file' ? 0 : def.kind === 'address' ? 4 : def.kind === 'multiChoice' ? def.options.length : 1;

/**
 * The multipart parser's limits for a page with uploads: its own inputs (with the CSRF token and a repeat
 * button), one file per file field, and values as long as its longest text (UTF-8: up to 4 bytes a
 * character; busboy would cut a longer value off silently).
 */
function multipartLimits(items: readonly PageItem[], files: number) {
  let fields = 2;
  let longest = 1000;
  for (const item of items) {
    if (item.kind === 'info') continue;
    const defs = item.kind === 'repeat' ? item.fields : [item];
    const perItem = defs.reduce((n, def) => n + postedValues(def), 0);
    fields += item.kind === 'repeat' ? 1 + item.max * perItem : perItem;
    for (const def of defs)
      if (def.kind === 'text' || def.kind === 'multiline') longest = Math.max(longest, def.maxLength ?? 2000);
  }
  return { files, fields, parts: fields + files, fieldSize: 4 * longest };
}

/** Reads and discards a multipart body (a post that is answered without looking at it). */
export async function drainMultipart(request: FastifyRequest): Promise<void> {
  for await (const part of request.parts()) if (part.type === 'file') part.file.resume();
}
