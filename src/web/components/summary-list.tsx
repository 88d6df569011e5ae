import type { ComponentChildren, VNode } from 'preact';
import { useLang } from './lang.ts';

export interface SummaryRow {
  key: string;
  value: ComponentChildren;
  changeHref?: string;
  /** Hidden words after "Ändern" so the link makes sense on its own; defaults to the key. */
  changeLabel?: string;
}

/** Check-your-answers: a KERN description list with an optional "Ändern" link per row. */
export function SummaryList(props: { rows: SummaryRow[] }): VNode {
  const change = useLang() === 'en' ? 'Change' : 'Ändern';
  return (
    <dl class="kern-description-list app-summary-list">
      {props.rows.map((row) => (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{row.key}</dt>
          <dd class="kern-description-list-item__value">{row.value}</dd>
          {row.changeHref && (
            <dd class="app-summary-list__actions">
              <a class="kern-link" href={row.changeHref}>
                {change}
                <span class="kern-sr-only"> {row.changeLabel ?? row.key}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
