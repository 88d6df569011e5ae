import type { VNode } from 'preact';
import { useLang } from './lang.ts';

/** A plain link back to the previous step; a real href, not history.back(), so it works without JS. */
export function BackLink(props: { href: string; label?: string }): VNode {
  return (
    <a class="kern-link app-back-link" href={props.href}>
      <span class="kern-icon kern-icon--arrow-back" aria-hidden="true" />
      {props.label ?? (useLang() === 'en' ? 'Back' : 'Zurück')}
    </a>
  );
}
