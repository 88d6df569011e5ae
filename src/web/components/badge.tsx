import type { ComponentChildren, VNode } from 'preact';

/** A KERN badge, e.g. a case status; the text carries the meaning, colour and icon only repeat it. */
export function Badge(props: {
  children: ComponentChildren;
  type?: 'info' | 'success' | 'warning' | 'danger';
}): VNode {
  const type = props.type ?? 'info';
  return (
    <span class={`kern-badge kern-badge--${type}`}>
      <span class={`kern-icon kern-icon--${type}`} aria-hidden="true" />
      <span class="kern-label kern-label--small">{props.children}</span>
    </span>
  );
}
