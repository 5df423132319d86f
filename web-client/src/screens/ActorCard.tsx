import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTOR_CARD_QUERY, ActorCard as Card, ComplementarityRow, gql, SynergyRow } from '../api';
import { COMPLEMENTARITY_LABELS, ECONOMY_LABELS, FAMILY_LABELS, KIND_LABELS, km, quantity, score } from '../format';

interface Data { actor: Card | null; synergies: SynergyRow[]; complementarities: ComplementarityRow[] }

export function ActorCard({ id, onClose, onSelect }: { id: string; onClose: () => void; onSelect: (id: string) => void }) {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    gql<Data>(ACTOR_CARD_QUERY, { id }).then((d) => live && setData(d), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [id]);
  useEffect(() => { if (data) heading.current?.focus(); }, [data]);

  return (
    <section class="actor-card" aria-labelledby="actor-card-title" data-testid="actor-card">
      <button type="button" class="close" onClick={onClose} aria-label="Fermer la fiche">×</button>
      {error && <p role="alert" class="error-box">{error}</p>}
      {!data && !error && <p role="status">Chargement de la fiche…</p>}
      {data && !data.actor && <p role="alert">Cet acteur n’existe plus.</p>}
      {data?.actor && (
        <>
          <h2 id="actor-card-title" tabIndex={-1} ref={heading}>{data.actor.name}</h2>
          <p class="meta">{KIND_LABELS[data.actor.kind]} · économie {ECONOMY_LABELS[data.actor.economy]}{data.actor.legalForm ? ` · ${data.actor.legalForm}` : ''}{data.actor.employees != null ? ` · ${data.actor.employees} salariés` : ''}</p>
          {data.actor.description && <p>{data.actor.description}</p>}
          {data.actor.address && <p class="meta">{data.actor.address}</p>}
          <h3>Flux ({data.actor.flows.length})</h3>
          {data.actor.flows.length === 0 ? <p class="empty">Aucun flux visible.</p> : (
            <ul class="flows">
              {data.actor.flows.map((f) => (
                <li key={f.id}><span class={`badge ${f.direction === 'OFFER' ? 'offer' : 'need'}`}>{f.direction === 'OFFER' ? 'Offre' : 'Besoin'}</span>{' '}
                  {f.description}{f.quantity != null ? ` — ${quantity(f.quantity, f.unit)}` : ''}
                  {f.category && <small> ({f.category.name}, {FAMILY_LABELS[f.category.family]})</small>}</li>
              ))}
            </ul>
          )}
          <h3>Synergies ({data.synergies.length})</h3>
          {data.synergies.length === 0 ? <p class="empty">Aucune synergie trouvée.</p> : (
            <ul class="reasons-list">
              {data.synergies.map((s) => {
                const other = s.offer.actor.id === id ? s.need.actor : s.offer.actor;
                return (
                  <li key={`${s.offer.id}-${s.need.id}`}>
                    <strong>{s.offer.actor.id === id ? 'Offre' : 'Besoin'} : {s.offer.category?.name ?? s.offer.description}</strong> avec{' '}
                    <button type="button" class="link" onClick={() => onSelect(other.id)}>{other.name}</button> — score {score(s.score)}, {km(s.distanceKm)}
                    <ul>{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                  </li>
                );
              })}
            </ul>
          )}
          <h3>Complémentarités ({data.complementarities.length})</h3>
          {data.complementarities.length === 0 ? <p class="empty">Aucune complémentarité trouvée.</p> : (
            <ul class="reasons-list">
              {data.complementarities.map((c) => {
                const other = c.a.id === id ? c.b : c.a;
                return (
                  <li key={`${c.kind}-${c.a.id}-${c.b.id}`}>
                    <strong>{COMPLEMENTARITY_LABELS[c.kind] ?? c.kind}</strong> avec{' '}
                    <button type="button" class="link" onClick={() => onSelect(other.id)}>{other.name}</button> — score {score(c.score)}, {km(c.distanceKm)}
                    <ul>{c.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
