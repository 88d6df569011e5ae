/**
 * Answer names for FIM elements. The name is the lower-cased FIM id (`F60000000227` → `f60000000227`) so an
 * answer can be traced back to its Datenfeld. FIM reuses Baukasten groups (the same address group under the
 * applicant and under the vehicle holder), so an id can occur several times; then each occurrence is prefixed
 * with just enough of its enclosing group ids to tell them apart (`g05000554_f00000054`).
 */
import type { FimItem } from './model.ts';

export interface Placement {
  /** The FIM ids from the top-level element down to this one, e.g. `G05000499/G05000554/F00000054`. */
  path: string;
  name: string;
}

const MAX_NAME = 64;

/** Lower case, only [a-z0-9_], starting with a letter, as package answer names must. */
export function nameFromId(id: string): string {
  const name = id.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  return /^[a-z]/.test(name) ? name : `x${name}`;
}

interface Occurrence {
  item: FimItem;
  ids: string[];
}

function collect(items: readonly FimItem[], ancestors: string[], out: Occurrence[]): void {
  for (const item of items) {
    const ids = [...ancestors, item.element.id];
    out.push({ item, ids });
    if (item.element.kind === 'group') collect(item.element.items, ids, out);
  }
}

/** The shortest id suffixes (own id plus k ancestors) that differ between all occurrences of one id. */
function distinctNames(occurrences: Occurrence[]): string[] {
  const depth = Math.max(...occurrences.map((o) => o.ids.length));
  for (let k = 1; k <= depth; k++) {
    const names = occurrences.map((o) => o.ids.slice(-k).map(nameFromId).join('_'));
    if (new Set(names).size === names.length) return names;
  }
  // The very same path twice (a group listed twice in one parent): number the repetitions.
  return occurrences.map((o, i) => `${o.ids.map(nameFromId).join('_')}${i === 0 ? '' : `_${i + 1}`}`);
}

/** Assigns every element occurrence of the schema tree a unique name and its id path. */
export function placeElements(items: readonly FimItem[]): Map<FimItem, Placement> {
  const occurrences: Occurrence[] = [];
  collect(items, [], occurrences);
  const byId = Map.groupBy(occurrences, (o) => o.item.element.id);
  const placements = new Map<FimItem, Placement>();
  const pathCount = new Map<string, number>();
  for (const group of byId.values()) {
    const names = group.length === 1 ? [nameFromId(group[0]?.item.element.id ?? '')] : distinctNames(group);
    group.forEach((occurrence, i) => {
      const base = occurrence.ids.join('/');
      const seen = (pathCount.get(base) ?? 0) + 1;
      pathCount.set(base, seen);
      const long = (names[i] ?? '').length > MAX_NAME;
      const name = long ? `${nameFromId(occurrence.item.element.id)}_${i + 1}` : (names[i] ?? '');
      placements.set(occurrence.item, { path: seen === 1 ? base : `${base}#${seen}`, name });
    });
  }
  return placements;
}
