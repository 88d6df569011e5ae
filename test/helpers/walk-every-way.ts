/**
 * Walks through a package in the browser that together take every step of it (each page, question and
 * repeat button) by keyboard alone and again without JavaScript at 320 px, measured against the package
 * itself: a step no walk takes fails the test, unless it is listed, with its reason, as not reached.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { isoDateInBerlin } from '../../src/forms/display.ts';
import { validateJourney, visibleItems } from '../../src/forms/engine.ts';
import type { CompiledPackage } from '../../src/packages/compile.ts';
import type { RepeatFieldDef } from '../../src/packages/schema.ts';
import { applyInBrowser, assertCheckAnswers, type Submitted } from './apply-in-browser.ts';
import { type BrowserPlatform, openScenario, type ScenarioOptions } from './browser.ts';
import type { RawAnswers } from './form-filler.ts';

/** A way through a form: the question pages the app shows for its answers and what the citizen does on them. */
export interface Walk {
  name: string;
  answers: RawAnswers;
  pages: string[];
  /**
   * Each page shown (its id), each question answered on it (`page/name`; in a repeating group each field
   * answered in at least one item, `page/group.field`) and each repeat button pressed (`page/group+`,
   * `page/group-`).
   */
  steps: string[];
}

/** Steps of a package no valid walk can take, each with the reason. */
export type NotReached = Readonly<Record<string, string>>;

/** The repeat buttons a walk presses for a group the form starts with `start` items and it ends with `items`. */
function repeatSteps(step: string, start: number, items: number): string[] {
  // Adding items, a walk adds one, removes one and adds the rest (FillOptions.addOneTooMany).
  if (items > start) return [`${step}+`, `${step}-`];
  return items < start ? [`${step}-`] : [];
}

// The form starts a group with max(min, 1) items (src/web/citizen/form-routes.tsx).
const startItems = (def: RepeatFieldDef) => Math.max(def.min, 1);
const answered = (value: unknown) => value !== undefined && value !== null;

/** The walk through `pkg` that `answers` (called `name`) take, as validateJourney decides it. */
export function walkOf(pkg: CompiledPackage, answers: RawAnswers, today: string, name: string): Walk {
  const env = { locale: 'de' as const, today, codeLists: pkg.definition.codeLists ?? {} };
  const journey = validateJourney(pkg, answers, env);
  assert.deepEqual(journey.errors, [], `"${name}" is valid`);
  const steps = journey.pages.flatMap((id) => {
    const page = pkg.pages.find((p) => p.def.id === id);
    return [
      id,
      ...(page ? visibleItems(page, journey.context) : []).flatMap((item) => {
        const value = item.kind === 'info' ? undefined : journey.answers[item.name];
        if (item.kind === 'info' || !answered(value)) return [];
        const step = `${id}/${item.name}`;
        if (item.kind !== 'repeat') return [step];
        const entries = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
        return [
          step,
          ...item.fields
            .filter((f) => entries.some((e) => answered(e[f.name])))
            .map((f) => `${step}.${f.name}`),
          ...repeatSteps(step, startItems(item), entries.length),
        ];
      }),
    ];
  });
  return { name, answers, pages: journey.pages, steps };
}

/**
 * Every step of `pkg`, taken from the package, not from any walk: each page, each question (not the info
 * blocks), for a repeating group each of its fields and each button the form can show for it (add while it
 * has fewer than its maximum, remove while it has more than its minimum).
 */
function stepsOf(pkg: CompiledPackage): string[] {
  return pkg.pages.flatMap(({ def: page }) => [
    page.id,
    ...page.fields.flatMap((item) => {
      if (item.kind === 'info') return [];
      const step = `${page.id}/${item.name}`;
      if (item.kind !== 'repeat') return [step];
      return [
        step,
        ...item.fields.map((f) => `${step}.${f.name}`),
        ...(item.max > startItems(item) ? [`${step}+`] : []),
        ...(item.max > item.min ? [`${step}-`] : []),
      ];
    }),
  ]);
}

/**
 * Few walks whose steps together are every step of `walks`, in their original order: a greedy set cover
 * (the walk adding the most steps not yet covered, the earlier on a tie), so the choice is deterministic.
 */
function coveringWalks<T extends Walk>(walks: readonly T[]): T[] {
  const uncovered = new Set(walks.flatMap((w) => w.steps));
  const chosen = new Set<T>();
  while (uncovered.size > 0) {
    const gain = (w: T) => new Set(w.steps.filter((step) => uncovered.has(step))).size;
    const best = walks.reduce((a, b) => (gain(b) > gain(a) ? b : a));
    chosen.add(best);
    for (const step of best.steps) uncovered.delete(step);
  }
  return walks.filter((w) => chosen.has(w));
}

/** Fails unless the walks `done` together take every step of `pkg` but those not reached; names the rest. */
function assertCovered(pkg: CompiledPackage, done: readonly Walk[], notReached: NotReached, how: string) {
  const taken = new Set(done.flatMap((w) => w.steps));
  const missing = stepsOf(pkg).filter((step) => !taken.has(step) && !Object.hasOwn(notReached, step));
  assert.deepEqual(missing, [], `steps of ${pkg.definition.id} never taken ${how}`);
}

