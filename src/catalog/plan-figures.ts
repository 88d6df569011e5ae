/** The figures about what is not online yet: planned go-lives, reasons for delay, the planned list. */

import type { Audience } from './council-figures.ts';
import type { Figure } from './figure.ts';
import { count, monthOf } from './figure-math.ts';
import type { LeistungProgress } from './progress.ts';
import { DELAY_REASONS, type DelayReason } from './status.ts';

export function plannedByMonthFigure(planned: LeistungProgress[], today: string): Figure {
  const byMonth = new Map<string, number>();
  for (const l of planned) {
    if (!l.targetDate) continue;
    const month = monthOf(l.targetDate);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
  }
  const rows = [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ month, count: n }));
  const overdue = planned.filter((l) => l.targetDate !== null && l.targetDate < today).length;
  return {
    id: 'geplante-starts',
    title: 'Geplante Starts nach Monat',
    summary: `${count(planned.length)} Leistungen sind geplant${overdue ? `; bei ${count(overdue)} ist der geplante Termin schon vorbei` : ''}.`,
    columns: [
      { key: 'month', label: 'Geplant ab', kind: 'month' },
      { key: 'count', label: 'Leistungen', kind: 'count' },
    ],
    rows,
  };
}

export function delayReasonFigure(planned: LeistungProgress[]): Figure {
  const rows = (Object.keys(DELAY_REASONS) as DelayReason[])
    .map((reason) => ({
      reason: DELAY_REASONS[reason],
      count: planned.filter((l) => l.delayReason === reason).length,
    }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
  return {
    id: 'gruende',
    title: 'Gründe, warum geplante Leistungen noch nicht online sind',
    summary: rows[0]
      ? `Der häufigste Grund ist „${rows[0].reason}“ (${count(rows[0].count)} Leistungen).`
      : 'Für keine geplante Leistung ist ein Grund angegeben.',
    columns: [
      { key: 'reason', label: 'Grund', kind: 'text' },
      { key: 'count', label: 'Leistungen', kind: 'count' },
    ],
    rows,
  };
}

export function plannedServicesFigure(planned: LeistungProgress[], audience: Audience): Figure {
  const rows = [...planned]
    .sort(
      (a, b) => (a.targetDate ?? '').localeCompare(b.targetDate ?? '') || a.name.localeCompare(b.name, 'de'),
    )
    .map((l) => ({
      leistung: l.name,
      leikaKey: l.leikaKey,
      target: l.targetDate,
      reason: l.delayReason ? DELAY_REASONS[l.delayReason] : null,
      ...(audience === 'staff' ? { note: l.internalNote } : {}),
    }));
  return {
    id: 'geplante-leistungen',
    title: 'Geplante Leistungen',
    summary: `${count(rows.length)} Leistungen sind geplant, die frühesten zuerst.`,
    columns: [
      { key: 'leistung', label: 'Leistung', kind: 'text' },
      { key: 'leikaKey', label: 'LeiKa-Schlüssel', kind: 'text' },
      { key: 'target', label: 'Geplant ab', kind: 'date' },
      { key: 'reason', label: 'Grund für die Verzögerung', kind: 'text' },
      ...(audience === 'staff' ? [{ key: 'note', label: 'Interne Notiz', kind: 'text' as const }] : []),
    ],
    rows,
  };
}
