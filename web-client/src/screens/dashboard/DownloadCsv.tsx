import { useEffect, useMemo } from 'preact/hooks';
import type { DashboardData } from './types';
import { dashboardCsv } from './csv';

const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const isoDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);

/** A link to the figures as a CSV file, made in the browser: nothing more to ask the server. */
export function DownloadCsv({ data, today }: { data: DashboardData; today: Date }) {
  const date = isoDate(today);
  const url = useMemo(() => URL.createObjectURL(new Blob([dashboardCsv(data, date)], { type: 'text/csv;charset=utf-8' })), [data, date]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const t = data.territoryDashboard.territory;
  return <a class="button-link" href={url} download={`tableau-de-bord-${slug(t.name)}-${t.code}-${date}.csv`}>Télécharger les chiffres (CSV)</a>;
}
