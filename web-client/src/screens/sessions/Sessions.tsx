import './sessions.css';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql, session as auth } from '../../api';
import { GENERATE_SCHEDULE_MUTATION, LIVE_VIEW_QUERY, MARK_ABSENT_MUTATION, SESSION_QUERY, SESSIONS_QUERY } from '../../queries-sessions';
import { href, Route } from '../../router';
import { FollowUp } from './FollowUp';

// ---- Types of the answers (a subset of schema.graphql) ----
interface Named { id: string; name: string }
interface Meeting { id: string; round: number; table: number; startsAt: string; endsAt: string; score: number; reasons: string[]; a: Named; b: Named }
interface Stats { meetingCount: number; minMeetings: number; meanMeetings: number; maxMeetings: number; belowFairShare: number; mutualWishesScheduled: number; oneSidedWishesScheduled: number }
interface Schedule { meetings: Meeting[]; stats: Stats }
interface Participant { actor: Named; side: 'HOST' | 'PITCHER' | null; personName: string | null; personRole: string | null; availableRounds: number[]; absentFromRound: number | null; checkedInAt: string | null }
interface SessionSummary { id: string; title: string; startsAt: string; timeZone: string; rounds: number; tables: number; mode: 'BIPARTITE' | 'OPEN'; scheduleStale: boolean; scheduledAt: string | null }
interface SessionDetail extends SessionSummary {
  pitchMinutes: number; exchangeMinutes: number; changeoverMinutes: number; venueName: string | null; venueAddress: string | null;
  scheduleSeed: number | null; roundWindows: { round: number; startsAt: string; endsAt: string }[]; participants: Participant[]; schedule: Schedule | null;
}
interface LiveView {
  at: string; currentRound: number | null; nextRound: number | null; phase: 'AFTER' | 'BEFORE' | 'CHANGEOVER' | 'EXCHANGE' | 'PITCH'; phaseEndsAt: string | null; secondsLeft: number;
  meetings: Meeting[]; notCheckedIn: { actor: Named; personName: string | null }[]; session: { id: string; title: string; rounds: number };
}

