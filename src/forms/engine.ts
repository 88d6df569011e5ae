/**
 * The form engine over a compiled service package: which pages and fields are shown for the answers so
 * far, computed values, page validation (including repeating groups) and the summary. Pure.
 */
import type { Answers } from '../db/schema.ts';
import type { CompiledItem, CompiledPackage, CompiledPage, PageItem } from '../packages/compile.ts';
import type { RepeatFieldDef } from '../packages/schema.ts';
import { isTrue } from '../rules/feel.ts';
import { displayValue, localize } from './display.ts';
import { type FieldEnv, label, parseField } from './fields.ts';
import { failedChecks } from './page-checks.ts';
import type { FieldError, FileAnswer, Locale } from './types.ts';

export type Context = Readonly<Record<string, unknown>>;

/** Answers plus computed values (each may use the ones before it) plus the application date. */
export function evaluationContext(pkg: CompiledPackage, answers: Answers, today: string): Context {
  const context: Record<string, unknown> = { ...answers, applicationDate: today };
  for (const computed of pkg.computed) context[computed.name] = computed.expression(context) ?? null;
  return context;
}

export function computedValues(pkg: CompiledPackage, context: Context): Record<string, unknown> {
  return Object.fromEntries(pkg.computed.map((c) => [c.name, context[c.name]]));
}

const shown = (condition: ((c: Context) => unknown) | undefined, context: Context) =>
  !condition || isTrue(condition(context));

export function visiblePages(pkg: CompiledPackage, context: Context): CompiledPage[] {
  return pkg.pages.filter((page) => shown(page.condition, context));
}

export function visibleItems(page: CompiledPage, context: Context): PageItem[] {
  return page.items.filter((item) => shown(item.condition, context)).map((item) => item.def);
}

/**
 * A page's items in the order they are shown: an item whose condition refers to answers of its own page
 * comes directly after the last of those questions before it (a chain keeps its order); the rest as defined.
 */
export function orderedItems(page: CompiledPage): CompiledItem[] {
  const anchorOf = (index: number) => {
    const refs = page.items[index]?.pageRefs ?? [];
    return page.items.findLastIndex(
      (item, i) => i < index && 'name' in item.def && refs.includes(item.def.name),
    );
  };
  const anchors = page.items.map((_, index) => anchorOf(index));
  const ordered: CompiledItem[] = [];
  const place = (index: number): void => {
    const item = page.items[index];
    if (item) ordered.push(item);
    anchors.forEach((anchor, dependent) => {
      if (anchor === index) place(dependent);
    });
  };
  anchors.forEach((anchor, index) => {
    if (anchor < 0) place(index);
  });
  return ordered;
}

export interface PageResult {
  values: Answers;
  errors: FieldError[];
  /** The page's answer names not kept because their item is not shown: stored earlier, they are removed. */
  dropped: string[];
}

function repeatMessage(def: RepeatFieldDef, locale: Locale, count: number) {
  const item = localize(def.itemLabel, locale);
  const many =
    locale === 'de'
      ? `Geben Sie mindestens ${def.min} × „${item}“ an.`
      : `Add at least ${def.min} × “${item}”.`;
  const few =
    locale === 'de'
      ? `Geben Sie höchstens ${def.max} × „${item}“ an.`
      : `Add at most ${def.max} × “${item}”.`;
  return count < def.min ? many : few;
}

function parseRepeat(
  def: RepeatFieldDef,
  raw: unknown,
  env: FieldEnv,
): { value: unknown; errors: FieldError[] } {
  const items = Array.isArray(raw) ? raw : [];
  const errors: FieldError[] = [];
  if (items.length < def.min || items.length > def.max)
    errors.push({ field: def.name, message: repeatMessage(def, env.locale, items.length) });
  const value = items.map((item, index) => {
    const input = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const parsed: Answers = {};
    for (const field of def.fields) {
      const result = parseField(field, input[field.name], env, `${def.name}.${index}.${field.name}`);
      errors.push(...result.errors);
      if (result.value !== undefined) parsed[field.name] = result.value;
    }
    return parsed;
  });
  return { value, errors };
}

/** The context for a page's own conditions: the answers so far with what the page posts over them. */
export type PageContext = (posted: Answers) => Context;

/**
 * Validates one page's raw input; only items shown count. An item whose condition refers to answers of
 * the same page is decided with what is posted for them (`withPosted` rebuilds the context, computed
 * values included; without it the posted values simply overlay `context`): the answer of an item whose
 * condition is false is dropped, never validated, and a hidden item's own answer counts as no answer for
 * the others' conditions. Visibility is settled by repeating until nothing changes. Then the page's
 * checks run over the same context (page-checks.ts).
 */
