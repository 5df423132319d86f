import { useState } from 'preact/hooks';
import { gql } from '../../api';
import { MARK_ABSENT_MUTATION, UNREGISTER_PARTICIPANT_MUTATION } from '../../queries-sessions';
import { href } from '../../router';
import { openDocument } from './agenda-documents';
import { frenchError } from './session-errors';
import { SIDE_LABELS } from './session-format';
import type { Run } from './SessionPage';
import type { Participant, SessionDetail } from './session-types';

const PRIORITY_SHORT = ['', 'souhaitable', 'important', 'indispensable'];

/** Who is registered, with their wishes, their absence on the day and their agenda. */
export function ParticipantTable({ session: s, busy, run, onError }: { session: SessionDetail; busy: boolean; run: Run; onError: (text: string) => void }) {
  const [absentRound, setAbsentRound] = useState<Record<string, string>>({});
  const rounds = Array.from({ length: s.rounds }, (_, i) => i + 1);
  const started = Date.parse(s.startsAt) <= Date.now();

  const markAbsent = (p: Participant) => {
    const fromRound = Number(absentRound[p.actor.id] ?? '1');
    void run(() => gql(MARK_ABSENT_MUTATION, { sessionId: s.id, actorId: p.actor.id, fromRound }), `${p.actor.name} : absent à partir du tour ${fromRound}, planning mis à jour.`);
  };
  const unregister = (p: Participant) => {
    if (!confirm(`Désinscrire ${p.actor.name} de la session ?${s.schedule ? ' Le planning sera à régénérer.' : ''}`)) return;
    void run(() => gql(UNREGISTER_PARTICIPANT_MUTATION, { sessionId: s.id, actorId: p.actor.id }), `${p.actor.name} : inscription retirée.`);
  };
  const doc = (path: string, download?: string) => { openDocument(path, download).catch((e) => onError(frenchError(e))); };

  return (
    <>
      <h2>Participants ({s.participants.length})</h2>
      {s.participants.length === 0 ? (
        <p class="empty">Aucun participant inscrit : commencez par « Inscrire un participant ».</p>
      ) : (
        <div class="table-scroll">
          <table class="participants" data-testid="participants">
            <thead><tr><th scope="col">Structure</th><th scope="col">Rôle</th><th scope="col">Personne</th><th scope="col">Tours</th><th scope="col">Souhaits</th><th scope="col">Absence</th><th scope="col">Agenda</th><th scope="col">Inscription</th></tr></thead>
            <tbody>
              {s.participants.map((p) => (
                <tr key={p.actor.id}>
                  <th scope="row">{p.actor.name}</th>
                  <td>{p.side ? SIDE_LABELS[p.side] : '—'}</td>
                  <td>{p.personName ?? '—'}{p.personRole ? ` (${p.personRole})` : ''}</td>
                  <td>{p.availableRounds.length === s.rounds ? 'tous' : p.availableRounds.join(', ')}</td>
                  <td class="wishes">
                    {p.wishes.length === 0 ? '—' : p.wishes.map((w) => `${w.actor.name} (${PRIORITY_SHORT[w.priority] ?? w.priority})`).join(', ')}
                    {p.avoid.length > 0 && <small><br />à éviter : {p.avoid.map((a) => a.name).join(', ')}</small>}
                  </td>
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
                  <td class="doc-buttons">
                    <a href={href('sessions', { id: s.id, vue: 'inscription', acteur: p.actor.id })} aria-label={`Modifier l’inscription de ${p.actor.name}`}>Modifier</a>
                    {!started && <>{' '}<button type="button" class="link" disabled={busy} aria-label={`Désinscrire ${p.actor.name}`} onClick={() => unregister(p)}>Désinscrire</button></>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
