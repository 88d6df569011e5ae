/** Text clean-up shared by form answers, file names and caseworkers' free text. */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Bidirectional overrides can disguise a name ("gpj.exe" shown as "exe.jpg").
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Replaces control characters (PostgreSQL's jsonb rejects NUL; others break logs and headers) with `by`. */
export function replaceControlCharacters(text: string, by = ' '): string {
  return text.replace(CONTROL_CHARACTERS, by);
}

/** For multi-line free text: drops control characters but keeps line breaks and tabs. */
export function removeControlCharactersKeepingLines(text: string): string {
  return text.replace(CONTROL_CHARACTERS_BUT_LINE_BREAKS, '');
}

export function removeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
