import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { LIVE_VIEW_QUERY } from '../../queries-sessions';
import { href } from '../../router';
import { frenchError } from './session-errors';
import { parisIso } from './session-format';
import type { LiveView } from './session-types';

const PHASE_LABELS: Record<LiveView['phase'], string> = { BEFORE: 'Avant le début', PITCH: 'Présentation', EXCHANGE: 'Échange', CHANGEOVER: 'Changement de table', AFTER: 'Session terminée' };

/** The room's big screen: the round under way, its phase and countdown, who sits where. */
export function Live({ id }: { id: string }) {
  const [rehearsal, setRehearsal] = useState('');
  const [view, setView] = useState<LiveView | null>(null);
  const [fetched, setFetched] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string | null>(null);

  const load = (at: string | null) =>
    gql<{ sessionLiveView: LiveView }>(LIVE_VIEW_QUERY, { sessionId: id, at })
      .then((d) => { setView(d.sessionLiveView); setFetched(Date.now()); setNow(Date.now()); setError(null); })
      .catch((e) => setError(frenchError(e)));
  useEffect(() => { void load(rehearsal ? parisIso(rehearsal) : null); }, [id, rehearsal]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.floor((now - fetched) / 1000);
  const left = view ? Math.max(0, view.secondsLeft - elapsed) : 0;
  useEffect(() => {
    // The phase is over: ask again, from the instant shown (the rehearsal time moves on too).
    if (view && view.phaseEndsAt && left === 0 && elapsed > 0) void load(new Date(Date.parse(view.at) + elapsed * 1000).toISOString());
  }, [left === 0]);
  const mmss = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
  const round = view?.currentRound ?? view?.nextRound;
  return (
    <section class="page sessions live" data-testid="live-view">
      <p><a href={href('sessions', { id })}>← Retour à la session</a></p>
      <h1>{view ? view.session.title : 'Vue en direct'}</h1>
      <form class="rehearsal" onSubmit={(e) => e.preventDefault()}>
        <label>Répétition : afficher la salle à l’heure de Paris{' '}
          <input type="datetime-local" value={rehearsal} onChange={(e) => setRehearsal((e.target as HTMLInputElement).value)} />
        </label>{' '}
        {rehearsal && <button type="button" onClick={() => setRehearsal('')}>Revenir à maintenant</button>}
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {view && (
        <>
          <div class="live-head">
            <p class="live-round">{view.currentRound ? `Tour ${view.currentRound} / ${view.session.rounds}` : view.nextRound ? `Prochain tour : ${view.nextRound}` : 'Aucun tour en cours'}</p>
            <p class="live-phase">{PHASE_LABELS[view.phase]}</p>
            {view.phase !== 'AFTER' && <p class="live-timer" role="timer" aria-label="Temps restant">{mmss}</p>}
          </div>
          {view.meetings.length > 0 && (
            <table class="live-tables" data-testid="live-tables">
              <caption>Qui est à quelle table{round ? ` (tour ${round})` : ''}</caption>
              <thead><tr><th scope="col">Table</th><th scope="col">Accueil</th><th scope="col">Présentation</th></tr></thead>
              <tbody>
                {[...view.meetings].sort((x, y) => x.table - y.table).map((m) => (
                  <tr key={m.id}><th scope="row">{m.table}</th><td>{m.a.name}</td><td>{m.b.name}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {view.notCheckedIn.length > 0 && (
            <p class="not-checked-in">Pas encore arrivés : {view.notCheckedIn.map((p) => p.personName ? `${p.actor.name} (${p.personName})` : p.actor.name).join(', ')}</p>
          )}
        </>
      )}
    </section>
  );
}
