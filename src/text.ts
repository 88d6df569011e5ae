/** Text clean-up shared by form answers and file names. */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Replaces control characters (PostgreSQL's jsonb rejects NUL; others break logs and headers) with `by`. */
export function replaceControlCharacters(text: string, by = ' '): string {
  return text.replace(CONTROL_CHARACTERS, by);
}
