/**
 * Questions that depend on an answer on their own page (GOV.UK's "conditional reveal", generalised): which
 * items a question page renders and where, the hint that says when such an item applies, and — for a
 * condition over one choice, yes/no or checkbox field of the page — the states of that field for which it
 * applies, so a small script (src/web/assets/reveal.js) can show and hide it. Without the script every such
 * item is shown with its hint; the server decides with the posted answers (engine.ts validatePage). Pure.
 */
import type { CompiledItem, CompiledPage, PageItem } from '../packages/compile.ts';
import type { ValueFieldDef } from '../packages/schema.ts';
import { isTrue } from '../rules/feel.ts';
import { localize, YES_NO_LABELS } from './display.ts';
import { type Context, orderedItems, type PageContext } from './engine.ts';
import type { Locale } from './types.ts';

export interface Reveal {
  /** The id of the element that wraps the item (for aria-controls). */
  id: string;
  /** When the item applies, in plain German; none when it applies to every answer of the question. */
  hint?: string;
  /** Only when precomputed: the controlling field, and each state of it (the values chosen, in option order) for which the item applies. */
  field?: string;
  states?: string[][];
}

export interface PageLayout {
  /** The items to render, in order. */
  items: PageItem[];
  /** For the items whose condition refers to answers on the same page. */
  reveals: Map<PageItem, Reveal>;
}

/** A multiple-choice question up to this many options is precomputed over all its 2ⁿ states. */
const MAX_MULTI_OPTIONS = 5;

interface State {
  /** The values as the inputs post them. */
  posted: string[];
  /** The stored answer FEEL sees. */
  value: unknown;
  /** The option's label, for single-valued questions. */
  label?: string;
}

/** Every state of a question with a finite domain, the empty one first; undefined for other kinds. */
export function statesOf(def: ValueFieldDef, locale: Locale = 'de'): State[] | undefined {
  const none: State = { posted: [], value: null };
  switch (def.kind) {
    case 'yesNo':
      return [
        none,
        { posted: ['yes'], value: true, label: YES_NO_LABELS[locale][0] },
        { posted: ['no'], value: false, label: YES_NO_LABELS[locale][1] },
      ];
    case 'choice':
      return [
        none,
        ...def.options.map((o) => ({
          posted: [o.value],
          value: o.value,
          label: localize(o.label, locale),
        })),
      ];
    case 'declaration':
      return [none, { posted: ['yes'], value: true }];
    case 'multiChoice': {
      if (def.options.length > MAX_MULTI_OPTIONS) return undefined;
      const values = def.options.map((o) => o.value);
      return Array.from({ length: 2 ** values.length }, (_, mask) => {
        const chosen = values.filter((_, bit) => mask & (1 << bit));
        return { posted: chosen, value: chosen.length === 0 ? null : chosen };
      });
    }
    default:
      return undefined;
  }
}

/** The hints' wording: German, and English for English pages. */
const PHRASES = {
  de: {
    quoted: (text: string) => `‚${text}‘`,
    or: 'oder',
    lead: (info: boolean) => (info ? 'Gilt nur' : 'Nur ausfüllen'),
    ticked: (lead: string, label: string) => `${lead}, wenn Sie ${label} angekreuzt haben.`,
    tickedAt: (lead: string, label: string, options: string) =>
      `${lead}, wenn Sie bei ${label} ${options} angekreuzt haben.`,
    chosenAt: (lead: string, label: string, options: string) =>
      `${lead}, wenn Sie bei ${label} ${options} gewählt haben.`,
    applies: (lead: string) => `${lead}, wenn es auf Sie zutrifft.`,
  },
  en: {
    quoted: (text: string) => `‘${text}’`,
    or: 'or',
    lead: (info: boolean) => (info ? 'Applies only' : 'Only fill in'),
    ticked: (lead: string, label: string) => `${lead} if you ticked ${label}.`,
    tickedAt: (lead: string, label: string, options: string) =>
      `${lead} if you ticked ${options} for ${label}.`,
    chosenAt: (lead: string, label: string, options: string) =>
      `${lead} if you chose ${options} for ${label}.`,
    applies: (lead: string) => `${lead} if it applies to you.`,
  },
} satisfies Record<Locale, unknown>;

