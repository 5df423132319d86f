/** Dates, times and labels of the sessions screens, always in the session's own time zone. */
import type { Side } from './session-types';

export const frDate = (iso: string, timeZone = 'Europe/Paris', withTime = true): string =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', ...(withTime ? { timeStyle: 'short' } : {}), timeZone }).format(new Date(iso));
export const frTime = (iso: string, timeZone = 'Europe/Paris'): string => new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone }).format(new Date(iso));

export const SIDE_LABELS: Record<Side, string> = { HOST: 'Accueille (table)', PITCHER: 'Présente (tourne)' };

/** Time zones of France and its overseas territories: the places a French facilitator runs sessions in. */
export const TIME_ZONES: [string, string][] = [
  ['Europe/Paris', 'Métropole (Paris)'],
  ['America/Guadeloupe', 'Guadeloupe'],
  ['America/Martinique', 'Martinique'],
  ['America/Cayenne', 'Guyane'],
  ['Indian/Reunion', 'La Réunion'],
  ['Indian/Mayotte', 'Mayotte'],
  ['America/Miquelon', 'Saint-Pierre-et-Miquelon'],
  ['Pacific/Noumea', 'Nouvelle-Calédonie'],
  ['Pacific/Tahiti', 'Polynésie française (Tahiti)'],
  ['Pacific/Wallis', 'Wallis-et-Futuna'],
];

function wallClock(t: number, timeZone: string): Record<string, string> {
  return Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(t)).map((p) => [p.type, p.value]));
}

/** "2026-03-12T09:00" read as a wall-clock time in `timeZone` → ISO 8601 with its offset. */
export function parisIso(local: string, timeZone = 'Europe/Paris'): string {
  const naive = Date.parse(`${local}:00Z`);
  const offsetAt = (t: number): number => {
    const parts = wallClock(t, timeZone);
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - t;
  };
  // Twice: the offset at the naive instant may differ from the one at the real instant near a DST change.
  let offset = offsetAt(naive);
  offset = offsetAt(naive - offset);
  const minutes = Math.round(offset / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${local}:00${sign}${hh}:${mm}`;
}

/** An instant as the date and time fields of a form show it in `timeZone`. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const p = wallClock(Date.parse(iso), timeZone);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
