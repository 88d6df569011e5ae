/**
 * The OZG progress dashboard, organised by the council's questions. The same view serves staff (with
 * internal notes and links to maintain the data) and the public (without them).
 */
import type { ComponentChildren, VNode } from 'preact';
import type { CouncilReport } from '../../catalog/council-report.ts';
import { formatFigureValue } from '../../catalog/figure.ts';
import { Alert } from '../components/alert.tsx';
import { BarChart, LineChart, StackedBarChart } from '../components/charts.tsx';
import { FigureBlock } from '../components/figure-block.tsx';
import { dateTimeFormat } from '../context.ts';

export interface DashboardProps {
  tenantName: string;
  report: CouncilReport;
  /** Path the figure downloads hang off, e.g. /ozg-stand/daten. */
  dataHref: string;
  /** Warn about package LeiKa keys the catalogue does not know (staff only). */
  showUnknownKeys?: boolean;
}

const QUESTIONS = [
  ['anbieten', 'Wie viele Leistungen müssen wir anbieten, und wie viele sind online?'],
  ['seit-wann', 'Seit wann sind sie online?'],
  ['reifegrad', 'Mit welchem Reifegrad?'],
  ['kosten', 'Was kosten sie?'],
  ['warum-nicht', 'Warum sind die anderen noch nicht online, und wann kommen sie?'],
  ['antraege', 'Wie viele Anträge kommen online?'],
] as const;

function Question(props: { id: (typeof QUESTIONS)[number][0]; children: ComponentChildren }): VNode {
  const title = QUESTIONS.find(([id]) => id === props.id)?.[1];
  return (
    <section class="app-question" aria-labelledby={`frage-${props.id}`}>
      <h2 class="kern-heading-medium" id={`frage-${props.id}`}>
        {title}
      </h2>
      {props.children}
    </section>
  );
}

function KeyNumber(props: { value: number; unit: string; text: string }): VNode {
  return (
    <div class="app-key-number">
      <p class="kern-body">
        <span class="app-key-number__value">{formatFigureValue(props.value, 'count')}</span> {props.unit}
      </p>
      <p class="kern-body kern-body--small">{props.text}</p>
    </div>
  );
}

