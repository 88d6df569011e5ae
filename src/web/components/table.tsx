import type { ComponentChildren, VNode } from 'preact';

/**
 * A KERN table inside a scroll container, so a wide table scrolls on its own at 320 px instead of
 * the page. The container is focusable and named after the caption, so keyboard users can scroll
 * it too (WCAG 2.1.1, axe scrollable-region-focusable).
 */
export function Table(props: { caption: string; head: string[]; rows: ComponentChildren[][] }): VNode {
  return (
    <section class="kern-table-responsive app-table-scroll" tabindex={0} aria-label={props.caption}>
      <table class="kern-table">
        <caption class="kern-title">{props.caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {props.head.map((heading) => (
              <th class="kern-table__header" scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.rows.map((row) => (
            <tr class="kern-table__row">
              {row.map((cell) => (
                <td class="kern-table__cell">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
