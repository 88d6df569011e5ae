/** Staff pages for service designers: the packages, one version with its test results, a citizen's preview. */
import type { VNode } from 'preact';
import type { FieldError } from '../../forms/types.ts';
import type { CompiledPackage, PageItem } from '../../packages/compile.ts';
import type { PackageStatus, StoredPackage } from '../../packages/store.ts';
import type { TestCaseResult } from '../../packages/test-runner.ts';
import { PageItems } from '../citizen/page-items.tsx';
import { Alert } from '../components/alert.tsx';
import { Badge } from '../components/badge.tsx';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { Table } from '../components/table.tsx';
import { type StaffFrame, StaffPage } from './views.tsx';

export const STATUS: Record<PackageStatus, { label: string; type: 'info' | 'success' | 'warning' }> = {
  draft: { label: 'Entwurf', type: 'warning' },
  published: { label: 'Veröffentlicht', type: 'success' },
  retired: { label: 'Zurückgezogen', type: 'info' },
};

const versionUrl = (id: string, version: string) => `/verwaltung/pakete/${id}/${version}`;

export function PackageListPage(props: { frame: StaffFrame; packages: StoredPackage[] }): VNode {
  return (
    <StaffPage frame={props.frame} title="Leistungspakete">
      <h1 class="kern-heading-large">Leistungspakete</h1>
      <p class="kern-body">Neue Pakete und Versionen importieren Sie mit „amtsweg package import“.</p>
      <Table
        caption="Alle Versionen der Online-Dienste"
        head={['Leistung', 'Version', 'Status']}
        rows={props.packages.map((p) => [
          <a class="kern-link" href={versionUrl(p.id, p.version)} key="link">
            {p.title}
          </a>,
          p.version,
          <Badge type={STATUS[p.status].type} key="status">
            {STATUS[p.status].label}
          </Badge>,
        ])}
      />
    </StaffPage>
  );
}

export function PackageVersionPage(props: {
  frame: StaffFrame;
  pkg: CompiledPackage;
  status: PackageStatus;
  results: TestCaseResult[];
  canChange: boolean;
  done?: string;
}): VNode {
  const { id, version, metadata } = props.pkg.definition;
  const failed = props.results.filter((r) => !r.passed).length;
  const action = (verb: 'veroeffentlichen' | 'zurueckziehen', label: string) => (
    <Form action={`${versionUrl(id, version)}/${verb}`} csrfToken={props.frame.csrfToken}>
      <Button variant="secondary">{label}</Button>
    </Form>
  );
  return (
    <StaffPage frame={props.frame} title={`${metadata.title.de} ${version}`}>
      {props.done && <Alert type="success" title={props.done} />}
      <h1 class="kern-heading-large">
        {metadata.title.de} <span class="kern-body">Version {version}</span>
      </h1>
      <p class="kern-body">
        Status: <Badge type={STATUS[props.status].type}>{STATUS[props.status].label}</Badge>
      </p>
      <SummaryList
        rows={[
          { key: 'Kennung', value: id },
          { key: 'LeiKa-Schlüssel', value: metadata.leikaKeys.join(', ') || 'keiner' },
          { key: 'Vertrauensniveau', value: metadata.requiredTrustLevel },
          { key: 'Zuständig', value: metadata.responsibleOrgUnit.de },
        ]}
      />
      <h2 class="kern-heading-medium">Seiten</h2>
      <ol class="kern-list kern-list--number">
        {props.pkg.pages.map((page) => (
          <li key={page.def.id}>
            <a class="kern-link" href={`${versionUrl(id, version)}/vorschau/${page.def.id}`}>
              {page.def.title.de}
            </a>
            {page.def.condition && (
              <span class="kern-body kern-body--small"> (nur wenn: {page.def.condition})</span>
            )}
          </li>
        ))}
      </ol>
      <h2 class="kern-heading-medium">
        Testfälle: {props.results.length - failed} bestanden, {failed} fehlgeschlagen
      </h2>
      <Table
        caption="Ergebnis der Testfälle dieses Pakets"
        head={['Testfall', 'Ergebnis']}
        rows={props.results.map((r) => [r.name, r.passed ? '✔ bestanden' : `✖ ${r.failures.join('; ')}`])}
      />
      {props.canChange &&
        props.status === 'draft' &&
        failed === 0 &&
        action('veroeffentlichen', 'Diese Version veröffentlichen')}
      {props.canChange &&
        props.status === 'published' &&
        action('zurueckziehen', 'Diese Version zurückziehen')}
    </StaffPage>
  );
}

export function PackagePreviewPage(props: {
  frame: StaffFrame;
  pkg: CompiledPackage;
  pageId: string;
  title: string;
  items: readonly PageItem[];
  raw: Record<string, unknown>;
  errors: FieldError[];
  outcome?: string;
}): VNode {
  const { id, version, codeLists } = props.pkg.definition;
  return (
    <StaffPage frame={props.frame} title={`Vorschau: ${props.title}`} errors={props.errors}>
      <Alert type="info" title="Vorschau">
        So sieht die Seite für Bürgerinnen und Bürger aus. Eingaben werden geprüft, aber nicht gespeichert.
      </Alert>
      {props.outcome && <Alert type="success" title={props.outcome} />}
      <p class="kern-body">
        <a class="kern-link" href={versionUrl(id, version)}>
          Zurück zum Paket
        </a>
      </p>
      <h1 class="kern-heading-large">{props.title}</h1>
      <Form action={`${versionUrl(id, version)}/vorschau/${props.pageId}`} csrfToken={props.frame.csrfToken}>
        <PageItems
          items={props.items}
          raw={props.raw}
          errors={new Map(props.errors.map((e) => [e.field, e.message]))}
          codeLists={codeLists ?? {}}
          isPageHeading={false}
          locale="de"
        />
        <Button>Eingaben prüfen</Button>
      </Form>
    </StaffPage>
  );
}