/** The list of steps not reached is exact: steps of `pkg` that none of `walks` takes, and no others. */
function assertNotReached(pkg: CompiledPackage, walks: readonly Walk[], notReached: NotReached) {
  const steps = new Set(stepsOf(pkg));
  const taken = new Set(walks.flatMap((w) => w.steps));
  const wrong = Object.keys(notReached).filter((step) => !steps.has(step) || taken.has(step));
  assert.deepEqual(wrong, [], `listed as not reached, but not a step of ${pkg.definition.id} or taken`);
}

const NARROW_WITHOUT_JAVASCRIPT: ScenarioOptions = {
  javaScriptEnabled: false,
  viewport: { width: 320, height: 800 },
};

export interface WalkPlan<W extends Walk> {
  pkg: CompiledPackage;
  walks: readonly W[];
  notReached: NotReached;
  /**
   * Test persons. Drafts are kept per citizen and service, and each walk ends with a submission, which
   * deletes its draft: the walks with JavaScript take turns among the first, those without, which run at
   * the same time, are another's.
   */
  persons: { withJavaScript: readonly string[]; withoutJavaScript: string };
  /** Further checks of a submitted walk. */
  afterSubmit?: (walk: W, submitted: Submitted) => Promise<void>;
}

/** Walks `walk` in a browser of its own, checks the pages shown and its reference, and closes the browser. */
async function walkInBrowser<W extends Walk>(
  env: Pick<BrowserPlatform, 'browser' | 'baseURL'>,
  plan: WalkPlan<W>,
  walk: W,
  person: string,
  options: ScenarioOptions & { keyboard?: boolean },
) {
  const { pkg } = plan;
  const today = isoDateInBerlin(new Date());
  const s = await openScenario(env.browser, env.baseURL, options);
  try {
    const submitted = await applyInBrowser(s, {
      serviceId: pkg.definition.id,
      person,
      answers: walk.answers,
      keyboard: options.keyboard,
      addOneTooMany: true,
      onCheckAnswers: (page) => assertCheckAnswers(page, pkg, walk.answers, today),
    });
    assert.deepEqual(submitted.pages, walk.pages, 'the pages shown');
    const prefix = pkg.definition.metadata.referencePrefix;
    assert.match(submitted.reference, new RegExp(`^${prefix}-\\d{4}-\\d{6}$`));
    await plan.afterSubmit?.(walk, submitted);
  } finally {
    await s.close();
  }
}

const names = (walks: readonly Walk[]) => walks.map((w) => `"${w.name}"`).join(', ');

/**
 * Every walk of the plan with JavaScript; a few that together take every step of the package (but those not
 * reached) by keyboard alone, and again without JavaScript at 320 px, side by side. Fails if those walks
 * that passed leave out a step, or if the list of steps not reached is not exact.
 */
export async function walkEveryWay<W extends Walk>(
  t: TestContext,
  env: Pick<BrowserPlatform, 'browser' | 'baseURL'>,
  plan: WalkPlan<W>,
): Promise<void> {
  const { pkg, walks, notReached, persons } = plan;
  assert.ok(walks.length > 0, 'a walk to take');
  assertNotReached(pkg, walks, notReached);
  assertCovered(pkg, walks, notReached, 'by any walk');
  const cover = coveringWalks(walks);
  const steps = stepsOf(pkg).length;
  const reached = steps - Object.keys(notReached).length;
  t.diagnostic(
    `${pkg.pages.length} pages, ${steps} steps, ${reached} of them by keyboard alone and without ` +
      `JavaScript at 320 px in ${names(cover)}`,
  );
  for (const [step, reason] of Object.entries(notReached)) t.diagnostic(`not reached: ${step}: ${reason}`);

  const byKeyboard: W[] = [];
  const withoutJavaScript: W[] = [];
  await Promise.all([
    t.test('with JavaScript', async (t) => {
      for (const [index, walk] of walks.entries()) {
        const keyboard = cover.includes(walk);
        await t.test(`${walk.name}${keyboard ? ' (keyboard only)' : ''}`, async (t) => {
          t.diagnostic(`pages: ${walk.pages.join(', ')}`);
          const person = persons.withJavaScript[index % persons.withJavaScript.length] ?? '';
          await walkInBrowser(env, plan, walk, person, { keyboard });
          if (keyboard) byKeyboard.push(walk);
        });
      }
    }),
    t.test('without JavaScript, 320 px', async (t) => {
      for (const walk of cover) {
        await t.test(walk.name, async () => {
          await walkInBrowser(env, plan, walk, persons.withoutJavaScript, NARROW_WITHOUT_JAVASCRIPT);
          withoutJavaScript.push(walk);
        });
      }
    }),
  ]);
  assertCovered(pkg, byKeyboard, notReached, 'by keyboard alone');
  assertCovered(pkg, withoutJavaScript, notReached, 'without JavaScript at 320 px');
}
