/**
 * Lays the FIM tree out as pages: each top-level Datenfeldgruppe is a page, runs of top-level Datenfelder
 * form pages of their own, nested groups are flattened into their page, and groups that may occur several
 * times become repeats (one level only: the package format has no repeats inside repeats).
 */
import type { InfoBlockDef, PackagePage, RepeatFieldDef, ValueFieldDef } from '../schema.ts';
import { type FieldContext, mapField } from './fields.ts';
import type { FimField, FimGroup, FimItem } from './model.ts';
import type { Placement } from './names.ts';

export type PageItem = ValueFieldDef | RepeatFieldDef | InfoBlockDef;

/** Where one FIM element occurrence ended up, so rules can attach conditions to it. */
export interface Trace {
  element: FimField | FimGroup;
  pageIndex: number;
  /** The page-level items made from it (empty inside a repeat, where conditions cannot reach). */
  items: PageItem[];
  wholePage: boolean;
}

export interface Layout {
  pages: PackagePage[];
  /** FIM id path → answer name (`repeat.field` inside repeats). */
  fieldMap: Record<string, string>;
  traces: Trace[];
}

export interface LayoutContext {
  placements: ReadonlyMap<FimItem, Placement>;
  codeList: FieldContext['codeList'];
  warn(message: string): void;
}

/** "*" has no upper bound; a form needs one. */
export const UNBOUNDED_REPEAT_MAX = 20;
const REPEAT_LIMIT = 100;

interface Scope {
  optional: boolean;
  pageIndex: number;
  /** Set inside a repeat: its name, and the info blocks that cannot live inside it. */
  repeat?: { name: string; infos: InfoBlockDef[] };
}

const isMultiple = (item: FimItem): boolean => item.max === null || item.max > 1;
const toPageId = (name: string): string => name.replace(/_/g, '-').slice(0, 64);

class PageBuilder {
  readonly layout: Layout = { pages: [], fieldMap: {}, traces: [] };
  constructor(private readonly ctx: LayoutContext) {}

  private placement(item: FimItem): Placement {
    const placement = this.ctx.placements.get(item);
    if (!placement) throw new Error(`no placement for ${item.element.id}`);
    return placement;
  }

  private trace(item: FimItem, scope: Scope, items: PageItem[], wholePage = false): void {
    this.layout.traces.push({
      element: item.element,
      pageIndex: scope.pageIndex,
      items: scope.repeat ? [] : items,
      wholePage,
    });
  }

  private bounds(item: FimItem, label: string): { min: number; max: number } {
    let max = item.max ?? UNBOUNDED_REPEAT_MAX;
    if (item.max === null)
      this.ctx.warn(`${label}: anzahl "${item.min}:*" has no upper bound; limited to ${max}.`);
    if (max > REPEAT_LIMIT) {
      this.ctx.warn(`${label}: at most ${REPEAT_LIMIT} repetitions are possible; limited from ${max}.`);
      max = REPEAT_LIMIT;
    }
    return { min: Math.min(item.min, max), max };
  }

  private field(item: FimItem, field: FimField, scope: Scope): PageItem[] {
    const { name, path } = this.placement(item);
    const multiple = isMultiple(item);
    if (multiple && field.feldart !== 'select') {
      if (!scope.repeat) return this.repeatOfField(item, field, scope);
      this.ctx.warn(
        `Datenfeld ${field.id} "${field.label}": several values inside a repeated group are not possible; one value is asked.`,
      );
    }
    const optional = scope.optional || item.min === 0;
    const fieldMultiple =
      multiple && field.feldart === 'select' ? { min: item.min, max: item.max } : undefined;
    const mapped = mapField(field, {
      ...this.ctx,
      name,
      optional,
      ...(fieldMultiple ? { multiple: fieldMultiple } : {}),
    });
    if (!mapped) return [];
    if (mapped.kind === 'info' && scope.repeat) {
      scope.repeat.infos.push(mapped.def);
      return [];
    }
    if (mapped.kind === 'value')
      this.layout.fieldMap[path] = scope.repeat ? `${scope.repeat.name}.${name}` : name;
    this.trace(item, scope, [mapped.def]);
    return [mapped.def];
  }

