/** The flow through a package's pages for the answers so far: next, previous, first unanswered. Pure. */
import type { Answers } from '../db/schema.ts';
import type { CompiledPackage, CompiledPage, PageItem } from '../packages/compile.ts';
import { type Context, evaluationContext, visibleItems, visiblePages } from './engine.ts';

export const CHECK_ANSWERS = 'pruefen';
export const DECLARATION = 'erklaerung';

export function findPage(pkg: CompiledPackage, pageId: string): CompiledPage | undefined {
  return pkg.pages.find((page) => page.def.id === pageId);
}

function isAnswered(item: PageItem, answers: Answers): boolean {
  if (item.kind === 'info') return true;
  const value = answers[item.name];
  if (item.kind === 'repeat') return Array.isArray(value) && value.length >= item.min;
  return item.optional === true ? item.name in answers : value !== undefined && value !== null;
}

export function isPageComplete(page: CompiledPage, answers: Answers, context: Context): boolean {
  return visibleItems(page, context).every((item) => isAnswered(item, answers));
}

/** The first page shown for these answers that still lacks an answer, or undefined when all are answered. */
export function firstIncompletePage(
  pkg: CompiledPackage,
  answers: Answers,
  today: string,
): CompiledPage | undefined {
  const context = evaluationContext(pkg, answers, today);
  return visiblePages(pkg, context).find((page) => !isPageComplete(page, answers, context));
}

/**
 * Where to go after saving `pageId`: back to the summary when coming from it (unless a page is now missing),
 * else simply the next page shown, in order — also one with only information on it, or one already answered.
 */
export function nextStep(
  pkg: CompiledPackage,
  pageId: string,
  answers: Answers,
  today: string,
  fromSummary: boolean,
): string {
  const missing = firstIncompletePage(pkg, answers, today);
  if (fromSummary) return missing?.def.id ?? CHECK_ANSWERS;
  const pages = visiblePages(pkg, evaluationContext(pkg, answers, today));
  const index = pages.findIndex((page) => page.def.id === pageId);
  return pages[index + 1]?.def.id ?? missing?.def.id ?? CHECK_ANSWERS;
}

/** The page before `pageId` among those shown, for the back link; undefined before the first question. */
export function previousStep(
  pkg: CompiledPackage,
  pageId: string,
  answers: Answers,
  today: string,
): string | undefined {
  const pages = visiblePages(pkg, evaluationContext(pkg, answers, today));
  if (pageId === DECLARATION) return CHECK_ANSWERS;
  if (pageId === CHECK_ANSWERS) return pages.at(-1)?.def.id;
  const index = pages.findIndex((page) => page.def.id === pageId);
  return index > 0 ? pages[index - 1]?.def.id : undefined;
}

/** Only answers to items shown for the final answers are kept: a hidden branch's answers are not submitted. */
export function visibleAnswers(pkg: CompiledPackage, answers: Answers, today: string): Answers {
  const context = evaluationContext(pkg, answers, today);
  const kept: Answers = {};
  for (const page of visiblePages(pkg, context)) {
    for (const item of visibleItems(page, context)) {
      if (item.kind !== 'info' && item.name in answers) kept[item.name] = answers[item.name];
    }
  }
  return kept;
}
