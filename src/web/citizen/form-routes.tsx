/** The form journey's question pages (all field kinds, repeating groups, uploads); see submit-routes for its end. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { logOrphans } from '../../documents/delete-contents.ts';
import { type DraftKey, findDraft, savePageAnswers } from '../../forms/drafts.ts';
import { evaluationContext, validatePage, visiblePages } from '../../forms/engine.ts';
import { documentIdsIn, type MissingFile, withoutMissingFiles } from '../../forms/file-answers.ts';
import { CHECK_ANSWERS, findPage, firstIncompletePage, nextStep, previousStep } from '../../forms/journey.ts';
import {
  applyRepeatAction,
  parseRepeatAction,
  pathAfterAction,
  type RawPage,
  type RepeatAction,
  readPageBody,
  storedToRaw,
} from '../../forms/raw-input.ts';
import {
  carriedDocumentIds,
  discardDetachedUploads,
  hasUploads,
  resolveRepeatFiles,
} from '../../forms/repeat-uploads.ts';
import { pageLayout } from '../../forms/reveal.ts';
import type { FieldError, FileFieldDef, Locale } from '../../forms/types.ts';
import { removeDraftUpload } from '../../forms/uploads.ts';
import type { CompiledPackage, PageItem } from '../../packages/compile.ts';
import type { AppDeps } from '../app.ts';
import { sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { QuestionPage } from './form-views.tsx';
import { frameOf } from './frame.ts';
import {
  type FormParams,
  FROM_SUMMARY,
  formBase,
  type Journey,
  pageUrl,
  startJourney,
} from './journey-context.tsx';
import { localeOf } from './locale.ts';
import { SAVE_LATER } from './resume-routes.tsx';
import { citizenTexts } from './texts.ts';
import { drainMultipart, receiveUploads } from './upload-parts.ts';

/** A repeating group starts with as many empty entries as it needs (at least one), so its fields show at once. */
function withEmptyEntries(items: readonly PageItem[], raw: RawPage): RawPage {
  const filled = { ...raw };
  for (const item of items) {
    if (item.kind !== 'repeat') continue;
    const entries = Array.isArray(filled[item.name]) ? (filled[item.name] as unknown[]) : [];
    const wanted = Math.max(item.min, 1);
    filled[item.name] =
      entries.length >= wanted
        ? entries
        : [...entries, ...Array.from({ length: wanted - entries.length }, () => ({}))];
  }
  return filled;
}

