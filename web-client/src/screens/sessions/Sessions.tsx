import './sessions.css';
import { useEffect, useState } from 'preact/hooks';
import { gql, session as auth } from '../../api';
import { SESSIONS_QUERY } from '../../queries-sessions';
import { href, Route } from '../../router';
import { frDate } from './session-format';
import type { SessionSummary } from './session-types';

type Views = typeof import('./views');
let views: Promise<Views> | null = null;

export { parisIso } from './session-format';

/**
 * "Sessions de rencontres": the list, and the router of a session's views
 * (?id=… the session; &vue=modifier, inscription, direct, suivi; ?vue=nouvelle to create one).
 */
export function Sessions({ route }: { route: Route }) {
  const id = route.params.get('id');
  const view = route.params.get('vue');
  if (!auth.token()) {
    return (
      <section class="page sessions">
        <h1>Sessions de rencontres</h1>
        <p>Les sessions, leurs participants et leur planning sont réservés aux personnes connectées. <a href={href('connexion')}>Se connecter</a></p>
      </section>
    );
  }
  if (!id && view !== 'nouvelle') return <SessionList />;
  return <SessionView id={id} view={view} actorId={route.params.get('acteur')} />;
}

function SessionView({ id, view, actorId }: { id: string | null; view: string | null; actorId: string | null }) {
  const [v, setV] = useState<Views | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    views ??= import('./views');
    views.then(setV, () => { views = null; setFailed(true); });
  }, []);
  if (!v) {
    return (
      <section class="page sessions">
        {failed ? <p role="alert" class="error">Cette page n’a pas pu être chargée : vérifiez votre connexion puis rechargez la page.</p> : <p role="status">Chargement…</p>}
      </section>
    );
  }
  if (!id) return <v.SessionForm />;
  switch (view) {
    case 'direct': return <v.Live id={id} />;
    case 'suivi': return <v.FollowUp id={id} />;
    case 'modifier': return <v.SessionForm id={id} />;
    case 'inscription': return <v.Registration id={id} actorId={actorId} />;
    default: return <v.SessionPage id={id} />;
  }
}

function SessionList() {
  const [items, setItems] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ matchmakingSessions: { items: SessionSummary[] } }>(SESSIONS_QUERY, { first: 100 })
      .then((d) => setItems(d.matchmakingSessions.items))
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const now = Date.now();
  return (
    <section class="page sessions">
      <h1>Sessions de rencontres</h1>
      <p class="hint">Des rencontres courtes et tournantes entre structures d’un territoire (format ecoCIRC : 5 minutes de présentation, un quart d’heure d’échange, 5 à 6 tours).</p>
      <p><a class="button" href={href('sessions', { vue: 'nouvelle' })}>Nouvelle session</a></p>
      {error && <p role="alert" class="error">{error}</p>}
      {!items && !error && <p role="status">Chargement des sessions…</p>}
      {items && items.length === 0 && <p class="empty">Aucune session pour l’instant : créez la première avec « Nouvelle session ».</p>}
      {items && items.length > 0 && (
        <ul class="session-list" data-testid="session-list">
          {items.map((s) => (
            <li key={s.id}>
              <a href={href('sessions', { id: s.id })}>{s.title}</a>
              <span> — {frDate(s.startsAt, s.timeZone)}</span>
              <span class={`badge ${Date.parse(s.startsAt) > now ? 'badge-upcoming' : 'badge-past'}`}>{Date.parse(s.startsAt) > now ? 'à venir' : 'passée'}</span>
              {s.scheduleStale && <span class="badge badge-stale">planning à régénérer</span>}
              {!s.scheduledAt && <span class="badge">sans planning</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