function either(texts: string[], locale: Locale): string {
  const { quoted, or } = PHRASES[locale];
  const all = texts.map(quoted);
  return all.length < 2 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} ${or} ${all.at(-1)}`;
}

/** The hint for an item that applies in `applying` states of `controller`; undefined when it always applies. */
function hintFor(
  item: PageItem,
  controller: ValueFieldDef,
  states: State[],
  applying: State[],
  locale: Locale,
): string | undefined {
  const phrase = PHRASES[locale];
  const lead = phrase.lead(item.kind === 'info');
  const chosen = applying.filter((s) => s.posted.length > 0);
  if (chosen.length === states.length - 1) return undefined;
  const label = phrase.quoted(localize(controller.label, locale));
  if (controller.kind === 'declaration' && chosen.length === 1) return phrase.ticked(lead, label);
  if (controller.kind === 'multiChoice') {
    // Applies when at least one of some options is ticked: name those options.
    const singles = chosen.filter((s) => s.posted.length === 1).flatMap((s) => s.posted);
    const intersects = (s: State) => s.posted.some((v) => singles.includes(v));
    const exact = singles.length > 0 && states.every((s) => intersects(s) === chosen.includes(s));
    const labels = controller.options
      .filter((o) => singles.includes(o.value))
      .map((o) => localize(o.label, locale));
    if (exact) return phrase.tickedAt(lead, label, either(labels, locale));
  } else if (chosen.length > 0 && chosen.every((s) => s.label !== undefined)) {
    return phrase.chosenAt(
      lead,
      label,
      either(
        chosen.map((s) => s.label ?? ''),
        locale,
      ),
    );
  }
  return phrase.applies(lead);
}

const genericHint = (item: PageItem, locale: Locale) =>
  PHRASES[locale].applies(PHRASES[locale].lead(item.kind === 'info'));

const revealId = (item: PageItem, index: number) => `reveal-${'name' in item ? item.name : `info-${index}`}`;

/**
 * The items a question page renders for `context` (the answers so far): those shown by their conditions,
 * and every item whose condition refers to answers on the same page, placed after the question it depends
 * on and described by a Reveal — unless precomputing shows that no answer to that question makes it apply.
 * `withPosted` gives the context with some answers of the page replaced (computed values recomputed).
 */
export function pageLayout(
  page: CompiledPage,
  context: Context,
  withPosted: PageContext = (posted) => ({ ...context, ...posted }),
  locale: Locale = 'de',
): PageLayout {
  const holds = (item: CompiledItem, at: Context) => !item.condition || isTrue(item.condition(at));
  const rendered = new Set(
    page.items.filter((item) => item.pageRefs.length === 0 && holds(item, context)).map((item) => item.def),
  );
  const reveals = new Map<PageItem, Reveal>();
  const byName = new Map(page.items.flatMap((item) => ('name' in item.def ? [[item.def.name, item]] : [])));
  const ordered = orderedItems(page);
  const decided = new Set<CompiledItem>();
  for (const item of ordered) {
    if (item.pageRefs.length === 0) continue;
    decided.add(item);
    const id = revealId(item.def, page.items.indexOf(item));
    const [only] = item.pageRefs;
    const controller = item.pageRefs.length === 1 && only ? byName.get(only) : undefined;
    const controllerDef =
      controller?.def.kind === 'info' || controller?.def.kind === 'repeat' ? undefined : controller?.def;
    // A question the page does not show (its own condition is false) counts as unanswered.
    const undecided = controller && controller.pageRefs.length > 0 && !decided.has(controller);
    if (controller && 'name' in controller.def && !undecided && !rendered.has(controller.def)) {
      if (holds(item, withPosted({ [controller.def.name]: null }))) rendered.add(item.def);
      continue;
    }
    const states = controllerDef && statesOf(controllerDef, locale);
    if (!controllerDef || !states) {
      rendered.add(item.def);
      reveals.set(item.def, { id, hint: genericHint(item.def, locale) });
      continue;
    }
    const applying = states.filter((s) => holds(item, withPosted({ [controllerDef.name]: s.value })));
    if (applying.length === 0) continue;
    rendered.add(item.def);
    reveals.set(item.def, {
      id,
      hint: hintFor(item.def, controllerDef, states, applying, locale),
      field: controllerDef.name,
      states: applying.map((s) => s.posted),
    });
  }
  return { items: ordered.map((item) => item.def).filter((def) => rendered.has(def)), reveals };
}
