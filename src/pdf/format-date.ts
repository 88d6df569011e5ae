// Official documents state dates in the authority's local time, whatever the server's time zone is.
const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const timeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "25.11.2026" */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "25.11.2026, 14:05 Uhr" */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)}, ${timeFormat.format(date)} Uhr`;
}