const frDate = (iso: string, timeZone = 'Europe/Paris', withTime = true): string =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', ...(withTime ? { timeStyle: 'short' } : {}), timeZone }).format(new Date(iso));
const frTime = (iso: string, timeZone = 'Europe/Paris'): string => new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone }).format(new Date(iso));
const nf1 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const pct = (x: number): string => `${Math.round(x * 100)} %`;
const SIDE_LABELS = { HOST: 'Accueille (table)', PITCHER: 'Présente (tourne)' } as const;
const PHASE_LABELS: Record<LiveView['phase'], string> = { BEFORE: 'Avant le début', PITCH: 'Présentation', EXCHANGE: 'Échange', CHANGEOVER: 'Changement de table', AFTER: 'Session terminée' };
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** "2026-03-12T09:00" read as a wall-clock time in Europe/Paris → ISO 8601 with its offset. */
export function parisIso(local: string, timeZone = 'Europe/Paris'): string {
  const naive = Date.parse(`${local}:00Z`);
  const offsetAt = (t: number): number => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - t;
  };
  let offset = offsetAt(naive);
  offset = offsetAt(naive - offset);
  const minutes = Math.round(offset / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${local}:00${sign}${hh}:${mm}`;
}

/** Fetches an agenda document with the token and opens it (or downloads it). */
async function openDocument(path: string, download?: string): Promise<void> {
  const token = auth.token();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(`Document indisponible (HTTP ${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  if (download) {
    const a = document.createElement('a');
    a.href = url;
    a.download = download;
    document.body.append(a);
    a.click();
    a.remove();
  } else window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function Sessions({ route }: { route: Route }) {
  const id = route.params.get('id');
  if (!auth.token()) {
    return (
      <section class="page sessions">
        <h1>Sessions de rencontres</h1>
        <p>Les sessions, leurs participants et leur planning sont réservés aux personnes connectées. <a href={href('connexion')}>Se connecter</a></p>
      </section>
    );
  }
  if (id && route.params.get('vue') === 'direct') return <Live id={id} />;
  if (id && route.params.get('vue') === 'suivi') return <FollowUp id={id} />;
  if (id) return <SessionPage id={id} />;
  return <SessionList />;
}

function SessionList() {
  const [items, setItems] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ matchmakingSessions: { items: SessionSummary[] } }>(SESSIONS_QUERY, { first: 100 })
      .then((d) => setItems(d.matchmakingSessions.items))
      .catch((e) => setError(errorText(e)));
  }, []);
  const now = Date.now();
  return (
    <section class="page sessions">
      <h1>Sessions de rencontres</h1>
      {error && <p role="alert" class="error">{error}</p>}
      {!items && !error && <p role="status">Chargement des sessions…</p>}
      {items && items.length === 0 && <p>Aucune session pour l’instant.</p>}
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

function SessionPage({ id }: { id: string }) {
  const [s, setS] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [seed, setSeed] = useState('');
  const [absentRound, setAbsentRound] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const load = () =>
    gql<{ matchmakingSession: SessionDetail | null }>(SESSION_QUERY, { id })
      .then((d) => {
        if (!d.matchmakingSession) setError('Session introuvable.');
        setS(d.matchmakingSession);
        if (d.matchmakingSession?.scheduleSeed != null) setSeed((old) => old || String(d.matchmakingSession!.scheduleSeed));
      })
      .catch((e) => setError(errorText(e)));
  useEffect(() => { void load(); }, [id]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      await load();
      setNotice(done);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const generate = (e: Event) => {
    e.preventDefault();
    const n = seed.trim() === '' ? null : Number(seed);
    if (n !== null && !Number.isInteger(n)) { setError('La graine doit être un nombre entier.'); return; }
    void run(() => gql(GENERATE_SCHEDULE_MUTATION, { sessionId: id, seed: n }), 'Planning généré.');
  };
  const markAbsent = (p: Participant) => {
    const fromRound = Number(absentRound[p.actor.id] ?? '1');
    void run(() => gql(MARK_ABSENT_MUTATION, { sessionId: id, actorId: p.actor.id, fromRound }), `${p.actor.name} : absent à partir du tour ${fromRound}, planning mis à jour.`);
  };
  const doc = (path: string, download?: string) => { openDocument(path, download).catch((e) => setError(errorText(e))); };

  if (!s) return <section class="page sessions"><h1>Session</h1>{error ? <p role="alert" class="error">{error}</p> : <p role="status">Chargement…</p>}</section>;
  const tz = s.timeZone;
  const rounds = Array.from({ length: s.rounds }, (_, i) => i + 1);
  const byCell = new Map((s.schedule?.meetings ?? []).map((m) => [`${m.round}-${m.table}`, m]));
  const tables = Array.from({ length: Math.max(0, ...(s.schedule?.meetings ?? []).map((m) => m.table)) }, (_, i) => i + 1);
  const windows = new Map(s.roundWindows.map((w) => [w.round, w]));
  const upcoming = Date.parse(s.startsAt) > Date.now();
  return (
    <section class="page sessions">
      <p><a href={href('sessions')}>← Toutes les sessions</a></p>
      <h1>{s.title}</h1>
      <dl class="session-settings">
        <dt>Date</dt><dd>{frDate(s.startsAt, tz)} <span class={`badge ${upcoming ? 'badge-upcoming' : 'badge-past'}`}>{upcoming ? 'à venir' : 'passée'}</span></dd>
        {s.venueName && <><dt>Lieu</dt><dd>{s.venueName}{s.venueAddress ? `, ${s.venueAddress}` : ''}</dd></>}
        <dt>Format</dt><dd>{s.mode === 'BIPARTITE' ? 'Bipartite (présentations aux tables d’accueil)' : 'Ouvert (tout le monde peut se rencontrer)'} · {s.rounds} tours · {s.tables} tables</dd>
        <dt>Durées</dt><dd>{s.pitchMinutes} min de présentation, {s.exchangeMinutes} min d’échange, {s.changeoverMinutes} min pour changer de table</dd>
      </dl>
      <p><a class="button" href={href('sessions', { id: s.id, vue: 'direct' })}>Vue en direct (grand écran)</a></p>
      {error && <p role="alert" class="error">{error}</p>}
      {notice && <p role="status" class="notice">{notice}</p>}

      <h2>Participants ({s.participants.length})</h2>
      {s.participants.length === 0 ? <p>Aucun participant inscrit.</p> : (
        <div class="table-scroll">
          <table class="participants" data-testid="participants">
            <thead><tr><th scope="col">Structure</th><th scope="col">Rôle</th><th scope="col">Personne</th><th scope="col">Tours</th><th scope="col">Absence</th><th scope="col">Agenda</th></tr></thead>
            <tbody>
              {s.participants.map((p) => (
                <tr key={p.actor.id}>
                  <th scope="row">{p.actor.name}</th>
                  <td>{p.side ? SIDE_LABELS[p.side] : '—'}</td>
                  <td>{p.personName ?? '—'}{p.personRole ? ` (${p.personRole})` : ''}</td>
                  <td>{p.availableRounds.length === s.rounds ? 'tous' : p.availableRounds.join(', ')}</td>
                  <td>
                    {p.absentFromRound != null && <span class="badge badge-stale">absent dès le tour {p.absentFromRound}</span>}
                    {s.schedule && (
                      <span class="absent-control">
                        <label>À partir du tour{' '}
                          <select value={absentRound[p.actor.id] ?? '1'} onChange={(e) => setAbsentRound({ ...absentRound, [p.actor.id]: (e.target as HTMLSelectElement).value })}>
                            {rounds.map((r) => <option key={r} value={r}>{r}</option>)}
                          </select>
                        </label>{' '}
                        <button type="button" disabled={busy} aria-label={`Marquer absent : ${p.actor.name}`} onClick={() => markAbsent(p)}>Marquer absent</button>
                      </span>
                    )}
                  </td>
                  <td class="doc-buttons">
                    <button type="button" aria-label={`Agenda PDF de ${p.actor.name}`} onClick={() => doc(`/sessions/${s.id}/agendas/${p.actor.id}.pdf`, `agenda-${p.actor.name}.pdf`)}>PDF</button>{' '}
                    <button type="button" aria-label={`Agenda iCalendar de ${p.actor.name}`} onClick={() => doc(`/sessions/${s.id}/agendas/${p.actor.id}.ics`, `agenda-${p.actor.name}.ics`)}>iCalendar</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Planning</h2>
      {s.scheduleStale && <p class="warning">Les inscriptions ont changé depuis la génération du planning : générez-le à nouveau avant le jour J.</p>}
      <form class="generate" onSubmit={generate}>
        <label>Graine (facultatif, même graine = même planning){' '}
          <input type="number" step={1} inputMode="numeric" value={seed} onInput={(e) => setSeed((e.target as HTMLInputElement).value)} />
        </label>{' '}
        <button type="submit" disabled={busy}>Générer le planning</button>
      </form>
      {s.schedule && (
        <>
          <p class="doc-buttons">
            <button type="button" onClick={() => doc(`/sessions/${s.id}/agendas.pdf`)}>Imprimer les agendas de tous les participants</button>{' '}
            <button type="button" onClick={() => doc(`/sessions/${s.id}/tables.pdf`)}>Imprimer les affiches des tables</button>
          </p>
          <ul class="schedule-stats" data-testid="schedule-stats">
            <li>{s.schedule.stats.meetingCount} rencontres</li>
            <li>Rencontres par participant : min {s.schedule.stats.minMeetings}, moyenne {nf1.format(s.schedule.stats.meanMeetings)}, max {s.schedule.stats.maxMeetings}</li>
            <li>Souhaits servis : {pct(s.schedule.stats.mutualWishesScheduled)} des souhaits réciproques, {pct(s.schedule.stats.oneSidedWishesScheduled)} des souhaits à sens unique</li>
            <li>{s.schedule.stats.belowFairShare} participant(s) sous leur juste part</li>
          </ul>
          <div class="table-scroll">
            <table class="schedule-grid" data-testid="schedule-grid">
              <caption>Tours × tables {s.mode === 'BIPARTITE' ? '(accueil / présentation)' : ''}</caption>
              <thead><tr><th scope="col">Tour</th>{tables.map((t) => <th key={t} scope="col">Table {t}</th>)}</tr></thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r}>
                    <th scope="row">Tour {r}{windows.get(r) && <small> {frTime(windows.get(r)!.startsAt, tz)}</small>}</th>
                    {tables.map((t) => {
                      const m = byCell.get(`${r}-${t}`);
                      return (
                        <td key={t} data-testid={`cell-${r}-${t}`} title={m ? `Score ${nf1.format(m.score * 100)} / 100` : 'Table libre'}>
                          {m ? (
                            <>
                              <span class="host">{m.a.name}</span>
                              <span class="pitcher">{m.b.name}</span>
                              {m.reasons.length > 0 && <details><summary>Pourquoi</summary><ul>{m.reasons.map((x) => <li key={x}>{x}</li>)}</ul></details>}
                            </>
                          ) : <span class="empty">—</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {!s.schedule && <p>Pas encore de planning.</p>}
    </section>
  );
}

function Live({ id }: { id: string }) {
  const [rehearsal, setRehearsal] = useState('');
  const [view, setView] = useState<LiveView | null>(null);
  const [fetched, setFetched] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string | null>(null);

  const load = (at: string | null) =>
    gql<{ sessionLiveView: LiveView }>(LIVE_VIEW_QUERY, { sessionId: id, at })
      .then((d) => { setView(d.sessionLiveView); setFetched(Date.now()); setNow(Date.now()); setError(null); })
      .catch((e) => setError(errorText(e)));
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
