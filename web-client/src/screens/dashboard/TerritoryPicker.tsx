import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { TERRITORY_SEARCH_QUERY, TerritoryLevel, TerritoryRef } from '../../queries-dashboard';
import { LEVEL_LABELS } from './labels';

type SearchAnswer = Record<string, { totalCount: number; nodes: TerritoryRef[] }>;

const SHOWN = 12;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
/** Larger territories first when names tie: "Paris" the département before the communes near it. */
const LEVEL_ORDER: TerritoryLevel[] = ['REGION', 'DEPARTEMENT', 'EPT', 'EPCI', 'CUSTOM', 'COMMUNE'];

/** Exact names, then names starting with the text, then the rest; shorter names first. */
function rank(found: TerritoryRef[], text: string): TerritoryRef[] {
  const q = fold(text);
  const score = (t: TerritoryRef) => {
    const name = fold(t.name);
    return name === q ? 0 : name.startsWith(q) ? 1 : 2;
  };
  return [...found].sort((a, b) => score(a) - score(b) || a.name.length - b.name.length
    || LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.name.localeCompare(b.name, 'fr'));
}

/**
 * A search field over the territories by name, with a list of suggestions operated by mouse or
 * keyboard (ARIA combobox: arrows to move, Enter to choose, Escape to close).
 */
export function TerritoryPicker({ onPick }: { onPick: (t: TerritoryRef) => void }) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<TerritoryRef[]>([]);
  const [more, setMore] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = text.trim();
    setError(null);
    if (q.length < 2) { setOptions([]); setOpen(false); setStatus(''); return; }
    let live = true;
    const timer = setTimeout(() => {
      gql<SearchAnswer>(TERRITORY_SEARCH_QUERY, { name: q }).then((d) => {
        if (!live) return;
        const all = Object.values(d);
        const found = rank(all.flatMap((r) => r.nodes), q);
        const total = all.reduce((n, r) => n + r.totalCount, 0);
        setOptions(found.slice(0, SHOWN));
        setMore(total - Math.min(found.length, SHOWN));
        setActive(-1);
        setOpen(true);
        setStatus(found.length === 0 ? 'Aucun territoire ne porte ce nom.'
          : `${Math.min(found.length, SHOWN)} territoire${found.length > 1 ? 's' : ''} proposé${found.length > 1 ? 's' : ''} : flèches haut et bas pour parcourir, Entrée pour choisir.`);
      }, (e: Error) => {
        if (!live) return;
        setOptions([]);
        setOpen(false);
        setError(`La recherche de territoires a échoué : ${e.message}`);
      });
    }, 250);
    return () => { live = false; clearTimeout(timer); };
  }, [text]);

  const pick = (t: TerritoryRef) => {
    setText('');
    setOpen(false);
    setStatus('');
    onPick(t);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = options[active] ?? (options.length === 1 ? options[0] : null);
      if (open && chosen) pick(chosen);
    } else if (e.key === 'Escape') {
      if (open) { e.preventDefault(); setOpen(false); setActive(-1); } else setText('');
    }
  };

  const expanded = open && options.length > 0;
  return (
    <div class="territory-picker" role="search" aria-label="Choisir un territoire">
      <label for="territory-search">Changer de territoire</label>
      <input
        id="territory-search"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="territory-options"
        aria-activedescendant={expanded && active >= 0 ? `territory-option-${active}` : undefined}
        aria-describedby="territory-search-hint"
        value={text}
        placeholder="ex. : Vitry-sur-Seine, Val-de-Marne, Occitanie"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => options.length && setOpen(true)}
      />
      <small id="territory-search-hint">Commune, intercommunalité, département ou région : tapez au moins deux lettres du nom.</small>
      <ul id="territory-options" role="listbox" aria-label="Territoires proposés" class="territory-options" hidden={!expanded}>
        {options.map((t, i) => (
          <li
            key={`${t.level}:${t.code}`}
            id={`territory-option-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : undefined}
            // mousedown, not click: the input must not lose focus (and close the list) first.
            onMouseDown={(e) => { e.preventDefault(); pick(t); }}
          >
            <span class="option-name">{t.name}</span> <span class="option-meta">{LEVEL_LABELS[t.level]} · {t.code}</span>
          </li>
        ))}
      </ul>
      {expanded && more > 0 && <p class="option-more">Et {more} autre{more > 1 ? 's' : ''} : précisez le nom.</p>}
      {open && !options.length && <p class="option-more">Aucun territoire ne porte ce nom.</p>}
      <p role="status" class="sr-only">{status}</p>
      {error && <p role="alert" class="field-error">{error}</p>}
    </div>
  );
}
