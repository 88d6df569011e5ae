import type { ComponentChildren, VNode } from 'preact';

export interface ButtonProps {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'tertiary';
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
}

/** A KERN button; a submit button unless told otherwise (pages work without JavaScript). */
export function Button(props: ButtonProps): VNode {
  return (
    <button
      class={`kern-btn kern-btn--${props.variant ?? 'primary'}`}
      type={props.type ?? 'submit'}
      name={props.name}
      value={props.value}
    >
      <span class="kern-label">{props.children}</span>
    </button>
  );
}

/** A link that looks like a KERN button, for navigation such as "Jetzt starten". */
export function ButtonLink(props: {
  href: string;
  children: ComponentChildren;
  variant?: 'primary' | 'secondary';
}): VNode {
  return (
    <a class={`kern-btn kern-btn--${props.variant ?? 'primary'}`} href={props.href}>
      <span class="kern-label">{props.children}</span>
    </a>
  );
}
