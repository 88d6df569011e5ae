/** Whether a LeiKa Leistung may be executed by a municipality, derived from its LeiKa-Typ. */

/**
 * The LeiKa Typisierung says who regulates and who executes a Leistung (LeiKa-Handbuch, FITKO; summarised in
 * ozg-standards.md §2, codelist urn:de:fim:leika:typisierung):
 * - 1: the Bund regulates and executes → never municipal.
 * - 2, 3 (and the combined 2/3): the Bund regulates, the Land or a Kommune executes; the suffix says which
 *   (a = Land, b = Kommune). Without a suffix a Kommune may execute, so we count it as municipal.
 * - 4: the Land regulates; 4a the Land executes, 4b a Kommune; plain 4 may be either → municipal.
 * - 5: the Kommune regulates and executes → municipal.
 * - 6–12: general notices, service numbers, internal services, SDG information → not municipal.
 * A combined type such as "1, 2/3" or "1;2/3" is municipal when any of its parts is.
 */
const MUNICIPAL_TYPES = new Set(['2', '2b', '3', '3b', '2/3', '2/3b', '4', '4b', '5']);

/** The single types in a LeiKa-Typ field, normalised: "1, 2 / 3B" → ["1", "2/3b"]. */
export function leikaTypeParts(leikaType: string): string[] {
  return leikaType
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .split(/[\s,;]+/)
    .filter((part) => part !== '');
}

export function isMunicipal(leikaType: string): boolean {
  return leikaTypeParts(leikaType).some((part) => MUNICIPAL_TYPES.has(part));
}