export function Dashboard(props: DashboardProps): VNode {
  const { figures: f, totals: t, catalogState, demo, unknownKeys } = props.report;
  const { dataHref } = props;
  const href = (id: string) => `${dataHref}/${id}`;
  return (
    <>
      <h1 class="kern-heading-large">Stand der OZG-Umsetzung in {props.tenantName}</h1>
      <p class="kern-body">
        Das Onlinezugangsgesetz (OZG) verpflichtet die Verwaltung, ihre Leistungen auch online anzubieten.
        Diese Seite zeigt live aus Amtsweg, wie weit die Umsetzung ist. Grundlage ist der {catalogState}.
      </p>
      <p class="kern-body">Stand der Zahlen: {dateTimeFormat.format(props.report.generatedAt)} Uhr.</p>
      {demo && (
        <Alert type="info" title="Demodaten">
          In dieser Entwicklungsumgebung sind Demodaten geladen: der Stand, den die Stadt Mainz 2024 ihrem
          Stadtrat berichtet hat (120 Leistungen in 50 OZG-Leistungsbündeln online). Daten, Anbieter und
          Zahlen der einzelnen Leistungen sind erfunden.
        </Alert>
      )}
      {props.showUnknownKeys && unknownKeys.length > 0 && (
        <Alert type="warning" title="Leistungsschlüssel nicht im Katalog">
          Diese Leistungspakete nennen LeiKa-Schlüssel, die der geladene Katalog nicht kennt, und werden
          deshalb nicht mitgezählt: {unknownKeys.map((u) => `${u.serviceId} (${u.leikaKey})`).join(', ')}.
          Laden Sie einen neueren Katalog mit „amtsweg catalog import“.
        </Alert>
      )}
      <nav aria-labelledby="fragen">
        <h2 class="kern-heading-small" id="fragen">
          Die Fragen auf dieser Seite
        </h2>
        <ol class="kern-list">
          {QUESTIONS.map(([id, title]) => (
            <li key={id}>
              <a class="kern-link" href={`#frage-${id}`}>
                {title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <Question id="anbieten">
        <div class="app-key-numbers">
          <KeyNumber
            value={t.online}
            unit="Leistungen online"
            text={`von ${formatFigureValue(t.required, 'count')} anzubietenden Leistungen (LeiKa)`}
          />
          <KeyNumber
            value={t.onlineBundles}
            unit="OZG-Leistungsbündel online"
            text={`von ${formatFigureValue(t.requiredBundles, 'count')} Bündeln mit anzubietenden Leistungen`}
          />
          <KeyNumber
            value={t.planned}
            unit="Leistungen geplant"
            text={`${formatFigureValue(t.open, 'count')} sind noch nicht bewertet`}
          />
        </div>
        <FigureBlock figure={f.headline} exportHref={href(f.headline.id)} headingLevel={3} />
        <FigureBlock
          figure={f.themenfelder}
          chart={<BarChart figure={f.themenfelder} labelKey="themenfeld" valueKeys={['share']} max={100} />}
          exportHref={href(f.themenfelder.id)}
          headingLevel={3}
        />
        <FigureBlock figure={f.onlineServices} exportHref={href(f.onlineServices.id)} headingLevel={3} />
      </Question>

      <Question id="seit-wann">
        <FigureBlock
          figure={f.trend}
          chart={<LineChart figure={f.trend} xKey="month" yKey="leistungen" />}
          exportHref={href(f.trend.id)}
          headingLevel={3}
        />
      </Question>

      <Question id="reifegrad">
        <p class="kern-body">
          Nach dem Reifegradmodell 1.1 gilt eine Leistung ab Stufe 3 („Online-Leistung“) als OZG-konform. Das
          Modell 2.0 gilt seit 2025 und bewertet in acht Stufen; die schwächste Anforderung bestimmt die
          Stufe.
        </p>
        <FigureBlock
          figure={f.maturity11}
          chart={<BarChart figure={f.maturity11} labelKey="level" valueKeys={['count']} />}
          exportHref={href(f.maturity11.id)}
          headingLevel={3}
        />
        <FigureBlock
          figure={f.maturity20}
          chart={<BarChart figure={f.maturity20} labelKey="level" valueKeys={['count']} />}
          exportHref={href(f.maturity20.id)}
          headingLevel={3}
        />
      </Question>

      <Question id="kosten">
        <FigureBlock figure={f.costs} exportHref={href(f.costs.id)} headingLevel={3} />
      </Question>

      <Question id="warum-nicht">
        <FigureBlock
          figure={f.delayReasons}
          chart={<BarChart figure={f.delayReasons} labelKey="reason" valueKeys={['count']} />}
          exportHref={href(f.delayReasons.id)}
          headingLevel={3}
        />
        <FigureBlock
          figure={f.plannedByMonth}
          chart={<BarChart figure={f.plannedByMonth} labelKey="month" valueKeys={['count']} />}
          exportHref={href(f.plannedByMonth.id)}
          headingLevel={3}
        />
        <FigureBlock figure={f.plannedServices} exportHref={href(f.plannedServices.id)} headingLevel={3} />
      </Question>

      <Question id="antraege">
        <FigureBlock
          figure={f.digitalShare}
          chart={
            <StackedBarChart figure={f.digitalShare} labelKey="leistung" valueKeys={['online', 'paper']} />
          }
          exportHref={href(f.digitalShare.id)}
          headingLevel={3}
        />
      </Question>
      <p class="kern-body">
        <a class="kern-link" href={`${dataHref}.json`}>
          Alle Zahlen als JSON herunterladen
        </a>
      </p>
    </>
  );
}
