import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

const DOCTYPE = '<!doctype html>';

/** Serialises a <Page> to the HTML document sent to the browser. Preact escapes all text and attributes. */
export function renderPage(vnode: VNode): string {
  return DOCTYPE + renderToString(vnode);
}
