/**
 * FIM rules (Regeln) are mostly German prose. One shape is common and safe to translate: "WENN Datenfeld F…
 * = <Wert>, DANN aktiviere/deaktiviere Datenfeldgruppe G…" (also 2.0's "Wenn bei F… "<Code> …" angegeben wird,
 * dann wird G… zur Pflichtangabe"). Those become FEEL conditions on the target's page or fields. A rule is
 * translated whole or not at all, and every rule yields a warning so a person reviews it.
 */
import type { PackagePage, ValueFieldDef } from '../schema.ts';
import type { PackageCodeList } from './genericode.ts';
import type { Layout, PageItem, Trace } from './layout.ts';
import type { FimItem, FimRule } from './model.ts';

interface Action {
  source: string;
  value: string;
  target: string;
  activate: boolean;
}

const Q = `["'„“”‚‘’]`;
const NOT_Q = `[^"'„“”‚‘’]`;
const WHEN_EQUALS = new RegExp(
  `^wenn\\s+(?:(?:das|dem|im)\\s+)?(?:datenfeld\\s+)?(F\\d+)\\s*(?:${Q}${NOT_Q}*${Q})?\\s*=\\s*(\\w+)`,
  'iu',
);
const WHEN_GIVEN = new RegExp(
  `^wenn\\s+bei\\s+(F\\d+)\\s*${Q}\\s*(\\w+)${NOT_Q}*${Q}\\s*angegeben\\s+wird`,
  'iu',
);
const TOGGLE =
  /\b(aktiviere|deaktiviere)\s+(?:(?:die|das|den)\s+)?(?:datenfeldgruppe|datenfeld|feldgruppe|gruppe|feld)?\s*([FG]\d+)/giu;
const MANDATORY = /\bwird\s+([FG]\d+)\s+(?:zur|zu\s+einer|eine)\s+pflichtangabe/giu;

/** The actions of a rule text, or undefined when any sentence has another shape. */
export function parseRuleText(text: string): Action[] | undefined {
  const clauses = text
    .split(/(?=\bwenn\s)/iu)
    .map((c) => c.trim())
    .filter(Boolean);
  if (clauses.length === 0) return undefined;
  const actions: Action[] = [];
  for (const clause of clauses) {
    const when = WHEN_EQUALS.exec(clause) ?? WHEN_GIVEN.exec(clause);
    const then = clause.split(/\bdann\b/iu)[1];
    if (!when?.[1] || !when[2] || !then) return undefined;
    const found = [
      ...[...then.matchAll(TOGGLE)].map((m) => ({
        target: m[2] ?? '',
        activate: m[1]?.toLowerCase() === 'aktiviere',
      })),
      ...[...then.matchAll(MANDATORY)].map((m) => ({ target: m[1] ?? '', activate: true })),
    ];
    if (found.length === 0) return undefined;
    for (const action of found) actions.push({ source: when[1], value: when[2], ...action });
  }
  return actions;
}

/** Every rule of the schema and its elements, once (a reused group carries its rules each time). */
export function collectRules(schemaRules: readonly FimRule[], items: readonly FimItem[]): FimRule[] {
  const all = new Map(schemaRules.map((r) => [r.id, r]));
  const walk = (list: readonly FimItem[]) => {
    for (const { element } of list) {
      for (const rule of element.rules) if (!all.has(rule.id)) all.set(rule.id, rule);
      if (element.kind === 'group') walk(element.items);
    }
  };
  walk(items);
  return [...all.values()];
}

function only<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

const isValue = (item: PageItem | undefined): item is ValueFieldDef =>
  item !== undefined && item.kind !== 'repeat' && item.kind !== 'info';

/** `name = "02"` for the answer the rule compares, if the field exists once, outside repeats, with that value. */
function comparison(
  source: Trace,
  value: string,
  codeLists: Readonly<Record<string, PackageCodeList>>,
): string | undefined {
  const field = source.items[0];
  if (!isValue(field) || source.items.length !== 1) return undefined;
  const upper = value.toUpperCase();
  switch (field.kind) {
    case 'yesNo':
      return upper === 'JA' ? `${field.name} = true` : upper === 'NEIN' ? `${field.name} = false` : undefined;
    case 'choice':
      return field.options.some((o) => o.value === value) ? `${field.name} = "${value}"` : undefined;
    case 'multiChoice':
      return field.options.some((o) => o.value === value)
        ? `list contains(${field.name}, "${value}")`
        : undefined;
    case 'codeList':
      return codeLists[field.codeList]?.entries.some((e) => e.code === value)
        ? `${field.name} = "${value}"`
        : undefined;
    default:
      return undefined;
  }
}

interface Planned {
  target: Trace;
  shown: string[];
  hidden: string[];
}

function plan(
  actions: Action[],
  layout: Layout,
  codeLists: Readonly<Record<string, PackageCodeList>>,
): Planned[] | undefined {
  const planned = new Map<Trace, Planned>();
  for (const action of actions) {
    const source = only(layout.traces.filter((t) => t.element.id === action.source && t.items.length > 0));
    const target = only(layout.traces.filter((t) => t.element.id === action.target));
    if (!source || !target || (target.items.length === 0 && !target.wholePage)) return undefined;
    // A condition may only look back: at an earlier page, or at an earlier field of the same page.
    if (target.pageIndex < source.pageIndex || (target.wholePage && target.pageIndex === source.pageIndex))
      return undefined;
    if (target.items.some((item) => source.items.includes(item))) return undefined;
    const expression = comparison(source, action.value, codeLists);
    if (!expression) return undefined;
    const entry = planned.get(target) ?? { target, shown: [], hidden: [] };
    (action.activate ? entry.shown : entry.hidden).push(expression);
    planned.set(target, entry);
  }
  return [...planned.values()];
}

/** Shown when an "aktiviere" case holds; with only "deaktiviere" cases, shown unless one holds. */
function conditionOf({ shown, hidden }: Planned): string {
  if (shown.length > 0) return shown.length === 1 ? (shown[0] ?? '') : `(${shown.join(' or ')})`;
  return `not(${hidden.join(' or ')})`;
}

function addCondition(holder: { condition?: string }, condition: string): void {
  holder.condition = holder.condition ? `(${holder.condition}) and ${condition}` : condition;
}

/** Translates what it can into conditions (mutating the freshly built pages); returns one warning per rule. */
export function applyRules(
  rules: readonly FimRule[],
  layout: Layout,
  codeLists: Readonly<Record<string, PackageCodeList>>,
): string[] {
  return rules.map((rule) => {
    const actions = parseRuleText(rule.text);
    const planned = actions && plan(actions, layout, codeLists);
    const text = rule.text.replace(/\s+/g, ' ');
    if (!planned || planned.length === 0) {
      return `Regel ${rule.id} "${rule.name}" not translated; implement it by hand: ${text}`;
    }
    const done = planned.map((p) => {
      const condition = conditionOf(p);
      const page: PackagePage | undefined = layout.pages[p.target.pageIndex];
      if (p.target.wholePage && page) addCondition(page, condition);
      else for (const item of p.target.items) addCondition(item, condition);
      return `${p.target.element.id} shown when ${condition}`;
    });
    return `Regel ${rule.id} "${rule.name}" translated to conditions (${done.join('; ')}); please check: ${text}`;
  });
}
