/** The flow through a service's pages: which page comes next and whether the answers are complete. Pure. */
import type { Answers } from '../db/schema.ts';
import type { FieldDef, PageDef, ServiceDefinition } from './types.ts';

export const CHECK_ANSWERS = 'pruefen';
export const DECLARATION = 'erklaerung';

export function findPage(service: ServiceDefinition, pageId: string): PageDef | undefined {
  return service.pages.find((page) => page.id === pageId);
}

function isAnswered(field: FieldDef, answers: Answers): boolean {
  const value = answers[field.name];
  if (field.optional) return true;
  return field.kind === 'file'
    ? typeof value === 'object' && value !== null
    : typeof value === 'string' && value !== '';
}

export function isPageComplete(page: PageDef, answers: Answers): boolean {
  return page.fields.every((field) => isAnswered(field, answers));
}

/** The first page still missing an answer, or undefined when all are answered. */
export function firstIncompletePage(service: ServiceDefinition, answers: Answers): PageDef | undefined {
  return service.pages.find((page) => !isPageComplete(page, answers));
}

/** Where to go after saving `pageId`: back to the summary when coming from it, else the next incomplete page. */
export function nextStep(
  service: ServiceDefinition,
  pageId: string,
  answers: Answers,
  fromSummary: boolean,
): string {
  if (fromSummary) return CHECK_ANSWERS;
  const index = service.pages.findIndex((page) => page.id === pageId);
  const next = service.pages.slice(index + 1).find((page) => !isPageComplete(page, answers));
  return next?.id ?? firstIncompletePage(service, answers)?.id ?? CHECK_ANSWERS;
}

/** The page before `pageId` for the back link; the service's start page before the first question. */
export function previousStep(service: ServiceDefinition, pageId: string): string | undefined {
  if (pageId === DECLARATION) return CHECK_ANSWERS;
  if (pageId === CHECK_ANSWERS) return service.pages.at(-1)?.id;
  const index = service.pages.findIndex((page) => page.id === pageId);
  return index > 0 ? service.pages[index - 1]?.id : undefined;
}