export function validatePage(
  page: CompiledPage,
  raw: Record<string, unknown>,
  context: Context,
  env: FieldEnv,
  withPosted: PageContext = (posted) => ({ ...context, ...posted }),
): PageResult {
  const parsed = new Map(
    page.items.flatMap(({ def }) => {
      if (def.kind === 'info') return [];
      const result =
        def.kind === 'repeat' ? parseRepeat(def, raw[def.name], env) : parseField(def, raw[def.name], env);
      // null, not undefined: an optional field left empty is an answer too, and JSON keeps null.
      return [[def.name, { value: result.value ?? null, errors: result.errors }] as const];
    }),
  );
  const dependent = page.items.some((item) => item.pageRefs.length > 0);
  let shownItems = visibleItems(page, context);
  for (let round = 0; dependent && round <= page.items.length; round++) {
    const posted: Answers = {};
    for (const { def } of page.items)
      if (def.kind !== 'info')
        posted[def.name] = shownItems.includes(def) ? parsed.get(def.name)?.value : null;
    const next = visibleItems(page, withPosted(posted));
    if (next.length === shownItems.length && next.every((item, i) => item === shownItems[i])) break;
    shownItems = next;
  }
  const values: Answers = {};
  const errors: FieldError[] = [];
  const dropped: string[] = [];
  for (const { def } of orderedItems(page)) {
    if (def.kind === 'info') continue;
    const result = parsed.get(def.name);
    if (!shownItems.includes(def) || !result) {
      dropped.push(def.name);
      continue;
    }
    errors.push(...result.errors);
    values[def.name] = result.value;
  }
  // Checks across answers come after the fields' own errors, with the same context as the conditions.
  if (page.checks.length > 0) {
    const posted = { ...values, ...Object.fromEntries(dropped.map((name) => [name, null])) };
    errors.push(...failedChecks(page, withPosted(posted), values, errors, env.locale));
  }
  return { values, errors, dropped };
}

export interface JourneyResult {
  answers: Answers;
  errors: FieldError[];
  pages: string[];
  context: Context;
}

/** Walks every page shown for the raw answers, in order, as a citizen filling the form would. */
export function validateJourney(
  pkg: CompiledPackage,
  raw: Record<string, unknown>,
  env: FieldEnv,
): JourneyResult {
  const answers: Answers = {};
  const errors: FieldError[] = [];
  const pages: string[] = [];
  for (const page of pkg.pages) {
    const context = evaluationContext(pkg, answers, env.today);
    if (!shown(page.condition, context)) continue;
    pages.push(page.def.id);
    const result = validatePage(page, raw, context, env, (posted) =>
      evaluationContext(pkg, { ...answers, ...posted }, env.today),
    );
    errors.push(...result.errors);
    Object.assign(answers, result.values);
  }
  return { answers, errors, pages, context: evaluationContext(pkg, answers, env.today) };
}

export interface SummaryRow {
  pageId: string;
  /** The answer's name (for a repeating group: the group's). */
  name: string;
  label: string;
  value: string;
  /** For an uploaded file: its document, so a caseworker can open it. */
  documentId?: string;
}

const documentOf = (value: unknown) =>
  value && typeof value === 'object' && typeof (value as FileAnswer).documentId === 'string'
    ? { documentId: (value as FileAnswer).documentId }
    : {};

/** Check-your-answers rows for the pages and fields shown, in form order. */
export function summaryRows(
  pkg: CompiledPackage,
  answers: Answers,
  today: string,
  locale: Locale,
): SummaryRow[] {
  const context = evaluationContext(pkg, answers, today);
  const codeLists = pkg.definition.codeLists;
  return visiblePages(pkg, context).flatMap((page) =>
    visibleItems(page, context).flatMap((item): SummaryRow[] => {
      if (item.kind === 'info') return [];
      const heading = localize(item.summaryLabel ?? item.label, locale);
      if (item.kind !== 'repeat')
        return [
          {
            pageId: page.def.id,
            name: item.name,
            label: heading,
            value: displayValue(item, answers[item.name], locale, codeLists),
            ...(item.kind === 'file' ? documentOf(answers[item.name]) : {}),
          },
        ];
      const entries = Array.isArray(answers[item.name]) ? (answers[item.name] as Answers[]) : [];
      const itemLabel = localize(item.itemLabel, locale);
      return entries.flatMap((entry, index) =>
        item.fields.map((field) => ({
          pageId: page.def.id,
          name: item.name,
          label: `${itemLabel} ${index + 1}: ${label(field, locale)}`,
          value: displayValue(field, entry[field.name], locale, codeLists),
          ...(field.kind === 'file' ? documentOf(entry[field.name]) : {}),
        })),
      );
    }),
  );
}
