/** A page's checks across its answers ("the end date must not be before the start date"). Pure. */
import type { Answers } from '../db/schema.ts';
import type { CompiledPage } from '../packages/compile.ts';
import { localize } from './display.ts';
import type { FieldError, Locale } from './types.ts';

const errorAt = (errors: readonly FieldError[], name: string) =>
  errors.some((e) => e.field === name || e.field.startsWith(`${name}.`));

/**
 * The errors of the page's checks that evaluate to false with `context` (the page's posted answers over the
 * others'). A check is skipped while a field it refers to has an error of its own (its answer is then no
 * value to compare), when its field is not shown, or when that field already has an error: one message per
 * field. Null — e.g. an optional answer left empty — does not fail, as in FEEL's three-valued logic.
 */
export function failedChecks(
  page: CompiledPage,
  context: Readonly<Record<string, unknown>>,
  values: Answers,
  fieldErrors: readonly FieldError[],
  locale: Locale,
): FieldError[] {
  const failed: FieldError[] = [];
  for (const check of page.checks) {
    const { field, message } = check.def;
    if (!(field in values) || check.pageRefs.some((name) => errorAt(fieldErrors, name))) continue;
    if (errorAt(fieldErrors, field) || errorAt(failed, field)) continue;
    if (check.expression(context) === false) failed.push({ field, message: localize(message, locale) });
  }
  return failed;
}