  /** A single Datenfeld that may occur several times (e.g. "Vorname 1:*") becomes a repeat of one field. */
  private repeatOfField(item: FimItem, field: FimField, scope: Scope): PageItem[] {
    const { name, path } = this.placement(item);
    const mapped = mapField(field, { ...this.ctx, name: 'wert', optional: false });
    if (mapped?.kind !== 'value') return mapped ? [mapped.def] : [];
    const optional = scope.optional || item.min === 0;
    const bounds = this.bounds(item, `Datenfeld ${field.id} "${field.label}"`);
    const repeat: RepeatFieldDef = {
      kind: 'repeat',
      name,
      label: { de: field.label },
      ...(field.hint ? { hint: { de: field.hint } } : {}),
      ...(optional ? { optional: true } : {}),
      itemLabel: { de: field.label },
      ...bounds,
      min: optional ? 0 : bounds.min,
      fields: [mapped.def],
    };
    this.layout.fieldMap[path] = `${name}.wert`;
    this.trace(item, scope, [repeat]);
    return [repeat];
  }

  private repeat(item: FimItem, group: FimGroup, scope: Scope): PageItem[] {
    const { name, path } = this.placement(item);
    const inner: Scope = { optional: false, pageIndex: scope.pageIndex, repeat: { name, infos: [] } };
    const fields = this.items(group.items, inner).filter(
      (f): f is ValueFieldDef => f.kind !== 'repeat' && f.kind !== 'info',
    );
    const infos = inner.repeat?.infos ?? [];
    if (infos.length > 0)
      this.ctx.warn(
        `Datenfeldgruppe ${group.id} "${group.label}": ${infos.length} text block(s) moved before the repeat.`,
      );
    if (fields.length === 0) {
      this.ctx.warn(
        `Datenfeldgruppe ${group.id} "${group.label}": repeated group without input fields; only its texts are shown.`,
      );
      return infos;
    }
    const optional = scope.optional || item.min === 0;
    const bounds = this.bounds(item, `Datenfeldgruppe ${group.id} "${group.label}"`);
    const repeat: RepeatFieldDef = {
      kind: 'repeat',
      name,
      label: { de: group.label },
      ...(group.hint ? { hint: { de: group.hint } } : {}),
      ...(optional ? { optional: true } : {}),
      itemLabel: { de: group.label },
      ...bounds,
      min: optional ? 0 : bounds.min,
      fields,
    };
    this.layout.fieldMap[path] = name;
    this.trace(item, scope, [repeat]);
    return [...infos, repeat];
  }

  private group(item: FimItem, group: FimGroup, scope: Scope): PageItem[] {
    if (isMultiple(item) && !scope.repeat) return this.repeat(item, group, scope);
    if (isMultiple(item)) {
      this.ctx.warn(
        `Datenfeldgruppe ${group.id} "${group.label}": repeated group inside a repeated group is asked once per item.`,
      );
    }
    const result = this.items(group.items, { ...scope, optional: scope.optional || item.min === 0 });
    this.trace(item, scope, result);
    return result;
  }

  private items(items: readonly FimItem[], scope: Scope): PageItem[] {
    return items.flatMap((item) =>
      item.element.kind === 'group'
        ? this.group(item, item.element, scope)
        : this.field(item, item.element, scope),
    );
  }

  private addPage(id: string, title: string, build: (scope: Scope) => PageItem[], whole?: FimItem): void {
    const scope: Scope = { optional: false, pageIndex: this.layout.pages.length };
    const fields = build(scope);
    if (fields.length === 0) {
      this.ctx.warn(`Page "${title}" has no fields that can be shown; left out.`);
      return;
    }
    const taken = new Set(this.layout.pages.map((p) => p.id));
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
    this.layout.pages.push({ id: unique, title: { de: title }, fields });
    if (whole && !isMultiple(whole)) this.trace(whole, scope, fields, true);
  }

  build(items: readonly FimItem[]): Layout {
    let run: FimItem[] = [];
    let afterGroup = false;
    const flush = () => {
      const fields = run;
      run = [];
      if (fields.length === 0) return;
      const [id, title] = afterGroup
        ? ['weitere-angaben', 'Weitere Angaben']
        : ['allgemeine-angaben', 'Allgemeine Angaben'];
      this.addPage(id, title, (scope) => this.items(fields, scope));
    };
    for (const item of items) {
      if (item.element.kind === 'field') {
        run.push(item);
        continue;
      }
      flush();
      afterGroup = true;
      const group = item.element;
      const pageScope = (scope: Scope) =>
        isMultiple(item)
          ? this.repeat(item, group, scope)
          : this.items(group.items, { ...scope, optional: item.min === 0 });
      this.addPage(toPageId(this.placement(item).name), group.label, pageScope, item);
    }
    flush();
    return this.layout;
  }
}

/** Builds the pages and records where every FIM element went. */
export function layoutPages(items: readonly FimItem[], ctx: LayoutContext): Layout {
  return new PageBuilder(ctx).build(items);
}
