/** The staff's way into the OZG progress data: links from the dashboard and the searchable Leistungen list. */
import type { VNode } from 'preact';
import { formatFigureValue } from '../../catalog/figure.ts';
import type { CatalogEntry } from '../../catalog/progress.ts';
import { type EffectiveStatus, STATUS_LABELS } from '../../catalog/status.ts';
import { Button } from '../components/button.tsx';
import { Select } from '../components/select.tsx';
import { Table } from '../components/table.tsx';
import { TextField } from '../components/text-field.tsx';
import { type StaffFrame, StaffPage } from '../staff/views.tsx';
import { LEISTUNGEN_PATH, SETTINGS_PATH } from './form-state.ts';

export function DashboardStaffLinks(): VNode {
  return (
    <ul class="kern-list kern-list--horizontal app-nav-list">
      <li>
        <a class="kern-link" href={LEISTUNGEN_PATH}>
          Leistungen bearbeiten
        </a>
      </li>
      <li>
        <a class="kern-link" href={SETTINGS_PATH}>
          Kostenmodell
        </a>
      </li>
      <li>
        <a class="kern-link" href="/verwaltung/ozg/antwort.pdf">
          Antwort auf eine Ratsanfrage (PDF)
        </a>
      </li>
      <li>
        <a class="kern-link" href="/ozg-stand">
          Öffentliche Ansicht
        </a>
      </li>
    </ul>
  );
}

export interface LeistungListProps {
  frame: StaffFrame;
  entries: (CatalogEntry & { status: EffectiveStatus })[];
  total: number;
  text: string;
  themenfeld: string;
  themenfelder: string[];
  page: number;
  pageSize: number;
}

export function LeistungListPage(props: LeistungListProps): VNode {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const query = (page: number) =>
    `${LEISTUNGEN_PATH}?${new URLSearchParams({ suche: props.text, themenfeld: props.themenfeld, seite: String(page) })}`;
  return (
    <StaffPage frame={props.frame} title="Leistungen">
      <h1 class="kern-heading-large">Leistungen aus dem OZG-Katalog</h1>
      <search>
        <form class="app-form" method="get" action={LEISTUNGEN_PATH}>
          <TextField
            name="suche"
            label="Suche nach Name, LeiKa-Schlüssel oder Leistungsbündel"
            value={props.text}
          />
          <Select
            name="themenfeld"
            label="Themenfeld"
            options={props.themenfelder.map((t) => ({ value: t, label: t }))}
            value={props.themenfeld}
          />
          <Button variant="secondary">Suchen</Button>
        </form>
      </search>
      <p class="kern-body" aria-live="polite">
        {formatFigureValue(props.total, 'count')} Leistungen gefunden, Seite {props.page} von {pages}.
      </p>
      <Table
        caption="Leistungen"
        head={['Leistung', 'LeiKa-Schlüssel', 'OZG-Leistungsbündel', 'Stand']}
        rows={props.entries.map((e) => [
          <a class="kern-link" href={`${LEISTUNGEN_PATH}/${e.leikaKey}`} key="name">
            {e.name}
          </a>,
          e.leikaKey,
          e.bundleName ?? '–',
          STATUS_LABELS[e.status],
        ])}
      />
      <nav aria-label="Seiten">
        <ul class="kern-list kern-list--horizontal app-nav-list">
          {props.page > 1 && (
            <li>
              <a class="kern-link" href={query(props.page - 1)}>
                Vorherige Seite
              </a>
            </li>
          )}
          {props.page < pages && (
            <li>
              <a class="kern-link" href={query(props.page + 1)}>
                Nächste Seite
              </a>
            </li>
          )}
        </ul>
      </nav>
    </StaffPage>
  );
}
