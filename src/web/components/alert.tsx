import type { ComponentChildren, VNode } from 'preact';

export type AlertType = 'info' | 'success' | 'warning' | 'danger';

// Spoken before the title: the icon and colour say the type only visually (WCAG 1.4.1).
const TYPE_LABEL: Record<AlertType, string> = {
  info: 'Information: ',
  success: 'Erfolg: ',
  warning: 'Warnung: ',
  danger: 'Fehler: ',
};

/**
 * A KERN alert. Success and danger report the outcome of what the user just did, so they get
 * role="alert"; info and warning are ordinary page content and are read in reading order.
 */
export function Alert(props: { type: AlertType; title: string; children?: ComponentChildren }): VNode {
  const { type, children } = props;
  const announce = type === 'success' || type === 'danger';
  return (
    <div class={`kern-alert kern-alert--${type}`} role={announce ? 'alert' : undefined}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${type}`} aria-hidden="true" />
        <span class="kern-title">
          <span class="kern-sr-only">{TYPE_LABEL[type]}</span>
          {props.title}
        </span>
      </div>
      {children != null && children !== false && (
        <div class="kern-alert__body">
          {typeof children === 'string' ? <p class="kern-body">{children}</p> : children}
        </div>
      )}
    </div>
  );
}
