import type { ComponentChildren, VNode } from 'preact';

/** Text for screen readers only (KERN's kern-sr-only). */
export function VisuallyHidden(props: { children: ComponentChildren }): VNode {
  return <span class="kern-sr-only">{props.children}</span>;
}
