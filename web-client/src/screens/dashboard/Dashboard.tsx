import './dashboard.css';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { DASHBOARD_QUERY, TerritoryLevel } from '../../queries-dashboard';
import type { DashboardData } from './types';
import { href, navigate, Route } from '../../router';
import { DashboardCharts } from './DashboardCharts';
import { DownloadCsv } from './DownloadCsv';
import { KeyFigures } from './KeyFigures';
import { apiCode, isLevel, LEVEL_LABELS } from './labels';
import { TerritoryPicker } from './TerritoryPicker';

/** The territory of the demo data (seeds/demo/grand-orly-seine-bievre.json), shown until one is chosen. */
const DEFAULT_TERRITORY = { code: '200058014', level: 'EPT' as TerritoryLevel };

const frDate = (d: Date) => d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });

function explain(error: unknown, code: string): string {
  if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') {
    return `Aucun territoire ne porte le code « ${code} ». Choisissez-en un avec le champ de recherche ci-dessus.`;
  }
  return `Les chiffres n’ont pas pu être chargés : ${(error as Error).message}`;
}

/**
 * "Tableau de bord": a territory's figures and charts, ready to print or to paste into a report.
 * Public: the API gives counts and summed estimates, which name no one.
 */
export function Dashboard({ route }: { route: Route }) {
  const chosen = route.params.get('code');
  const level = chosen ? (isLevel(route.params.get('level')) ? route.params.get('level') as TerritoryLevel : null) : DEFAULT_TERRITORY.level;
  const code = apiCode(chosen ?? DEFAULT_TERRITORY.code, level);
  const [state, setState] = useState<{ code: string; data?: DashboardData; error?: string } | null>(null);

  useEffect(() => {
    let live = true;
    setState({ code });
    gql<DashboardData>(DASHBOARD_QUERY, { code }).then(
      (data) => live && setState({ code, data }),
      (e) => live && setState({ code, error: explain(e, code) }),
    );
    return () => { live = false; };
  }, [code]);

  const data = state?.code === code ? state.data : undefined;
  const d = data?.territoryDashboard;
  // The browser names a PDF after the page title: say which territory it is about.
  useEffect(() => { if (d) document.title = `Tableau de bord — ${d.territory.name} — Maillage`; }, [d]);
  const today = new Date();
  return (
    <div class="dashboard">
      <header class="dashboard-head">
        <h1>Tableau de bord{d ? ` — ${d.territory.name}` : ''}</h1>
        {d && <p class="dashboard-meta">{LEVEL_LABELS[d.territory.level]} · code {d.territory.code} · chiffres au {frDate(today)}{!chosen && ' · territoire de démonstration'}</p>}
      </header>
      <div class="dashboard-toolbar">
        <TerritoryPicker onPick={(t) => navigate('tableau', { code: t.code, level: t.level })} />
        {data && (
          <div class="dashboard-actions">
            <button type="button" onClick={() => window.print()}>Imprimer / enregistrer en PDF</button>
            <DownloadCsv data={data} today={today} />
            <a href={href('carte', { t: code })}>Voir ces acteurs sur la carte</a>
          </div>
        )}
      </div>
      <p role="status" class={data ? 'sr-only' : 'loading'}>
        {state?.error ? '' : data ? `Chiffres de ${data.territoryDashboard.territory.name} affichés.` : 'Chargement des chiffres du territoire…'}
      </p>
      {state?.error && <p role="alert" class="error-box">{state.error}</p>}
      {data && d && (
        <>
          <section aria-labelledby="dash-key-figures">
            <h2 id="dash-key-figures">Chiffres clés</h2>
            <KeyFigures d={d} />
          </section>
          <DashboardCharts data={data} />
        </>
      )}
    </div>
  );
}
