import type { ComponentChildren, VNode } from 'preact';
import { useLang } from './lang.ts';

// The building blocks every KERN form field shares. Ids follow one scheme so the error summary can
// link to `#<name>` and inputs can point at `<name>-hint` / `<name>-error` with aria-describedby.

export function hintId(id: string): string {
  return `${id}-hint`;
}

export function errorId(id: string): string {
  return `${id}-error`;
}

/** Space-separated ids for aria-describedby, or undefined when there are none (no empty attribute). */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** Joins class names, skipping the falsy ones. */
export function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** A div, not a p: kern-hint does not reset the browser's paragraph margins. */
export function Hint(props: { id: string; children: ComponentChildren }): VNode {
  return (
    <div class="kern-hint" id={props.id}>
      {props.children}
    </div>
  );
}

/** KERN's inline error; the hidden "Fehler:" tells screen-reader users what the red icon tells everyone else. */
export function ErrorMessage(props: { id: string; children: ComponentChildren }): VNode {
  return (
    <p class="kern-error" id={props.id}>
      <span class="kern-icon kern-icon--danger" aria-hidden="true" />
      <span class="kern-body">
        <span class="kern-sr-only">{useLang() === 'en' ? 'Error: ' : 'Fehler: '}</span>
        {props.children}
      </span>
    </p>
  );
}

/**
 * The label of a single-input field. As page heading (one question per page) the label sits inside
 * the <h1>, so the question is announced once, as heading and as label (GOV.UK's pattern).
 */
export function FieldLabel(props: { for: string; label: string; isPageHeading?: boolean }): VNode {
  if (props.isPageHeading) {
    return (
      <h1 class="kern-heading-large app-label-heading">
        <label for={props.for}>{props.label}</label>
      </h1>
    );
  }
  return (
    <label class="kern-label" for={props.for}>
      {props.label}
    </label>
  );
}

/** A fieldset's legend; as page heading it holds the page's <h1>. */
export function Legend(props: { text: string; isPageHeading?: boolean }): VNode {
  if (props.isPageHeading) {
    return (
      <legend class="app-legend-heading">
        <h1 class="kern-heading-large">{props.text}</h1>
      </legend>
    );
  }
  return <legend class="kern-label">{props.text}</legend>;
}
