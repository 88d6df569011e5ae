import type { VNode } from 'preact';

export interface FieldError {
  /** The input's id and name; the summary links to `#<field>`. */
  field: string;
  message: string;
}

/**
 * KERN danger alert listing every error with a link to its field (GOV.UK's error summary). It has
 * the fixed id "error-summary" and tabindex -1 so a redirect or a script can move focus to it.
 */
export function ErrorSummary(props: { errors: FieldError[]; lang?: 'de' | 'en' }): VNode {
  return (
    <div
      class="kern-alert kern-alert--danger app-error-summary"
      id="error-summary"
      tabindex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 class="kern-title" id="error-summary-title">
          {props.lang === 'en' ? 'There is a problem' : 'Es gibt ein Problem'}
        </h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {props.errors.map((error) => (
            <li>
              <a class="kern-link" href={`#${error.field}`}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
