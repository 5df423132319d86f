import { useEffect, useState } from 'preact/hooks';
import { ACTOR_SEARCH_QUERY, ActorKind, ActorRef, gql } from '../../api';

/** What a picker gives back: a found structure, or the one a form started with. */
export interface Pickable { id: string; name: string; kind?: ActorKind }

/**
 * A structure found by name, as in "Déposer un flux": a search box, then a list of what matches.
 * The first match is picked as soon as it arrives, so typing a full name is enough.
 */
export function ActorSearch({ id, label, value, onChange, invalid }: {
  id: string; label: string; value: Pickable | null; onChange: (actor: Pickable | null) => void;
  invalid?: Record<string, unknown>;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ActorRef[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) { setFound([]); return; }
    let live = true;
    setSearching(true);
    const t = setTimeout(() => {
      gql<{ actors: { nodes: ActorRef[] } }>(ACTOR_SEARCH_QUERY, { text }).then((d) => {
        if (!live) return;
        setFound(d.actors.nodes);
        setSearching(false);
        if (d.actors.nodes.length && !d.actors.nodes.some((a) => a.id === value?.id)) onChange(d.actors.nodes[0]);
      }, () => { if (live) { setFound([]); setSearching(false); } });
    }, 250);
    return () => { live = false; clearTimeout(t); };
  }, [query]);

  const options: Pickable[] = value && !found.some((a) => a.id === value.id) ? [value, ...found] : found;
  const hint = query.trim().length < 2 ? 'Tapez au moins deux lettres du nom.' : searching ? 'Recherche…' : found.length ? `${found.length} structure${found.length > 1 ? 's' : ''} trouvée${found.length > 1 ? 's' : ''}.` : 'Aucune structure de ce nom.';
  return (
    <div class="actor-search">
      <div class="field">
        <label for={`${id}-search`}>{label} (recherche par nom)</label>
        <input id={`${id}-search`} type="text" value={query} autocomplete="off" aria-describedby={`${id}-hint`}
          onInput={(e) => setQuery(e.currentTarget.value)} />
        <small id={`${id}-hint`} aria-live="polite">{hint}</small>
      </div>
      <div class="field">
        <label for={id}>{label}</label>
        <select id={id} value={value?.id ?? ''} onChange={(e) => onChange(options.find((a) => a.id === e.currentTarget.value) ?? null)} {...invalid}>
          <option value="">{options.length ? '— choisir —' : 'Tapez un nom ci-dessus'}</option>
          {options.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </div>
    </div>
  );
}
