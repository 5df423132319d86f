import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { SESSION_QUERY } from '../../queries-sessions';
import { href } from '../../router';
import { CheckIn } from './CheckIn';
import { ParticipantTable } from './ParticipantTable';
import { SchedulePanel } from './SchedulePanel';
import { frenchError } from './session-errors';
import { frDate } from './session-format';
import type { Participant, SessionDetail } from './session-types';

/** What a form that led back here has just done, said once on arrival ("Session créée."). */
let flash: string | null = null;
export function sayOnSessionPage(text: string): void { flash = text; }

/** An action of the page: the busy flag, then a French status line or an error. */
export type Run = (action: () => Promise<unknown>, done: string) => Promise<void>;

export function SessionPage({ id }: { id: string }) {
  const [s, setS] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(() => { const f = flash; flash = null; return f; });

  const load = () =>
    gql<{ matchmakingSession: SessionDetail | null }>(SESSION_QUERY, { id })
      .then((d) => {
        if (!d.matchmakingSession) setError('Session introuvable : elle a peut-être été supprimée.');
        setS(d.matchmakingSession);
      })
      .catch((e) => setError(frenchError(e)));
  useEffect(() => { void load(); }, [id]);

  const run: Run = async (action, done) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      await load();
      setNotice(done);
    } catch (e) {
      setError(frenchError(e));
    } finally {
      setBusy(false);
    }
  };
  // A check-in changes one row: no need to read the whole session again (it may be a phone on a weak network).
  const checkedIn = (actorId: string, checkedInAt: string | null) =>
    setS((old) => old && { ...old, participants: old.participants.map((p): Participant => (p.actor.id === actorId ? { ...p, checkedInAt } : p)) });

  if (!s) return <section class="page sessions"><h1>Session</h1>{error ? <p role="alert" class="error">{error}</p> : <p role="status">Chargement…</p>}</section>;
  const tz = s.timeZone;
  const upcoming = Date.parse(s.startsAt) > Date.now();
  const last = s.roundWindows[s.roundWindows.length - 1];
  // The day itself (from 12 hours before the start to the end): the check-in list opens by itself.
  const onTheDay = Date.now() > Date.parse(s.startsAt) - 12 * 3_600_000 && (!last || Date.now() < Date.parse(last.endsAt) + 3_600_000);
  return (
    <section class="page sessions">
      <p><a href={href('sessions')}>← Toutes les sessions</a></p>
      <h1>{s.title}</h1>
      <dl class="session-settings">
        <dt>Date</dt><dd>{frDate(s.startsAt, tz)} <span class={`badge ${upcoming ? 'badge-upcoming' : 'badge-past'}`}>{upcoming ? 'à venir' : 'passée'}</span></dd>
        <dt>Inscriptions</dt><dd>{s.registrationDeadline ? `jusqu’au ${frDate(s.registrationDeadline, tz)}` : 'ouvertes jusqu’au début de la session'}</dd>
        {s.venueName && <><dt>Lieu</dt><dd>{s.venueName}{s.venueAddress ? `, ${s.venueAddress}` : ''}</dd></>}
        <dt>Format</dt><dd>{s.mode === 'BIPARTITE' ? 'Bipartite (présentations aux tables d’accueil)' : 'Ouvert (tout le monde peut se rencontrer)'} · {s.rounds} tours · {s.tables} tables</dd>
        <dt>Durées</dt><dd>{s.pitchMinutes} min de présentation, {s.exchangeMinutes} min d’échange, {s.changeoverMinutes} min pour changer de table</dd>
        {s.theme && <><dt>Projet</dt><dd>{s.theme.title}{s.theme.needs.length > 0 && ` — besoins : ${s.theme.needs.map((n) => n.label).join(', ')}`}</dd></>}
      </dl>
      <ul class="session-actions">
        <li><a class="button" href={href('sessions', { id: s.id, vue: 'inscription' })}>Inscrire un participant</a></li>
        <li><a class="button secondary" href={href('sessions', { id: s.id, vue: 'modifier' })}>Modifier les réglages</a></li>
        <li><a class="button secondary" href={href('sessions', { id: s.id, vue: 'direct' })}>Vue en direct (grand écran)</a></li>
        <li><a class="button secondary" href={href('sessions', { id: s.id, vue: 'suivi' })}>Suivi des rencontres</a></li>
      </ul>
      {error && <p role="alert" class="error">{error}</p>}
      <p role="status" class="notice">{notice}</p>

      <CheckIn session={s} open={onTheDay} onChange={checkedIn} />
      <ParticipantTable session={s} busy={busy} run={run} onError={setError} />
      <SchedulePanel session={s} busy={busy} run={run} onError={setError} />
    </section>
  );
}
