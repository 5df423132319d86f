import { useState } from 'preact/hooks';
import { gql } from '../../api';
import { CHECK_IN_MUTATION } from '../../queries-sessions';
import { frenchError } from './session-errors';
import { frTime, SIDE_LABELS } from './session-format';
import type { SessionDetail } from './session-types';

/** Lists longer than this get a search box: at the door, finding one name among forty is the slow part. */
const SEARCH_FROM = 8;
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The welcome desk on the day, on a laptop or a phone: one big "Présent·e" box per participant
 * and the count of arrivals. Ticking a box records the arrival at once; unticking undoes it.
 */
export function CheckIn({ session: s, open, onChange }: { session: SessionDetail; open: boolean; onChange: (actorId: string, checkedInAt: string | null) => void }) {
  // Ticked boxes waiting for the API: they show what was asked, not what was last stored.
  const [pending, setPending] = useState<Map<string, boolean>>(new Map());
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const arrived = s.participants.filter((p) => p.checkedInAt).length;
  const shown = search.trim() ? s.participants.filter((p) => fold(`${p.actor.name} ${p.personName ?? ''}`).includes(fold(search.trim()))) : s.participants;

  const toggle = async (actorId: string, name: string, present: boolean) => {
    setPending((old) => new Map(old).set(actorId, present));
    setError(null);
    try {
      const d = await gql<{ checkInParticipant: { checkedInAt: string | null } }>(CHECK_IN_MUTATION, { sessionId: s.id, actorId, present });
      const at = d.checkInParticipant.checkedInAt;
      onChange(actorId, at);
      setStatus(present && at ? `${name} : arrivée notée à ${frTime(at, s.timeZone)}.` : `${name} : arrivée annulée.`);
    } catch (e) {
      setError(`${name} : ${frenchError(e)}`);
    } finally {
      setPending((old) => { const next = new Map(old); next.delete(actorId); return next; });
    }
  };

  return (
    <section class="checkin" aria-labelledby="checkin-title">
      <h2 id="checkin-title">Accueil des participants</h2>
      <p class="checkin-count" data-testid="checkin-count"><strong>{arrived}</strong> arrivé·e{arrived > 1 ? 's' : ''} sur {s.participants.length} inscrit·e{s.participants.length > 1 ? 's' : ''}</p>
      <details open={open}>
        <summary>Pointer les arrivées</summary>
        {s.participants.length === 0 && <p class="empty">Personne n’est encore inscrit.</p>}
        {s.participants.length > SEARCH_FROM && (
          <div class="field checkin-search">
            <label for="checkin-search">Rechercher une structure ou une personne</label>
            <input id="checkin-search" type="text" value={search} onInput={(e) => setSearch(e.currentTarget.value)} autocomplete="off" />
          </div>
        )}
        {search.trim() !== '' && shown.length === 0 && <p class="empty">Aucun participant ne correspond à « {search.trim()} ».</p>}
        <ul class="checkin-list" data-testid="checkin-list">
          {shown.map((p) => (
            <li key={p.actor.id} class={p.checkedInAt ? 'arrived' : ''}>
              <label>
                <input type="checkbox" checked={pending.get(p.actor.id) ?? !!p.checkedInAt} disabled={pending.has(p.actor.id)}
                  onChange={(e) => void toggle(p.actor.id, p.actor.name, e.currentTarget.checked)} />
                <span class="checkin-toggle">Présent·e</span>{' '}
                <span class="checkin-who">
                  <strong>{p.actor.name}</strong>
                  {p.personName && ` · ${p.personName}`}
                  {p.side && <small> · {SIDE_LABELS[p.side]}</small>}
                </span>
              </label>
              {p.checkedInAt && <small class="checkin-at">arrivée à {frTime(p.checkedInAt, s.timeZone)}</small>}
              {p.absentFromRound != null && <span class="badge badge-stale">absent dès le tour {p.absentFromRound}</span>}
            </li>
          ))}
        </ul>
      </details>
      <p role="status" class="notice">{status}</p>
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}
