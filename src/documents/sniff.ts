/** Determines a file's media type from its content; the name and the browser's claim are not trusted. */
import { fileTypeFromBuffer } from 'file-type';
import { removeBidiControls, replaceControlCharacters } from '../text.ts';

export async function sniffMediaType(head: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(head))?.mime;
}

/** A file name safe to store and to send in Content-Disposition: no path, no control characters, bounded. */
export function safeFilename(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = removeBidiControls(replaceControlCharacters(base, ''))
    .replaceAll('"', '')
    .trim()
    .slice(-120)
    // The cut may fall inside a surrogate pair (an emoji): a lone half is not valid Unicode, and jsonb rejects it.
    .replace(/^[\udc00-\udfff]/, '');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}
