import { extractText } from 'unpdf';

/**
 * Test helper: the text of every page of a PDF, pages separated by a blank line.
 * The bytes are copied first because PDF.js may take over (detach) the buffer it is given.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  return (await extractPdfPages(bytes)).join('\n\n');
}

/** Test helper: the text of each page of a PDF, one string per page. */
export async function extractPdfPages(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: false });
  return text;
}