export async function formRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: FormParams }>('/dienste/:serviceId/formular', async (request, reply) => {
    const j = await startJourney(deps, request, reply);
    if ('redirect' in j) return j.redirect;
    const answers = j.answers;
    const next = firstIncompletePage(j.pkg, answers, j.today);
    return reply.redirect(pageUrl(j.pkg, next?.def.id ?? CHECK_ANSWERS), 303);
  });

  type Shown = NonNullable<ReturnType<typeof shownPage>>;

  /**
   * A question page for `shown`, filled with `raw` and showing `errors`, or `notice` (what the citizen's
   * last action did); back links follow `answers`.
   */
  function questionPage(
    request: FastifyRequest,
    j: Journey,
    shown: Shown,
    raw: RawPage,
    errors: FieldError[],
    answers = j.answers,
    notice?: string,
  ) {
    const { pkg } = j;
    const fromSummary = request.url.includes(FROM_SUMMARY);
    const back = fromSummary ? CHECK_ANSWERS : previousStep(pkg, shown.page.def.id, answers, j.today);
    return (
      <QuestionPage
        frame={frameOf(request, deps)}
        pkg={pkg}
        page={shown.page.def}
        items={shown.items}
        reveals={shown.reveals}
        raw={withEmptyEntries(shown.items, raw)}
        errors={errors}
        backHref={back ? pageUrl(pkg, back) : `/dienste/${pkg.definition.id}`}
        action={`${pageUrl(pkg, shown.page.def.id)}${fromSummary ? `?${FROM_SUMMARY}` : ''}`}
        expiresAt={j.expiresAt}
        saveLaterHref={j.citizen.trustLevel === 'none' ? pageUrl(pkg, SAVE_LATER) : undefined}
        notice={notice}
      />
    );
  }

  /**
   * The page if it is shown for the answers so far, with the items it renders: those shown for the answers
   * so far and those whose condition depends on answers of this page (see forms/reveal.ts).
   */
  function shownPage(
    pkg: CompiledPackage,
    pageId: string,
    answers: Record<string, unknown>,
    today: string,
    locale: Locale,
  ) {
    const page = findPage(pkg, pageId);
    if (!page) throw WebError.notFound();
    const context = evaluationContext(pkg, answers, today);
    if (!visiblePages(pkg, context).includes(page)) return undefined;
    const withPosted = (posted: Record<string, unknown>) =>
      evaluationContext(pkg, { ...answers, ...posted }, today);
    const { items, reveals } = pageLayout(page, context, withPosted, locale);
    return { page, context, withPosted, items, reveals };
  }

  /**
   * "Datei entfernen" for a file field of the page itself: the file joined the draft when it was uploaded, so
   * it leaves the draft at once, if it is still the one the page showed. Otherwise (another tab replaced or
   * removed it meanwhile) nothing is removed and the page shows the draft's file again. Returns the page to
   * show next and, after a removal, a notice naming the file.
   */
  async function removePageFile(
    request: FastifyRequest,
    key: DraftKey,
    items: readonly PageItem[],
    raw: RawPage,
    action: Extract<RepeatAction, { kind: 'removePageFile' }>,
  ): Promise<{ raw: RawPage; notice?: string }> {
    if (!items.some((item) => item.kind === 'file' && item.name === action.name)) return { raw };
    const withLog = { ...deps, onOrphan: logOrphans(request.log) };
    const removed = await removeDraftUpload(withLog, key, action.name, action.documentId);
    if (removed)
      return {
        raw: applyRepeatAction(items, raw, action),
        notice: citizenTexts(localeOf(request)).fileRemoved(removed.filename),
      };
    const draft = await findDraft(deps.db, key);
    return { raw: { ...raw, [action.name]: draft?.answers[action.name] } };
  }

  app.get<{ Params: FormParams }>('/dienste/:serviceId/formular/:pageId', async (request, reply) => {
    const j = await startJourney(deps, request, reply);
    if ('redirect' in j) return j.redirect;
    const answers = j.answers;
    const shown = shownPage(j.pkg, request.params.pageId, answers, j.today, localeOf(request));
    if (!shown) return reply.redirect(formBase(j.pkg), 303);
    return sendPage(reply, questionPage(request, j, shown, storedToRaw(shown.items, answers), []));
  });

  app.post<{ Params: FormParams; Body: Record<string, unknown> }>(
    '/dienste/:serviceId/formular/:pageId',
    async (request, reply) => {
      const j = await startJourney(deps, request, reply);
      if ('redirect' in j) {
        if (request.isMultipart()) await drainMultipart(request);
        return j.redirect;
      }
      const answers = j.answers;
      const locale = localeOf(request);
      const shown = shownPage(j.pkg, request.params.pageId, answers, j.today, locale);
      if (!shown) {
        if (request.isMultipart()) await drainMultipart(request);
        return reply.redirect(formBase(j.pkg), 303);
      }
      const { page, items, context, withPosted } = shown;
      const fromSummary = request.url.includes(FROM_SUMMARY);
      const withLog = { ...deps, onOrphan: logOrphans(request.log) };
      // A page with uploads is posted as multipart: its files are stored as they arrive, then the page's
      // other inputs (and the stored files) are validated and saved like those of any other page.
      const fileFields = items.filter((item): item is FileFieldDef => item.kind === 'file');
      const withUploads = hasUploads(items);
      let body: Record<string, unknown> = request.body ?? {};
      let uploadErrors: FieldError[] = [];
      let current = answers;
      let raw: RawPage;
      // The uploads this request has seen: stored by it, carried by its items (see discardDetached below).
      let seen: string[] = [];
      // Files the items carried whose uploads are gone (see resolveRepeatFiles).
      let gone: MissingFile[] = [];
      if (withUploads) {
        const received = await receiveUploads(deps, request, j.key, items);
        ({ body, errors: uploadErrors } = received);
        const draft = await findDraft(deps.db, j.key);
        current = draft?.answers ?? {};
        raw = readPageBody(items, body);
        const uploaded = [...received.uploaded.values()].map((file) => file.documentId);
        seen = [...uploaded, ...carriedDocumentIds(items, raw)];
        ({ raw, gone } = await resolveRepeatFiles(deps.db, draft?.id, items, raw, received.uploaded));
      } else {
        assertCsrf(request, body._csrf);
        raw = readPageBody(items, body);
      }
      for (const field of fileFields) raw[field.name] = current[field.name];
      // Uploads of repeating groups' items that the page shown next no longer has (a removed item, a
      // replaced or removed file) are deleted, unless the saved answers still have them; only those this
      // request has seen, as another tab may be about to save one it has just stored.
      const known = new Set([...documentIdsIn([current]), ...seen]);
      const discardDetached = (pending: RawPage) =>
        withUploads ? discardDetachedUploads(withLog, j.key, { items, pending, known }) : Promise.resolve();
      // The page showed a file there: the citizen is asked to upload it again (unless a new one was refused).
      const goneErrors = withoutMissingFiles(
        items,
        raw,
        gone.filter(({ path }) => !uploadErrors.some((error) => error.field === path)),
        locale,
      ).errors;
      const action = parseRepeatAction(body._action);
      if (action) {
        const next =
          action.kind === 'removePageFile'
            ? await removePageFile(request, j.key, items, raw, action)
            : { raw: applyRepeatAction(items, raw, action) };
        await discardDetached(next.raw);
        const errors = goneErrors.flatMap((error) => {
          const field = pathAfterAction(action, error.field);
          return field ? [{ ...error, field }] : [];
        });
        const shownNext = questionPage(request, j, shown, next.raw, errors, current, next.notice);
        return sendPage(reply, shownNext, errors.length > 0 ? 400 : 200);
      }
      const env = { locale, today: j.today, codeLists: j.pkg.definition.codeLists ?? {} };
      // Conditions on answers of this page are decided with what was posted for them.
      const result = validatePage(page, raw, context, env, withPosted);
      // A file refused for a question that no longer applies (its condition turned false) is no error.
      const applying = [...uploadErrors, ...goneErrors].filter(
        (u) => !result.dropped.some((name) => u.field === name || u.field.startsWith(`${name}.`)),
      );
      const errors = [
        ...applying,
        ...result.errors.filter((e) => !applying.some((u) => u.field === e.field)),
      ];
      if (errors.length > 0) {
        await discardDetached(raw);
        return sendPage(reply, questionPage(request, j, shown, raw, errors, current), 400);
      }
      const missing = await savePageAnswers(deps.db, j.key, result.values, page.def.id, result.dropped);
      if (missing.length > 0) {
        const refused = withoutMissingFiles(items, raw, missing, locale);
        await discardDetached(refused.raw);
        return sendPage(reply, questionPage(request, j, shown, refused.raw, refused.errors, current), 400);
      }
      await discardDetached({});
      const saved = { ...current, ...result.values };
      return reply.redirect(pageUrl(j.pkg, nextStep(j.pkg, page.def.id, saved, j.today, fromSummary)), 303);
    },
  );
}
